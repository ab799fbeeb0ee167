// The reader: walks a document clause by clause, carrying the year, the subject and the measure from
// one clause to the next, and turns every value that ends a target into a draft with its reasons.
import type { Indicator } from '../indicators.ts';
import type { Comparator } from '../progress.ts';
import { canConvert, isUnit, isWholeUnit } from '../units.ts';
import { clausesOf, LIST_MARKER, normalize, sentenceTexts, startingIn, type Clause } from './clauses.ts';
import { indicatorFor, splitItems } from './indicator-rules.ts';
import { coverageSubject, namedSubjects, regionSetOf, subjectAtStart, subjectInPieces, type Phrase, type ScopeWords } from './scopes.ts';
import { bareYearAt, PAST, PAST_STRONG, PLAN_PERIODS, timePhrases, type TimePhrase } from './time.ts';
import { ABOUT_TOLERANCE, type Candidate, type QualitativeAim, type Reason, type ScopeSuggestion, type Span, type WithheldItem, type WithheldReason, type YearRef } from './types.ts';
import { valueExpressions, type ValueExpr } from './values.ts';
import { AIM_WORDS, eatTokensBefore, INCENTIVE, STRONG_AIM_WORDS, stripLeading, TARGET_CUE, type Token } from './words.ts';

/** A candidate before it has an id and a confidence; its year may be missing (then it is held back). */
export interface Draft extends Omit<Candidate, 'id' | 'confidence' | 'quote' | 'targetYear' | 'year' | 'alternativeOf' | 'alternative' | 'stretchValue'> {
  year: YearRef | null;
}

export interface Found {
  candidates: Draft[];
  qualitative: QualitativeAim[];
  withheld: WithheldItem[];
}

/** What stays the same while a document is read. */
interface Doc {
  /** The original text (quotes come from it) and the same normalised index for index (rules read it). */
  text: string;
  t: string;
  docYear: number | null;
  clauses: Clause[];
  times: TimePhrase[];
  values: ValueExpr[];
  subjects: { words: string; span: Span }[];
  sentences: Map<number, string>;
  /** The period in the title (三年行动计划（2023—2025年）): the year of every target the text does not date. */
  horizon: TimePhrase | null;
  /** Sizes of region sets stated anywhere in the text (45个工业大县), looked up once per set. */
  setSizes: Map<string, { size: number | null; span: Span } | null>;
}

/** What carries from one clause to the next. */
interface Carry {
  ctx: TimePhrase | null;
  /** The text has moved on to past or present facts (去年, 2021年, 截至2023年底 in 2024): nothing to propose or hold back. */
  inPast: boolean;
  lastScope: ScopeWords | null;
  lastPhrase: { phrase: string; span: Span } | null;
  /** A clause that is only a year phrase lends its words to the next clause's span. */
  pureTimeBefore: TimePhrase | null;
  paragraph: number;
  prevParagraphEnd: string;
  inList: boolean;
  /**
   * The year in effect where the current list began (after its "…目标：", or before its first item):
   * every item starts from it, not from the year of the item before. Undefined outside a list.
   */
  listCtx?: TimePhrase | null;
}

export function readDocument(text: string, docYear: number | null): Found {
  const doc = openDocument(text, docYear);
  const carry: Carry = { ctx: doc.horizon, inPast: false, lastScope: null, lastPhrase: null, pureTimeBefore: null, paragraph: -1, prevParagraphEnd: '', inList: false };
  const found: Found = { candidates: [], qualitative: [], withheld: [] };
  for (const clause of doc.clauses) {
    if (clause.paragraph !== carry.paragraph) enterParagraph(doc, carry, clause);
    readClause(doc, carry, clause, found);
  }
  return found;
}

function openDocument(text: string, docYear: number | null): Doc {
  const t = normalize(text);
  const clauses = clausesOf(t);
  const { phrases: times, horizon } = timePhrases(t, docYear);
  return {
    text, t, docYear, clauses, times, values: valueExpressions(t), subjects: namedSubjects(t),
    sentences: sentenceTexts(t, clauses), horizon, setSizes: new Map(),
  };
}

/**
 * A new paragraph starts afresh, unless it goes on a list: after "…目标:" or "…实现以下目标。", or with a
 * list marker; a section heading (二、重点任务) ends the list.
 */
function enterParagraph(doc: Doc, carry: Carry, clause: Clause): void {
  const { t } = doc;
  const lineEnd = t.indexOf('\n', clause.start);
  const line = t.slice(clause.start, lineEnd < 0 ? t.length : lineEnd);
  const heading = /^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])/.test(line)
    || (line.trim().length <= 20 && !/[。,;]/.test(line) && !/目标|指标/.test(line));
  const listItem = LIST_MARKER.test(line) && !heading;
  const intro = /:\s*$/.test(carry.prevParagraphEnd) || /(?:以下|如下)[^。]{0,8}[。:]?\s*$/.test(carry.prevParagraphEnd);
  if (heading) carry.inList = false;
  else if (intro) carry.inList = true;
  if (heading || !(listItem || intro || carry.inList)) {
    carry.ctx = doc.horizon;
    carry.inPast = false;
    carry.lastScope = null;
    carry.lastPhrase = null;
    carry.listCtx = undefined;
  } else if (intro || carry.listCtx === undefined) {
    carry.listCtx = carry.ctx;
  } else if (listItem && carry.listCtx) {
    // （二） after （一）“十四五”期间…: the second item is dated by the list, not by the first item's own year
    carry.ctx = carry.listCtx;
    carry.inPast = false;
  }
  carry.paragraph = clause.paragraph;
  carry.pureTimeBefore = null;
}

/** One clause as the rules see it: its words after a list marker, its sentence, its year phrases and which of them hold. */
interface ClauseView {
  clause: Clause;
  contentStart: number;
  body: string;
  sentenceText: string;
  times: TimePhrase[];
  /** The clause states a past or present fact (已建成, 目前). */
  past: boolean;
  /** The year phrase in effect at a position: the last of this clause before it (or its first), else the one carried in. */
  ctxAt: (pos: number) => TimePhrase | null;
  /** Whether the text at a position speaks of the past or present. */
  pastAt: (pos: number) => boolean;
  /** The year in effect and the past-or-not at the clause's end, carried to the next clause. */
  ctxAfter: TimePhrase | null;
  pastAfter: boolean;
}

function viewClause(doc: Doc, carry: Carry, clause: Clause): ClauseView | null {
  const { t } = doc;
  const marker = LIST_MARKER.exec(t.slice(clause.start, clause.end));
  const afterMarker = clause.start + (marker ? marker[0].length : 0);
  const contentStart = afterMarker + (/^\s*/.exec(t.slice(afterMarker, clause.end))?.[0].length ?? 0);
  const body = t.slice(contentStart, clause.end);
  const sentenceText = doc.sentences.get(clause.sentence) ?? body;
  const times = startingIn(doc.times, clause.start, clause.end, (p) => p.span.start).filter((p) => p.span.start >= clause.start && p.span.end <= clause.end);
  const bare = bareYearAt(body, contentStart, doc.docYear, sentenceText);
  if (bare && !times.some((p) => p.span.start <= bare.span.end && p.span.end > contentStart)) times.unshift(bare);

  const past = PAST.test(body);
  if (times.length === 0 && past) return null;
  const strongPast = PAST_STRONG.test(body);
  const isHorizon = (p: TimePhrase) => p.future && !strongPast;
  let ctxAfter: TimePhrase | null = carry.ctx;
  for (const p of times) ctxAfter = isHorizon(p) ? p : null;
  const phraseAt = (pos: number): TimePhrase | undefined => times.findLast((p) => p.span.start <= pos) ?? times[0];
  const { ctx, inPast } = carry;
  return {
    clause, contentStart, body, sentenceText, times, past, ctxAfter,
    pastAfter: times.length ? !isHorizon(times.at(-1)!) : inPast,
    ctxAt: (pos) => {
      const p = phraseAt(pos);
      return p ? (isHorizon(p) ? p : null) : ctx;
    },
    pastAt: (pos) => {
      const p = phraseAt(pos);
      return p ? !isHorizon(p) : inPast;
    },
  };
}

function readClause(doc: Doc, carry: Carry, clause: Clause, found: Found): void {
  const view = viewClause(doc, carry, clause);
  if (!view) {
    // a past or present fact without a year phrase: the year ends here
    carry.ctx = null;
    carry.inPast = true;
    carry.pureTimeBefore = null;
    return;
  }
  const { masks, live } = maskValues(doc, view);
  nameFromBareNoun(carry, view, live);
  const walk: Walk = { segStart: view.contentStart, previousItems: null, respectiveIndex: 0, respectiveStart: view.contentStart, years: null, drafts: [] };
  for (const target of targetValuesOf(doc.t, view, live)) readTarget(doc, carry, view, masks, live, walk, target);
  aimsLeft(doc, view, walk, found);
  sortDrafts(doc.text, view, walk.drafts, found);

  // Carry the year on; a clause that is only a year phrase lends its words to the next clause's span.
  const { t } = doc;
  carry.ctx = view.ctxAfter;
  carry.inPast = view.pastAfter;
  const timeWords = view.times.map((p) => t.slice(p.span.start, p.span.end).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const leftover = view.times.length ? view.body.replace(new RegExp(timeWords, 'g'), '').replace(/目标显示|目标是|具体目标|主要目标|总体目标|发展目标|[\s,、]/g, '') : view.body;
  carry.pureTimeBefore = view.times.length && leftover === '' && walk.drafts.length === 0 ? view.times.at(-1)! : null;
  carry.prevParagraphEnd = t.slice(Math.max(clause.start, clause.end - 16), Math.min(t.length, clause.end + 1));
}

/** Year phrases, baselines (比2020年, 由2020年的X) and past figures (2021年的2271亿元): parts of a clause that are not targets. */
type Mask = Span & { kind: 'time' | 'baseline' | 'past'; year?: number; value?: number | null };

function maskValues(doc: Doc, view: ClauseView): { masks: Mask[]; live: ValueExpr[] } {
  const { t } = doc;
  const { clause, contentStart, body } = view;
  const masks: Mask[] = view.times.map((p) => ({ ...p.span, kind: 'time' as const }));
  for (const m of body.matchAll(/(?:比|较|与|同|相比|相较于?)(?:(\d{4})\s*年(?:底|末)?|[“"‘]?十([一二三四五])五[”"’]?(?:末|期末|末期)?)(?:相比)?|以(\d{4})年为基[数准期]/g)) {
    const year = m[2] ? PLAN_PERIODS[m[2]]! : Number(m[1] ?? m[3]);
    masks.push({ start: contentStart + m.index, end: contentStart + m.index + m[0].length, kind: 'baseline', year });
  }
  const inClause = startingIn(doc.values, contentStart, clause.end, (v) => v.start).filter((v) => v.qualifiedEnd <= clause.end && !masks.some((k) => v.start < k.end && k.start < v.end));
  const live: ValueExpr[] = [];
  for (const v of inClause) {
    const before = t.slice(Math.max(contentStart, v.start - 12), v.start);
    const pastFigure = /(?:(由|从))?(\d{4})\s*年(?:底|末)?(的)?$/.exec(before);
    // 提高至2025年的4%: the year is the target's (a time phrase ends at the value)
    const dated = masks.some((k) => (k.kind === 'baseline' || k.kind === 'time') && k.end === v.start);
    if (pastFigure && !pastFigure[1] && pastFigure[3] && v.statedUnit === '倍' && !dated) {
      // 达到2020年的3倍: that year's figure is the baseline the multiple is of
      masks.push({ start: v.start - pastFigure[0].length, end: v.start, kind: 'baseline', year: Number(pastFigure[2]) });
    } else if (pastFigure && (pastFigure[1] || pastFigure[3]) && !dated) {
      masks.push({ start: v.start - pastFigure[0].length, end: v.qualifiedEnd, kind: pastFigure[1] ? 'baseline' : 'past', year: Number(pastFigure[2]), value: v.value });
      continue;
    }
    live.push(v);
  }
  return { masks, live };
}

/** 高新技术企业数量，2020年基期值为1800家，2025年目标值为4000家: a bare noun names what follows. */
function nameFromBareNoun(carry: Carry, view: ClauseView, live: readonly ValueExpr[]): void {
  const { body } = view;
  if (live.length === 0 && view.times.length === 0 && body.trim().length <= 24 && !AIM_WORDS.test(body) && !/[要将是为有在]/.test(body)
    && !/^(?:主要|具体|发展|总体|预期|约束性)?(?:指标|目标)$/.test(body.trim())) {
    const trimmed = body.trim();
    carry.lastPhrase = { phrase: trimmed, span: { start: view.contentStart, end: view.contentStart + trimmed.length } };
  }
}

/** A value that is a target, with the noun after it when the count comes first (培育10家以上独角兽企业). */
interface TargetValue {
  v: ValueExpr;
  nounAfter: Span | null;
  /** 2个千亿级、5个百亿级产业集群: the noun the items before the last share. */
  sharedTail?: string;
}

const ACQUIRE_BEFORE_COUNT = /(?:培育|引进|建设|建成|新建|打造|创建|认定|引育|集聚|招引|组建|布局|设立|培养|新增|新认定|争创|形成|拥有|建有|落地|有)(?:累计)?(?:超过|超|不少于|至少|达到)?$/;

/**
 * Which values are targets: those that end their item (clause end, 、, 并, …); a value followed by more
 * of a noun is part of the phrase (亩均税收5万元以下低效…企业, 45个工业大县), unless a count comes
 * before what is counted (培育10家以上独角兽企业).
 */
function targetValuesOf(t: string, view: ClauseView, live: readonly ValueExpr[]): TargetValue[] {
  const { clause, contentStart } = view;
  const incentive = INCENTIVE.test(view.body);
  const itemEnd = live.map((v) => {
    let end = v.qualifiedEnd;
    const trail = /^(?:的)?(?:目标|水平|规模|台阶|大关)/.exec(t.slice(end, clause.end));
    if (trail) end += trail[0].length;
    const rest = t.slice(end, clause.end);
    return { end, rest, ends: rest.trim() === '' || /^\s*(?:[、和及与并且]|以及|同时|[(（])/.test(rest) };
  });
  const targets: TargetValue[] = [];
  for (let vi = 0; vi < live.length; vi++) {
    const v = live[vi]!;
    const { end, rest, ends } = itemEnd[vi]!;
    if (incentive && v.kind === 'number') continue;
    if (v.kind === 'rank' && !/进入|跻身|位居|位列|稳居|排名|排在|居|迈入|挺进|保持|列/.test(t.slice(Math.max(contentStart, v.start - 12), v.start))) continue;
    if (ends) {
      targets.push({ v, nounAfter: null });
      continue;
    }
    // 培育10家以上独角兽企业: a count, then what is counted (numbers inside the noun are part of it).
    const beforeWords = t.slice(Math.max(contentStart, v.start - 8), v.start);
    const previous = targets.at(-1);
    const listGoesOn = !!previous?.nounAfter && /^[、和及与]$/.test(t.slice(previous.nounAfter.end, v.start));
    if (v.kind === 'number' && isWholeUnit(v.statedUnit?.replace(/^万/, '') ?? '') && !itemEnd.slice(vi + 1).some((x) => x.ends)
      && (listGoesOn || ACQUIRE_BEFORE_COUNT.test(beforeWords))) {
      const noun = /^[^,;、。]+?(?=$|[、和及与并]|以及|同时)/.exec(rest);
      if (noun && noun[0].length >= 2) targets.push({ v, nounAfter: { start: end, end: end + noun[0].length } });
    }
  }
  // 2个千亿级、5个百亿级产业集群: the items before the last share its noun.
  for (let i = targets.length - 2; i >= 0; i--) {
    const a = targets[i]!;
    const b = targets[i + 1]!;
    if (!a.nounAfter || !b.nounAfter || !/^[、和及与]$/.test(t.slice(a.nounAfter.end, b.v.start))) continue;
    const own = t.slice(a.nounAfter.start, a.nounAfter.end);
    const last = b.sharedTail !== undefined ? `级${b.sharedTail}` : t.slice(b.nounAfter.start, b.nounAfter.end);
    if (own.endsWith('级') && last.includes('级')) a.sharedTail = last.slice(last.indexOf('级') + 1);
  }
  return targets;
}

/** What the walk along a clause's targets keeps: where the next target's words start, and the items 分别 pairs. */
interface Walk {
  segStart: number;
  /** 国家级孵化器和众创空间分别达到30家、50家: the items still to pair with the values that follow. */
  previousItems: { text: string; span: Span }[] | null;
  respectiveIndex: number;
  respectiveStart: number;
  /** 到2025年、2030年…分别达到12家和15家: the years still to pair with the values that follow. */
  years: { phrase: TimePhrase; next: number } | null;
  drafts: Draft[];
}

/** The words before a value, up to where the target's words start: pieces between masks, the tokens just before the value. */
interface WordsBefore {
  /** The words that name what is measured, with the tokens taken off their end. */
  zone: Span;
  tokens: Token[];
  /** The pieces before the phrase's own (where a subject may stand: 全省高新区 | 到2025年 | …). */
  scopePieces: Span[];
  baselineMask: Mask | undefined;
  /** 由1200家增加到2000家: the value the change starts from. */
  fromValue: ValueExpr | undefined;
}

function wordsBefore(t: string, masks: readonly Mask[], live: readonly ValueExpr[], segStart: number, v: ValueExpr): WordsBefore {
  // The prefix without the masked parts; the phrase is its last unmasked part.
  const prefixMasks = masks.filter((k) => k.start >= segStart && k.end <= v.start).sort((a, b) => a.start - b.start);
  const pieces: Span[] = [];
  let cursor = segStart;
  for (const k of prefixMasks) {
    if (k.start > cursor) pieces.push({ start: cursor, end: k.start });
    cursor = Math.max(cursor, k.end);
  }
  if (v.start > cursor) pieces.push({ start: cursor, end: v.start });
  const tokens: Token[] = [];
  let zone = eatTokensBefore(t, pieces.at(-1) ?? { start: v.start, end: v.start }, tokens);
  // 由2020年的1.2万家增加到2万家: the phrase sits before the baseline.
  if (zone.end === zone.start && pieces.length > 1) {
    pieces.pop();
    const prev = pieces.at(-1)!;
    zone = eatTokensBefore(t, { start: prev.start, end: prev.end - (/(?:由|从|比|较|与|同)$/.exec(t.slice(prev.start, prev.end))?.[0].length ?? 0) }, tokens);
  }
  let fromValue: ValueExpr | undefined;
  const fromAt = /(?:从|由)\s*(?=[\d一二两三四五六七八九十])/.exec(t.slice(zone.start, zone.end));
  if (fromAt && fromAt.index > 0) {
    fromValue = live.find((x) => x.start === zone.start + fromAt.index + fromAt[0].length);
    if (fromValue) zone = { start: zone.start, end: zone.start + fromAt.index };
  }
  return { zone, tokens, scopePieces: pieces.slice(0, -1), baselineMask: prefixMasks.find((k) => k.kind === 'baseline'), fromValue };
}

/** What is measured and who it is about: the phrase with its subject taken off, and the region set of a 全覆盖. */
interface Named {
  phrase: Phrase;
  /** How much of the phrase is written where it stands (the rest is a shared noun: 2个千亿级、5个百亿级产业集群). */
  written: number | undefined;
  scope: ScopeWords | null;
  coverageSet: ScopeSuggestion['regionSet'];
}

function nameTarget(doc: Doc, target: TargetValue, before: WordsBefore, flags: Set<string>): Named {
  const { t } = doc;
  const { v, nounAfter, sharedTail } = target;
  const stripped = stripLeading(t.slice(before.zone.start, before.zone.end).trimEnd(), before.zone.start, flags);
  let phrase: Phrase = { text: stripped.phrase, start: stripped.offset };
  let scope = subjectInPieces(t, before.scopePieces);
  let coverageSet: ScopeSuggestion['regionSet'] = null;
  if (v.kind === 'all') {
    const covering = coverageSubject(phrase, flags);
    phrase = covering.phrase;
    scope = covering.scope ?? scope;
    coverageSet = regionSetOf(t, phrase, doc.setSizes);
  } else {
    const subject = subjectAtStart(phrase, v.kind === 'number' && isWholeUnit(v.unit ?? ''), flags);
    phrase = subject.phrase;
    scope = subject.scope ?? scope;
  }
  let written: number | undefined;
  if (nounAfter) {
    const noun = stripLeading(t.slice(nounAfter.start, nounAfter.end), nounAfter.start, flags);
    phrase = { text: noun.phrase + (sharedTail ?? ''), start: noun.offset };
    written = noun.phrase.length;
  }
  return { phrase, written, scope, coverageSet };
}

const COMPARATOR_WORDS: Record<Comparator, string> = { at_least: '不低于', more_than: '超过', at_most: '不超过', less_than: '低于', about: '左右' };

/** The words after the value win (8%左右), then the words before it, else at least (said in the reasons). */
function comparatorOf(v: ValueExpr, before: Comparator | undefined, reasons: Reason[]): Comparator {
  if (v.kind === 'zero' || v.kind === 'rank') return 'at_most';
  if (v.postComparator) {
    if (before === 'more_than' && v.postComparator === 'at_least') return 'more_than';
    if (before === 'less_than' && v.postComparator === 'at_most') return 'less_than';
    return v.postComparator;
  }
  if (v.approxMid) return 'more_than';
  if (before) return before;
  if (v.kind === 'number' || v.kind === 'double') reasons.push({ code: 'default_comparator', message: '未写比较词(达到/实现), 按“不低于”理解 (no comparator word: read as at least)', effect: -0.05 });
  return 'at_least';
}

/** One value's target(s): its phrase, subject, comparator and year, one draft per item (均/各, 分别). */
function readTarget(doc: Doc, carry: Carry, view: ClauseView, masks: readonly Mask[], live: readonly ValueExpr[], walk: Walk, target: TargetValue): void {
  const { t } = doc;
  const { v, nounAfter } = target;
  const flags = new Set<string>();
  const segmentEnd = nounAfter ? nounAfter.end : v.qualifiedEnd;
  const before = wordsBefore(t, masks, live, walk.segStart, v);
  for (const tk of before.tokens) if (tk.kind === 'annual' || tk.kind === 'cumulative' || tk.kind === 'increase' || tk.kind === 'decrease') flags.add(tk.kind);
  const named = nameTarget(doc, target, before, flags);
  const { tokens } = before;
  const area = tokens.find((tk): tk is Extract<Token, { kind: 'area' }> => tk.kind === 'area')?.area ?? null;
  const distributive = tokens.some((tk) => tk.kind === 'each');
  const respectively = tokens.some((tk) => tk.kind === 'respectively');
  if (flags.has('increase') && tokens.some((tk) => tk.kind === 'level')) flags.delete('increase');
  const reasons: Reason[] = [];
  const comparator = comparatorOf(v, tokens.find((tk): tk is Extract<Token, { kind: 'comparator' }> => tk.kind === 'comparator')?.comparator, reasons);

  const items = itemsOf(carry, walk, v, named, { area, distributive, respectively });
  // The span: from the year phrase when it is in this clause or is the clause before, to the value.
  let spanStart = items.respective ? walk.respectiveStart : walk.segStart;
  if (walk.drafts.length === 0 && carry.pureTimeBefore && walk.segStart === view.contentStart) spanStart = carry.pureTimeBefore.span.start;
  while (/[\s,、]/.test(t[spanStart] ?? '') && spanStart < v.start) spanStart++;
  const yearPhrase = pairedYear(walk, view.ctxAt(v.start), respectively && !items.pairsItems, items.inherited);
  const baseline = before.baselineMask
    ? { year: before.baselineMask.year ?? null, value: before.baselineMask.value ?? null, span: { start: before.baselineMask.start, end: before.baselineMask.end } }
    : before.fromValue ? { year: null, value: before.fromValue.value, span: { start: before.fromValue.start, end: before.fromValue.qualifiedEnd } } : null;
  const scope = suggestScope(doc, carry, v, named);

  const shared: SharedParts = {
    span: { start: spanStart, end: segmentEnd }, comparator, flags, reasons, scope, baseline,
    year: yearPhrase ? { year: yearPhrase.year, text: doc.text.slice(yearPhrase.span.start, yearPhrase.span.end), span: yearPhrase.span, rule: yearPhrase.rule, explanation: yearPhrase.explanation } : null,
    context: { kind: v.kind, unit: v.unit, area, scope: scope.words ?? '', segment: t.slice(walk.segStart, segmentEnd) },
    origin: { inherited: items.inherited, distributive: items.list.length > 1 && distributive, respectively: respectively || items.respective, countFirst: !!nounAfter, count: items.list.length },
  };
  for (const item of items.list) walk.drafts.push(draftOf(doc, v, item, named.coverageSet, shared));

  if (items.list[0]?.text && !view.pastAt(v.start)) carry.lastPhrase = { phrase: items.list.at(-1)!.text, span: items.list.at(-1)!.span };
  walk.segStart = segmentEnd;
  const sep = /^(?:的)?(?:目标|水平|规模|台阶|大关)?\s*(?:[、和及与并且,]|以及|同时)*/.exec(t.slice(walk.segStart, view.clause.end));
  walk.segStart += sep?.[0].length ?? 0;
  if (!respectively && !items.respective) walk.previousItems = null;
}

/**
 * The items a value is for: the phrase itself; each item of a 均/各 or 分别 list; for a bare value after
 * 分别 the next item of the list; else the measure named in the clause before (…, 力争到2025年达到…).
 */
function itemsOf(carry: Carry, walk: Walk, v: ValueExpr, named: Named, words: { area: string | null; distributive: boolean; respectively: boolean }) {
  let { text, start } = named.phrase;
  if (!text && v.kind === 'rank') {
    text = `${words.area ?? ''}排名`;
    start = v.start;
  }
  let list = [{ text, span: { start, end: start + (v.kind === 'rank' && start === v.start ? v.end - v.start : named.written ?? text.length) } }];
  if ((words.distributive || words.respectively) && text) list = splitItems(text, start);
  let inherited = false;
  let respective = false;
  if (!text && v.kind === 'number') {
    if (walk.previousItems && walk.previousItems.length > walk.respectiveIndex) {
      list = [walk.previousItems[walk.respectiveIndex]!];
      walk.respectiveIndex++;
      respective = true;
    } else if (carry.lastPhrase) {
      list = [{ text: carry.lastPhrase.phrase, span: carry.lastPhrase.span }];
      inherited = true;
    }
  }
  const pairsItems = words.respectively && list.length > 1;
  if (pairsItems) {
    walk.previousItems = list;
    walk.respectiveIndex = 1;
    list = [list[0]!];
    walk.respectiveStart = walk.segStart;
  }
  return { list, inherited, respective, pairsItems };
}

/**
 * 到2025年、2030年，…分别达到12家和15家: the years of a list go in order to the value after 分别 and the
 * values that follow it with the same measure; any other value ends the pairing.
 */
function pairedYear(walk: Walk, phrase: TimePhrase | null, respectively: boolean, sameMeasure: boolean): TimePhrase | null {
  const years = phrase?.years;
  if (!phrase || !years) {
    walk.years = null;
    return phrase;
  }
  let n = 0;
  if (respectively) walk.years = { phrase, next: 1 };
  else if (sameMeasure && walk.years?.phrase === phrase && walk.years.next < years.length) n = walk.years.next++;
  else walk.years = null;
  return { ...phrase, year: years[n]!, explanation: `“${phrase.text}”分别对应, 第${n + 1}个为${years[n]}年 (the years in order, respectively)` };
}

/** Who the target is about: the subject of this target, else the last one of the paragraph, else the zone the text names. */
function suggestScope(doc: Doc, carry: Carry, v: ValueExpr, named: Named): ScopeSuggestion {
  const { scope } = named;
  if (scope) carry.lastScope = scope;
  const source = scope ?? carry.lastScope;
  const zone = source ? null : doc.subjects.findLast((s) => s.span.start < v.start);
  return {
    kind: v.kind === 'all' ? 'coverage'
      : source ? (source.single ? 'park' : source.each ? 'park_class' : source.region === 'other' ? null : 'province_aggregate')
        : zone ? 'park' : null,
    words: source?.words ?? zone?.words ?? null,
    span: source?.span ?? zone?.span ?? null,
    inherited: source ? source !== scope : !!zone,
    parkLevel: source?.parkLevel ?? null,
    places: source?.places ?? (zone ? [zone.words] : []),
    regionSet: named.coverageSet,
  };
}

/** What the drafts of one value share. */
interface SharedParts {
  span: Span;
  comparator: Comparator;
  flags: ReadonlySet<string>;
  /** Reasons read before the items (the default comparator). */
  reasons: readonly Reason[];
  scope: ScopeSuggestion;
  baseline: Draft['baseline'];
  year: YearRef | null;
  context: Parameters<typeof indicatorFor>[1];
  /** How the item's measure was found: carried over, one of a 均/各 list, paired by 分别, or named after the count. */
  origin: { inherited: boolean; distributive: boolean; respectively: boolean; countFirst: boolean; count: number };
}

function draftOf(doc: Doc, v: ValueExpr, item: { text: string; span: Span }, coverageSet: ScopeSuggestion['regionSet'], shared: SharedParts): Draft {
  const { comparator, flags, origin } = shared;
  const matched = indicatorFor(item.text, shared.context, v, flags);
  const { indicator } = matched;
  const reasons: Reason[] = [...shared.reasons, ...matched.reasons];
  if (origin.inherited) reasons.push({ code: 'inherited_phrase', message: `指标沿用前文“${item.text}” (the measure is named earlier)`, effect: -0.15 });
  if (origin.distributive) reasons.push({ code: 'distributive', message: `“均/各”: 同一数值分别适用于${origin.count}项之一 (one of ${origin.count} items sharing the value)`, effect: -0.03 });
  if (origin.respectively) reasons.push({ code: 'respectively', message: '“分别”: 按顺序对应 (respectively, in order)', effect: -0.05 });
  if (origin.countFirst) reasons.push({ code: 'count_before_noun', message: '数量在前、名词在后 (培育10家以上…企业)', effect: -0.05 });
  const { value, unit } = valueAndUnit(v, item.text, indicator, coverageSet, reasons);
  if (comparator === 'about') reasons.push({ code: 'about', message: `“${v.postWord ?? '约'}”: 约数, 容差默认${ABOUT_TOLERANCE * 100}% (about: tolerance ${ABOUT_TOLERANCE * 100}% by default)`, effect: 0 });
  else if (!reasons.some((r) => r.code === 'default_comparator')) reasons.push({ code: 'comparator', message: `比较: ${COMPARATOR_WORDS[comparator]} (${comparator})`, effect: 0 });
  return {
    span: shared.span,
    indicator: {
      code: indicator?.code ?? null, nameZh: indicator?.nameZh ?? null, unit: indicator?.unit ?? null,
      phrase: item.text, span: item.span, inherited: origin.inherited, relatedCode: matched.relatedCode,
    },
    comparator,
    value,
    unit,
    tolerance: comparator === 'about' ? ABOUT_TOLERANCE : null,
    stated: { text: doc.text.slice(v.start, v.end), span: { start: v.start, end: v.end }, value: v.statedValue, unit: v.statedUnit },
    allOfSet: v.kind === 'all',
    change: flags.has('increase') ? 'increase' : flags.has('decrease') ? 'decrease' : null,
    annual: flags.has('annual'),
    cumulative: flags.has('cumulative'),
    year: shared.year,
    baseline: shared.baseline,
    scopeWords: shared.scope.words,
    scope: shared.scope,
    reasons,
  };
}

/** The value and unit to propose: 清零 counts firms, 全覆盖 the set's size, a missing unit the indicator's; with the reasons. */
function valueAndUnit(v: ValueExpr, phrase: string, indicator: Indicator | null, coverageSet: ScopeSuggestion['regionSet'], reasons: Reason[]): { value: number | null; unit: string | null } {
  let unit = v.unit;
  let value = v.value;
  if (v.kind === 'zero') {
    unit = /企业|户$/.test(phrase) ? '家' : indicator?.unit ?? '个';
    reasons.push({ code: 'zero', message: '“清零”即目标值为0 (清零 means zero)', effect: 0 });
  }
  if (v.kind === 'all') {
    value = coverageSet?.size ?? null;
    reasons.push({
      code: 'all_of_set',
      message: coverageSet?.size != null
        ? `“全覆盖”: 集合“${coverageSet.words}”的每一个, 共${coverageSet.size}个 (every member of the set, ${coverageSet.size} stated)`
        : `“全覆盖”: 集合“${coverageSet?.words ?? ''}”的每一个; 文中未写集合大小, 接受时由所选地区集合确定 (every member; the size comes from the region set)`,
      effect: 0,
    });
  }
  if (v.kind === 'rank') reasons.push({ code: 'rank', message: `“前${v.value}”: 排名不高于第${v.value}位 (a rank: at most ${v.value})`, effect: 0 });
  if (v.unitAssumed) reasons.push({ code: 'unit_assumed', message: `未写“元”, 按${unit}理解 (unit assumed)`, effect: -0.1 });
  if (unit === null && indicator) {
    unit = indicator.unit;
    reasons.push({ code: 'unit_from_indicator', message: `未写单位, 取指标单位${unit} (unit from the indicator)`, effect: -0.05 });
  }
  if (indicator && unit && unit !== indicator.unit && !(indicator.kind === 'coverage' && unit === '个')) {
    // 亿元 for a 万元 indicator converts, and so does 个 for 家 (one count): not a mismatch
    if (!(isUnit(unit) && canConvert(unit, indicator.unit))) reasons.push({ code: 'unit_mismatch', message: `单位${unit}与指标单位${indicator.unit}不符 (unit differs from the indicator's)`, effect: -0.2 });
  }
  if (v.range) reasons.push({ code: 'range', message: `区间${v.range.low}—${v.range.high}, 取下限 (a range: the lower bound)`, effect: -0.1 });
  return { value, unit };
}

/** What is left of the clause after its targets: an aim without a number (走在全省前列, 争创世界一流高科技园区)? */
function aimsLeft(doc: Doc, view: ClauseView, walk: Walk, found: Found): void {
  const { clause } = view;
  const restTrim = doc.t.slice(walk.segStart, clause.end).replace(/^[\s、,并且同时以及和]+/, '');
  const restStart = clause.end - restTrim.length;
  const restCtx = view.ctxAt(clause.end);
  const aim = (reason: string) => found.qualitative.push({ span: { start: restStart, end: clause.end }, text: doc.text.slice(restStart, clause.end), year: restCtx?.year ?? null, reason });
  if (walk.drafts.length === 0 && restTrim && !view.past) {
    const withYear = restCtx !== null && AIM_WORDS.test(restTrim);
    if (withYear || STRONG_AIM_WORDS.test(restTrim)) aim(withYear ? '有目标年份、无数值的目标 (an aim with a year but no number)' : '无数值的目标 (an aim without a number)');
  } else if (walk.drafts.length > 0 && restTrim.length >= 4 && AIM_WORDS.test(restTrim)) {
    aim('有目标年份、无数值的目标 (an aim with a year but no number)');
  }
}

/** Drafts become candidates only with a year in effect; without one they are held back when they read as aims. */
function sortDrafts(text: string, view: ClauseView, drafts: readonly Draft[], found: Found): void {
  for (const d of drafts) {
    if (d.year && d.year.year !== null) {
      found.candidates.push(d);
    } else if (d.year && d.year.year === null) {
      found.withheld.push(withheldOf(text, d, 'relative_year_without_document_year', `“${d.year.text}”是相对年份, 需给出发文年份才能确定目标年 (a relative year: give the document's year)`));
    } else if (!view.pastAt(d.span.end) && (TARGET_CUE.test(view.sentenceText) || /推进|推动|实现/.test(view.body))) {
      found.withheld.push(withheldOf(text, d, 'no_year', '文中未写明或隐含目标年份, 不作为数值目标提出 (no target year stated or implied)'));
    }
  }
}

function withheldOf(text: string, d: Draft, reason: WithheldReason, message: string): WithheldItem {
  return {
    span: d.span, text: text.slice(d.span.start, d.span.end), reason, message,
    indicatorPhrase: d.indicator.phrase, comparator: d.comparator, value: d.value, unit: d.unit, year: d.year,
  };
}
