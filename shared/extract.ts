// Candidate targets from the Chinese prose of policy documents (实施意见, 行动计划, 规划, news reports of
// them). Rule-based and deterministic: every candidate carries the exact spans of the words it came
// from, what each rule read, and a confidence with its reasons. It never invents: a candidate needs a
// year the text states or implies (到2025年; 三年内 counted from the document's year) and a value the
// text states (a number; 清零 is 0; 全覆盖 is every member of the set). Aims without a number are listed
// apart as qualitative, and numbers without a year are held back with the reason.
// Pure (no I/O), so the web page can run it live while a planner pastes a text.
import { findIndicator } from './indicators.ts';
import type { Comparator } from './progress.ts';

// --- what it returns ---------------------------------------------------------------------------------

/** [start, end) in UTF-16 code units of the original text: text.slice(start, end). */
export interface Span {
  start: number;
  end: number;
}

export type YearRule = 'absolute' | 'period' | 'plan_period' | 'relative' | 'current_year';

export interface YearRef {
  /** null: a relative year without the document's year to count from. */
  year: number | null;
  text: string;
  span: Span;
  rule: YearRule;
  /** How the year was read, in Chinese and English. */
  explanation: string;
}

export type ScopeKind = 'park' | 'park_class' | 'province_aggregate' | 'coverage';

export interface ScopeSuggestion {
  kind: ScopeKind | null;
  /** The subject as the text names it ("高新区", "杭州、宁波国家高新区"), or null. */
  words: string | null;
  span: Span | null;
  /** Taken from an earlier clause of the same paragraph (or the document's subject). */
  inherited: boolean;
  parkLevel: 'national' | 'provincial' | null;
  /** Places named before the zone ("杭州", "宁波"): one target per park when accepted. */
  places: string[];
  /** Coverage: the region set ("设区市", "45个工业大县") and its size when the text states it. */
  regionSet: { words: string; span: Span; size: number | null; sizeSpan: Span | null } | null;
}

export interface IndicatorMatch {
  /** Catalogue code, or null: "unknown indicator" (the phrase says what the text measures). */
  code: string | null;
  nameZh: string | null;
  /** The catalogue unit of the indicator. */
  unit: string | null;
  /** The words that name what is measured (after a distributive split: the item with its shared tail). */
  phrase: string;
  span: Span;
  /** The phrase was carried over from the clause before (…, 力争到2025年达到…). */
  inherited: boolean;
  /** A catalogue indicator this one is the growth or change of (营业收入年均增长10% → operating_revenue). */
  relatedCode: string | null;
}

export interface Reason {
  code: string;
  message: string;
  /** What this reason did to the confidence (0 for a plain explanation). */
  effect: number;
}

export interface Candidate {
  id: string;
  /** The words of the target, from its year phrase (when next to it) to its value. */
  span: Span;
  quote: string;
  indicator: IndicatorMatch;
  comparator: Comparator;
  /** In `unit`; for 全覆盖 the size of the set when the text states it, else null (every member). */
  value: number | null;
  unit: string | null;
  /** about (左右, 约): the default share of the value within which it counts as met. */
  tolerance: number | null;
  /** The value as written: "1.5万亿元" → { value: 1.5, unit: "万亿元" }; value and unit above are normalised (15000 亿元). */
  stated: { text: string; span: Span; value: number | null; unit: string | null };
  /** 全覆盖: every member of the region set. */
  allOfSet: boolean;
  /** 增长/提高/新增 (increase by), 下降/减少 (decrease by); null for a level to reach. */
  change: 'increase' | 'decrease' | null;
  /** 年均 / 每年: a yearly rate or amount. */
  annual: boolean;
  /** 累计: counted over the whole period. */
  cumulative: boolean;
  targetYear: number;
  year: YearRef;
  baseline: { year: number | null; value: number | null; span: Span } | null;
  scopeWords: string | null;
  scope: ScopeSuggestion;
  /** In [0, 1]; 1 minus the effects listed in `reasons`. */
  confidence: number;
  reasons: Reason[];
}

export interface QualitativeAim {
  span: Span;
  text: string;
  year: number | null;
  reason: string;
}

export type WithheldReason = 'relative_year_without_document_year' | 'no_year';

/** A number that reads like a target but cannot be proposed: its year is missing or needs the document's year. */
export interface WithheldItem {
  span: Span;
  text: string;
  reason: WithheldReason;
  message: string;
  indicatorPhrase: string;
  comparator: Comparator;
  value: number | null;
  unit: string | null;
  year: YearRef | null;
}

export interface ExtractionResult {
  documentYear: number | null;
  candidates: Candidate[];
  qualitative: QualitativeAim[];
  withheld: WithheldItem[];
}

export interface ExtractOptions {
  /** The year the document was issued: relative years (三年内, 今年) count from it. */
  documentYear?: number | null;
}

/** The tolerance proposed for 左右 / 约 targets (a share of the value), as the progress method's default. */
export const ABOUT_TOLERANCE = 0.05;

// --- numbers -------------------------------------------------------------------------------------------

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_MULT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_CHARS = '零〇一二两三四五六七八九十百千';

/**
 * A number written in Arabic or Chinese numerals: "1,000" 1000, "4.24" 4.24, "十五" 15, "两千" 2000,
 * "一百二十" 120, "八" 8, "三点五" 3.5. Magnitudes (万, 亿) are units here, not part of the number.
 */
export function parseNumber(text: string): number | null {
  if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  const [whole, fraction] = text.split('点');
  if (!whole || !new RegExp(`^[${CN_CHARS}]+$`).test(whole)) return null;
  let total = 0;
  let digit: number | null = null;
  let lastWasDigit = false;
  for (const ch of whole) {
    if (ch in CN_DIGIT) {
      if (lastWasDigit && CN_DIGIT[ch] !== 0 && digit !== 0) return null; // "二五": not a number
      digit = CN_DIGIT[ch]!;
      lastWasDigit = true;
    } else {
      total += (digit ?? 1) * CN_MULT[ch]!;
      digit = null;
      lastWasDigit = false;
    }
  }
  total += digit ?? 0;
  if (fraction !== undefined) {
    if (!/^[零〇一二三四五六七八九]+$/.test(fraction)) return null;
    total += Number(`0.${[...fraction].map((c) => CN_DIGIT[c]).join('')}`);
  }
  return total;
}

const round = (n: number) => Number(n.toPrecision(12));

interface UnitInfo {
  factor: number;
  unit: string | null;
  /** The unit was not written and is assumed (1.5万亿 → 亿元). */
  assumed?: boolean;
}

/** Units as written → the value's factor and the unit the product speaks in. */
const UNITS: Record<string, UnitInfo> = {
  '万元/亩': { factor: 1, unit: '万元/亩' }, 万元每亩: { factor: 1, unit: '万元/亩' },
  个百分点: { factor: 1, unit: '个百分点' }, 百分点: { factor: 1, unit: '个百分点' },
  万亿元: { factor: 1e4, unit: '亿元' }, 亿美元: { factor: 1, unit: '亿美元' }, 万美元: { factor: 1, unit: '万美元' },
  亿元: { factor: 1, unit: '亿元' }, 万元: { factor: 1, unit: '万元' }, 元: { factor: 1, unit: '元' },
  万平方米: { factor: 1, unit: '万平方米' }, 平方米: { factor: 1, unit: '平方米' }, 平方公里: { factor: 1, unit: '平方公里' },
  万亩: { factor: 1e4, unit: '亩' }, 亩: { factor: 1, unit: '亩' }, 公顷: { factor: 1, unit: '公顷' },
  万家: { factor: 1e4, unit: '家' }, 家: { factor: 1, unit: '家' }, 万个: { factor: 1e4, unit: '个' }, 个: { factor: 1, unit: '个' },
  万户: { factor: 1e4, unit: '户' }, 户: { factor: 1, unit: '户' }, 万人次: { factor: 1e4, unit: '人次' }, 人次: { factor: 1, unit: '人次' },
  万人: { factor: 1e4, unit: '人' }, 人: { factor: 1, unit: '人' }, 万名: { factor: 1e4, unit: '名' }, 名: { factor: 1, unit: '名' }, 位: { factor: 1, unit: '位' },
  万项: { factor: 1e4, unit: '项' }, 项: { factor: 1, unit: '项' }, 万件: { factor: 1e4, unit: '件' }, 件: { factor: 1, unit: '件' },
  所: { factor: 1, unit: '所' }, 座: { factor: 1, unit: '座' }, 条: { factor: 1, unit: '条' }, 支: { factor: 1, unit: '支' }, 台套: { factor: 1, unit: '台套' }, 台: { factor: 1, unit: '台' },
  万吨: { factor: 1e4, unit: '吨' }, 吨: { factor: 1, unit: '吨' }, 万吨标准煤: { factor: 1e4, unit: '吨标准煤' }, 吨标准煤: { factor: 1, unit: '吨标准煤' },
  万立方米: { factor: 1e4, unit: '立方米' }, 立方米: { factor: 1, unit: '立方米' }, 亿千瓦时: { factor: 1, unit: '亿千瓦时' }, 万千瓦时: { factor: 1, unit: '万千瓦时' }, 万千瓦: { factor: 1, unit: '万千瓦' },
  起: { factor: 1, unit: '起' }, 次: { factor: 1, unit: '次' }, 篇: { factor: 1, unit: '篇' }, 部: { factor: 1, unit: '部' }, 套: { factor: 1, unit: '套' }, 批: { factor: 1, unit: '批' },
  个工作日: { factor: 1, unit: '个工作日' }, 天: { factor: 1, unit: '天' }, 小时: { factor: 1, unit: '小时' }, 公里: { factor: 1, unit: '公里' },
  倍: { factor: 1, unit: '倍' }, 成: { factor: 10, unit: '%' }, '%': { factor: 1, unit: '%' },
  万亿: { factor: 1e4, unit: '亿元', assumed: true }, 亿: { factor: 1, unit: '亿元', assumed: true }, 万: { factor: 1e4, unit: null },
};
const UNIT_KEYS = Object.keys(UNITS).sort((a, b) => b.length - a.length);
const COUNT_UNITS = new Set(['家', '个', '户', '项', '件', '所', '座', '条', '支', '台', '台套', '名', '位', '人', '起', '次', '篇', '部', '套']);

// --- the text, normalised index for index ------------------------------------------------------------

/** Full-width ASCII (，；：（）％０-９) to half-width: the same length, so indices stay those of the original. */
function normalize(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

interface Clause {
  start: number;
  end: number;
  sentence: number;
  paragraph: number;
}

/** Paragraphs (lines, unless a line breaks after a comma), sentences (。！？……) and clauses (，；：) with their positions. */
function clausesOf(t: string): Clause[] {
  const out: Clause[] = [];
  let paragraph = 0;
  let sentence = 0;
  let start = 0;
  let lastVisible = '';
  const push = (end: number) => {
    if (t.slice(start, end).trim()) out.push({ start, end, sentence, paragraph });
  };
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '\n' || ch === '\r') {
      push(i);
      start = i + 1;
      // A line that stops after a comma or semicolon goes on in the next one (a wrapped sentence).
      if (!lastVisible || !',;、'.includes(lastVisible)) {
        sentence++;
        paragraph++;
      }
    } else if ('。!?'.includes(ch) || (ch === '…' && t[i + 1] === '…')) {
      push(i);
      while (t[i + 1] === '…') i++;
      start = i + 1;
      sentence++;
    } else if (';:'.includes(ch) || (ch === ',' && !(/\d/.test(t[i - 1] ?? '') && /^\d{3}(?!\d)/.test(t.slice(i + 1, i + 5))))) {
      push(i);
      start = i + 1;
    }
    if (!/\s/.test(ch)) lastVisible = ch;
  }
  push(t.length);
  return out;
}

// --- years -----------------------------------------------------------------------------------------------

interface TimePhrase extends YearRef {
  /** A target horizon (到2025年), or a past/present marker (2021年, 截至2021年底 in a 2022 document). */
  future: boolean;
}

const AIM_PREFIX = '(?:力争|争取|确保|努力|计划|预计|目标是|预期)?';
/** A year in Arabic or Chinese digits: 2025, 二〇二五. */
const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
function yearOf(text: string): number {
  return /^\d/.test(text) ? Number(text) : Number([...text].map((c) => CN_DIGIT[c]).join(''));
}
const CN_SMALL = '[一二两三四五六七八九十]{1,2}';
const PLAN_PERIODS: Record<string, number> = { 一: 2010, 二: 2015, 三: 2020, 四: 2025, 五: 2030 };

function yearWords(n: number, docYear: number): string {
  return `${docYear}年为第1年, 第${n}年为${docYear + n - 1}年 (the document's year counts as year 1)`;
}

/** Every phrase that sets a year: absolute, periods, five-year plans, relative to the document's year. */
function timePhrases(t: string, docYear: number | null): TimePhrase[] {
  const found: TimePhrase[] = [];
  const add = (p: TimePhrase) => {
    // 较2020年, 比“十三五”末: a baseline to compare with, not a horizon
    if (/(?:较|比|与|同|相比|相较于?)$/.test(t.slice(Math.max(0, p.span.start - 3), p.span.start))) return;
    if (!found.some((f) => f.span.start < p.span.end && p.span.start < f.span.end)) found.push(p);
  };
  const futureOf = (year: number) => docYear === null || year >= docYear;

  // 2023—2025年, 2023至2025年: a period, the target due at its end.
  for (const m of t.matchAll(new RegExp(`${AIM_PREFIX}(?:在)?${YEAR}\\s*年?\\s*(?:[-—–~]+|至|到)\\s*${YEAR}\\s*年(?:底|末)?(?!的)`, 'g'))) {
    const year = yearOf(m[2]!);
    add({ year, text: m[0], span: { start: m.index, end: m.index + m[0].length }, rule: 'period', explanation: `${m[1]}—${m[2]}年期间, 以期末${year}年为目标年 (a period: due at its end)`, future: futureOf(year) });
  }
  // 到/至/截至 2025年(底|末)(前): the commonest horizon. Not "增长到2021年的…" (a past figure).
  for (const m of t.matchAll(new RegExp(`${AIM_PREFIX}(?:在|于)?(?:到|至|截至|截止到|截止至|截止|至迟到)\\s*${YEAR}\\s*年(?:底|末|年底|年末)?(?:前|以前|之前)?`, 'g'))) {
    if (t[m.index + m[0].length] === '的' || /增长|增加|提高|上升|下降|减少/.test(t.slice(Math.max(0, m.index - 2), m.index))) continue;
    const year = yearOf(m[1]!);
    add({ year, text: m[0], span: { start: m.index, end: m.index + m[0].length }, rule: 'absolute', explanation: `写明${year}年 (stated)`, future: futureOf(year) });
  }
  // 2025年前, 2027年底前
  for (const m of t.matchAll(new RegExp(`${AIM_PREFIX}(?:在)?${YEAR}\\s*年(?:底|末)?(?:前|以前|之前)`, 'g'))) {
    const year = yearOf(m[1]!);
    add({ year, text: m[0], span: { start: m.index, end: m.index + m[0].length }, rule: 'absolute', explanation: `写明${year}年前 (stated: by ${year})`, future: futureOf(year) });
  }
  // “十四五”期间 / 末 → 2025
  for (const m of t.matchAll(new RegExp(`${AIM_PREFIX}(到|至|在)?[“"‘]?十([一二三四五])五[”"’]?(期间|时期|末期|期末|末|规划期末|规划期内)?`, 'g'))) {
    if (!m[1] && !m[3]) continue;
    const year = PLAN_PERIODS[m[2]!]!;
    add({ year, text: m[0], span: { start: m.index, end: m.index + m[0].length }, rule: 'plan_period', explanation: `“十${m[2]}五”止于${year}年 (the five-year plan ends in ${year})`, future: futureOf(year) });
  }
  // 两年内, 三年时间, 用3年左右时间, 未来五年: counted with the document's year as the first.
  for (const m of t.matchAll(new RegExp(`${AIM_PREFIX}(在|用|通过|经过|利用|花|再用|再经过)?(今后|未来|接下来的?)?(\\d{1,2}|${CN_SMALL})个?年(?:左右)?(时间内|时间里|时间|内|以内|之内|期间)?`, 'g'))) {
    const before = t.slice(Math.max(0, m.index - 2), m.index);
    const after = t[m.index + m[0].length] ?? '';
    if (/[\d.]$/.test(before) || /近$|过去$|连续$|前$|这$|每$/.test(before)) continue;
    if (!m[1] && !m[2] && !m[4]) continue;
    if (after === '来' || after === '前' || after === '度') continue;
    const n = parseNumber(m[3]!);
    if (n === null || n < 1 || n > 20) continue;
    const year = docYear === null ? null : docYear + n - 1;
    add({
      year, text: m[0], span: { start: m.index, end: m.index + m[0].length }, rule: 'relative',
      explanation: docYear === null ? `“${m[0]}”需从发文年份起算, 未给出发文年份 (relative: needs the document's year)` : `“${m[0]}”: ${yearWords(n, docYear)}`,
      future: true,
    });
  }
  // 今年 / 明年 / 年底前 ("今年以来" is a past marker; a bare 年底前 needs an aim after it).
  for (const m of t.matchAll(new RegExp(`${AIM_PREFIX}(今年|本年度|明年|年底前|年内|全年)(?:内|底前|年底前|全年)?`, 'g'))) {
    // 今年以来, 今年上半年, 今年1-6月: figures so far, not a horizon
    if (PARTIAL_YEAR.test(t.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    if ((m[1] === '年底前' || m[1] === '年内' || m[1] === '全年') && (/[\d一二两三四五六七八九十〇零]$/.test(t.slice(0, m.index)) || /截至|截止/.test(t.slice(Math.max(0, m.index - 3), m.index))
      || !/力争|确保|争取|将|要|计划|完成|实现/.test(t.slice(m.index, m.index + m[0].length + 16)))) continue;
    const next = docYear === null ? null : m[1] === '明年' ? docYear + 1 : docYear;
    add({ year: next, text: m[0], span: { start: m.index, end: m.index + m[0].length }, rule: 'current_year', explanation: docYear === null ? `“${m[1]}”需要发文年份 (needs the document's year)` : `“${m[1]}”即${next}年 (from the document's year)`, future: true });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** The part of a year so far: 今年以来, 上半年, 前三季度, 1-6月. */
const PARTIAL_YEAR = /^(?:以来|上半年|前三季度|一季度|前两个月|[1一]\s*[-—~至到]\s*\d{1,2}\s*月)/;

/** Words that mark a clause as a past or present fact, not a target. */
const PAST = /去年|(?<![较比同])上年|上一年|前年|今年以来|今年上半年|今年前三季度|今年一季度|上半年|前三季度|年初以来|截至目前|截止目前|目前|当前|如今|现已|已经|近年来|近几年|过去(?:的)?(?:[\d一二三四五六七八九十两几]+年)?|(?:[\d一二三四五六七八九十两几]+)年来|十年来|连续(?:[\d一二三四五六七八九十两几]+)年|累计已|已达|已有|已建成|已累计|已培育|已形成|已实现|共有|现有|从\d{4}年.{0,30}?(?:到|至)\d{4}年的/;
/** The strongest of them: these make even a clause with a year phrase a fact (截至2021年底, 全区共有…). */
const PAST_STRONG = /共有|现有|已有|已达|已建成|已经|累计已|已累计|已培育|已形成|已实现/;
/** Rewards and funding are measures, not targets: 给予一次性奖励1000万元, 每年安排不少于10亿元. */
const INCENTIVE = /给予|奖励|奖补|补助|补贴|资助|扶持资金|专项资金|引导资金|安排.{0,8}资金/;
/** Words of aim: a bare "2025年," followed by one of these in its sentence is a horizon. */
const TARGET_CUE = /力争|确保|争取|目标|计划|要|将|预计|预期|努力/;
const AIM_WORDS = /争创|打造|建成|建设成为|成为|迈进|迈向|走在|前列|领先|一流|显著|明显|基本形成|全面形成|形成|增强|提升|提高|优化|跻身|率先|争当|示范|高地|标杆|壮大|重要支撑|中坚力量|能级/;
const STRONG_AIM_WORDS = /争创|打造|建成|建设成为|成为|迈进|迈向|走在|跻身|率先|争当/;

// --- value expressions ------------------------------------------------------------------------------------

type ValueKind = 'number' | 'rank' | 'zero' | 'all' | 'double';

interface ValueExpr {
  kind: ValueKind;
  /** The value as written (number and unit), without the qualifiers after it. */
  start: number;
  end: number;
  /** After 以上 / 左右 / 以内 … */
  qualifiedEnd: number;
  statedValue: number | null;
  statedUnit: string | null;
  value: number | null;
  unit: string | null;
  unitAssumed: boolean;
  /** From the words after the value. */
  postComparator: Comparator | null;
  postWord: string | null;
  approxMid: boolean;
  range: { low: number; high: number } | null;
}

const POST_QUALIFIERS: [string, Comparator][] = [
  ['及以上', 'at_least'], ['以上', 'at_least'], ['及以下', 'at_most'], ['以下', 'at_most'], ['以内', 'at_most'], ['之内', 'at_most'], ['左右', 'about'], ['上下', 'about'],
];

function readUnit(t: string, pos: number): { key: string; end: number } | null {
  for (const key of UNIT_KEYS) if (t.startsWith(key, pos)) return { key, end: pos + key.length };
  return null;
}

const NUMBER_RE = new RegExp(`\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CN_CHARS}]+(?:点[零〇一二三四五六七八九]+)?|万(?=[亿家个人项件户名])`, 'g');
/** Words after which a lone 十/百/千/万 is a number: 突破万家, 超千亿元. */
const LONE_NUMBER_BEFORE = /(?:突破|超过|超|达到|达|破|迈上|跨上|近|逾|前|进入|跻身)$/;

/** Every number with a unit, and the special forms (清零, 全覆盖, 前N, 翻一番), in text order. */
function valueExpressions(t: string): ValueExpr[] {
  const out: ValueExpr[] = [];
  const qualify = (e: Omit<ValueExpr, 'qualifiedEnd' | 'postComparator' | 'postWord'>): ValueExpr => {
    for (const [word, comparator] of POST_QUALIFIERS) {
      if (t.startsWith(word, e.end)) return { ...e, qualifiedEnd: e.end + word.length, postComparator: comparator, postWord: word };
    }
    return { ...e, qualifiedEnd: e.end, postComparator: null, postWord: null };
  };

  for (const m of t.matchAll(NUMBER_RE)) {
    const start = m.index;
    const raw = m[0];
    const prev = t[start - 1] ?? '';
    if (/[\d.A-Za-z]/.test(prev) || prev === '第') continue;
    const isCn = !/^\d/.test(raw);
    if (isCn && /^[十百千万]$/.test(raw) && !(raw !== '万' && /亿|万/.test(t.slice(start + 1, start + 3)))) {
      // a lone 十/百/千/万 is a number before a magnitude (超百亿元) or after a comparator (突破万家); "十大" is a name
      if (!LONE_NUMBER_BEFORE.test(t.slice(Math.max(0, start - 3), start))) continue;
    }
    // 万亿元, 万家: "万" is both the number 1 and the unit's magnitude
    let pos = raw === '万' ? start : start + raw.length;
    let number = raw === '万' ? 1 : parseNumber(raw);
    if (number === null) continue;
    // 百分之N
    if (t.slice(start - 3, start) === '百分之') {
      out.push(qualify({ kind: 'number', start: start - 3, end: pos, statedValue: number, statedUnit: '%', value: number, unit: '%', unitAssumed: false, approxMid: false, range: null }));
      continue;
    }
    let unitKey: string | null = null;
    let approxMid = false;
    if (t[pos] === ' ' && /^\d/.test(raw) && readUnit(t, pos + 1)) pos++;
    let u = readUnit(t, pos);
    if (u && (u.key === '万' || u.key === '亿' || u.key === '万亿') && /^[余多]/.test(t.slice(u.end))) {
      // 1万余家 → 万 + 余 + 家
      const inner = readUnit(t, u.end + 1);
      if (inner && UNITS[inner.key]!.factor === 1) {
        unitKey = `${u.key}${inner.key}`;
        approxMid = true;
        pos = inner.end;
        u = null;
      }
    }
    if (u) {
      unitKey = u.key;
      pos = u.end;
    } else if (!unitKey && /^[余多]/.test(t.slice(pos))) {
      const inner = readUnit(t, pos + 1);
      if (inner) {
        unitKey = inner.key;
        approxMid = true;
        pos = inner.end;
      }
    }
    if (!unitKey) continue;
    // 千亿级, 万亿元级: a class of size, part of a name.
    if (/^[级量]/.test(t.slice(pos))) continue;
    let info = UNITS[unitKey] ?? (unitKey.startsWith('万') ? { factor: 1e4 * (UNITS[unitKey.slice(1)]?.factor ?? 1), unit: UNITS[unitKey.slice(1)]?.unit ?? null } : UNITS[unitKey.slice(1)] ?? { factor: 1, unit: null });
    // 0.3吨标准煤/万元, 200人/平方公里: a unit per another.
    const per = /^\/(万元|元|亩|人|万人|平方米|平方公里|公顷|吨|千瓦时|家|年)/.exec(t.slice(pos));
    if (per && info.unit && !info.unit.includes('/')) {
      info = { factor: 1, unit: `${unitKey}/${per[1]}` };
      unitKey = `${unitKey}/${per[1]}`;
      pos += per[0].length;
    }
    if (isCn && number === 1 && raw.length === 1 && COUNT_UNITS.has(unitKey)) {
      // "一个", "一家": an article more often than a target (打造一个…), unless a comparator precedes it
      if (!/达到|超过|突破|不少于|新增|增加/.test(t.slice(start - 3, start))) continue;
    }
    // 8%—10%, 3至5家: a range; the lower bound is the target.
    let range: ValueExpr['range'] = null;
    // 4000—4500家: the unit written once, after the upper bound.
    const lower = /(\d+(?:\.\d+)?)\s*(?:[-—–~]|至|到)\s*$/.exec(t.slice(Math.max(0, start - 12), start));
    if (lower && !unitKey.endsWith('年') && !/\d\s*[年月]/.test(t.slice(start - lower[0].length - 2, start - lower[0].length))) {
      const low = Number(lower[1]);
      if (low < number) {
        out.push(qualify({
          kind: 'number', start: start - lower[0].length, end: pos, statedValue: low, statedUnit: unitKey,
          value: round(low * info.factor), unit: info.unit, unitAssumed: !!info.assumed, approxMid, range: { low: round(low * info.factor), high: round(number * info.factor) },
        }));
        continue;
      }
    }
    const rangeMatch = /^(?:[-—–~]|至|到)(\d+(?:\.\d+)?)/.exec(t.slice(pos));
    if (rangeMatch && unitKey !== '%' && readUnit(t, pos + rangeMatch[0].length)?.key === unitKey) {
      range = { low: round(number * info.factor), high: round(Number(rangeMatch[1]) * info.factor) };
      pos += rangeMatch[0].length + unitKey.length;
    } else if (rangeMatch && unitKey === '%' && t.startsWith('%', pos + rangeMatch[0].length)) {
      range = { low: number, high: Number(rangeMatch[1]) };
      pos += rangeMatch[0].length + 1;
    }
    number = round(number);
    out.push(qualify({
      kind: 'number', start, end: pos, statedValue: number, statedUnit: unitKey,
      value: round(number * info.factor), unit: info.unit, unitAssumed: !!info.assumed, approxMid, range,
    }));
  }

  const special = (re: RegExp, make: (m: RegExpMatchArray) => Omit<ValueExpr, 'qualifiedEnd' | 'postComparator' | 'postWord' | 'start' | 'end'> | null) => {
    for (const m of t.matchAll(re)) {
      const e = make(m);
      if (e) out.push(qualify({ ...e, start: m.index!, end: m.index! + m[0].length }));
    }
  };
  const none = { statedValue: null, statedUnit: null, unitAssumed: false, approxMid: false, range: null };
  special(/(?:动态|全面|全部|基本|逐步)?清零/g, () => ({ ...none, kind: 'zero', value: 0, unit: null, statedValue: 0 }));
  special(/全覆盖|全面覆盖|全域覆盖/g, () => ({ ...none, kind: 'all', value: null, unit: '个' }));
  special(/翻一番|翻两番|翻番|倍增/g, (m) => ({ ...none, kind: 'double', value: m[0] === '翻两番' ? 4 : 2, unit: '倍', statedValue: m[0] === '翻两番' ? 4 : 2, statedUnit: '倍' }));
  // 前10, 前三位, 百强 (a rank: lower is better); the verb before it is checked with the clause.
  special(new RegExp(`前(\\d{1,3}|[一二两三四五六七八九十百]{1,3})(位|名|强)?(?![季月年批次个项])`, 'g'), (m) => {
    const n = parseNumber(m[1]!);
    return n === null || n < 1 ? null : { ...none, kind: 'rank', value: n, unit: '名', statedValue: n, statedUnit: m[2] ?? null };
  });
  special(/第(\d{1,3}|[一二三四五六七八九十]{1,3})(位|名)/g, (m) => {
    const n = parseNumber(m[1]!);
    return n === null ? null : { ...none, kind: 'rank', value: n, unit: '名', statedValue: n, statedUnit: m[2]! };
  });
  special(/(?<![\d一二两三四五六七八九十百千])(\d{1,3}|[一二三四五六七八九十百]{1,3})强/g, (m) => {
    const n = parseNumber(m[1]!);
    return n === null ? null : { ...none, kind: 'rank', value: n, unit: '名', statedValue: n, statedUnit: '强' };
  });

  // A rank is not also a number (前10名 read as "10名").
  const ranks = out.filter((e) => e.kind === 'rank');
  return out
    .filter((e) => e.kind === 'rank' || !ranks.some((r) => r.start <= e.start && e.start < r.end))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((e, i, all) => i === 0 || !(all[i - 1]!.start <= e.start && e.end <= all[i - 1]!.end));
}

// --- the words between a phrase and its value ------------------------------------------------------------

type Token =
  | { kind: 'comparator'; comparator: Comparator }
  | { kind: 'level' }
  | { kind: 'increase' } | { kind: 'decrease' }
  | { kind: 'annual' } | { kind: 'cumulative' } | { kind: 'each' } | { kind: 'respectively' }
  | { kind: 'aim' } | { kind: 'acquire' } | { kind: 'rankVerb' } | { kind: 'area'; area: string };

const BEFORE_VALUE: [string, Token][] = [
  ...(['不低于', '不少于', '不小于', '不下于', '至少', '突破', '迈上', '跨上', '站上', '跨越'] as const).map((w): [string, Token] => [w, { kind: 'comparator', comparator: 'at_least' }]),
  ...(['不超过', '不高于', '不多于', '不大于', '至多', '最多', '压缩至', '压缩到', '缩短至', '缩短到', '控制在', '控制到', '降至', '降到', '减至', '下降到', '下降至', '降低到', '降低至', '压减至', '压减到', '压降至'] as const).map((w): [string, Token] => [w, { kind: 'comparator', comparator: 'at_most' }]),
  ...(['超过', '超出', '高于', '多于', '大于', '超'] as const).map((w): [string, Token] => [w, { kind: 'comparator', comparator: 'more_than' }]),
  ...(['低于', '少于', '小于'] as const).map((w): [string, Token] => [w, { kind: 'comparator', comparator: 'less_than' }]),
  ...(['约为', '大约', '约', '接近', '近'] as const).map((w): [string, Token] => [w, { kind: 'comparator', comparator: 'about' }]),
  ...(['提高到', '提高至', '提升到', '提升至', '增长到', '增长至', '增加到', '增加至', '上升到', '上升至', '扩大到', '扩大至', '达到', '达', '实现', '保持在', '稳定在', '维持在', '为', '是', '在', '至', '到', '有'] as const).map((w): [string, Token] => [w, { kind: 'level' }]),
  ...(['增长', '增加', '提高', '提升', '上升', '新增', '扩大', '增', '净增'] as const).map((w): [string, Token] => [w, { kind: 'increase' }]),
  ...(['下降', '降低', '减少', '压减', '缩减', '缩小', '压降'] as const).map((w): [string, Token] => [w, { kind: 'decrease' }]),
  ...(['年均', '年平均', '平均每年', '每年', '平均'] as const).map((w): [string, Token] => [w, { kind: 'annual' }]),
  ['累计', { kind: 'cumulative' }],
  ...(['较上年', '比上年', '同比', '目标值为', '目标值', '目标为', '目标是', '目标', '基期值为', '基期值', '基期为', '基期'] as const).map((w): [string, Token] => [w, { kind: 'aim' }]),
  ...(['均', '各', '都'] as const).map((w): [string, Token] => [w, { kind: 'each' }]),
  ['分别', { kind: 'respectively' }],
  ...(['力争', '争取', '确保', '努力', '总计', '合计', '共', '再', '将', '要', '进一步', '稳步', '大幅', '全部', '基本', '已'] as const).map((w): [string, Token] => [w, { kind: 'aim' }]),
  ...(['开工建设', '新认定', '培育', '引进', '建设', '建成', '新建', '打造', '创建', '认定', '引育', '集聚', '招引', '组建', '布局', '设立', '培养', '落地', '形成', '拥有', '发展', '争创', '获批'] as const).map((w): [string, Token] => [w, { kind: 'acquire' }]),
  ...(['进入', '跻身', '位居', '位列', '稳居', '排名', '排在', '居', '列', '迈入', '挺进', '保持', '稳定', '排位', '综合评价', '综合排名', '评价'] as const).map((w): [string, Token] => [w, { kind: 'rankVerb' }]),
  ...(['全国', '全省', '全球', '世界', '全市', '同类', '中国', '省内', '国内'] as const).map((w): [string, Token] => [w, { kind: 'area', area: w }]),
];
BEFORE_VALUE.sort((a, b) => b[0].length - a[0].length);

/** Leading words of a phrase that are not what is measured. */
const LEADING = [
  '一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是', '其中', '此外', '另外', '同时', '以及', '并且', '力争', '争取', '确保', '努力', '预计', '预期', '计划', '加快推进', '推动', '推进', '加快',
  '全面', '基本', '进一步', '持续', '着力', '大力', '积极', '实现', '开工建设', '新认定', '累计', '新增', '培育', '引进', '新建', '建成', '打造', '创建', '引育', '集聚', '组建', '招引',
  '全年', '年均', '每年', '要', '将', '使', '让', '并', '且', '和', '及', '其', '再', '共', '总计', '合计', '的',
].sort((a, b) => b.length - a.length);

function stripLeading(phrase: string, offset: number, flags: Set<string>): { phrase: string; offset: number } {
  for (;;) {
    const before = phrase;
    phrase = phrase.replace(/^[\s,、]+/, '');
    offset += before.length - phrase.length;
    const word = LEADING.find((w) => phrase.startsWith(w) && phrase.length > w.length && !(w === '建设' && phrase.startsWith('建设用地')));
    if (!word) return { phrase, offset };
    if (word === '累计') flags.add('cumulative');
    if (word === '新增') flags.add('increase');
    if (word === '年均' || word === '每年') flags.add('annual');
    phrase = phrase.slice(word.length);
    offset += word.length;
  }
}

const LIST_MARKER = /^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、]|[①-⑳]|——|—|-|•|·)\s*/;

// --- the subject: which parks a target is about -----------------------------------------------------------

const SCOPE_AT_START = new RegExp(`^(?:(全省|全市|我省|本省|我市|本市|全国|各|各个|每个|所有|[\\u4e00-\\u9fa5]{2,3}(?:省|市))(?:的)?)?((?:[\\u4e00-\\u9fa5]{2,4}、)*[\\u4e00-\\u9fa5]{2,4}?)?(?:的)?(国家级|国家|省级及以上|省级以上|省级|市级)?(高新区|高新技术产业开发区|高新技术产业园区|开发区|园区)(?:的)?`);
const NOT_PLACES = /^(?:全省|全市|我省|本省|我市|本市|全国|各|各个|每个|所有|国家|省级|市级|要|将|实现|力争|推动|推进|高新|经济|开发|产业|科技|工业|特色)$/;

interface ScopeWords {
  words: string;
  span: Span;
  places: string[];
  parkLevel: 'national' | 'provincial' | null;
  each: boolean;
  single: boolean;
  /** Only a region was named (全省, 全县, 全区): what it means for parks is the planner's call when 'other'. */
  region?: 'province' | 'zone' | 'other';
}

/** 全省…, 全县…, 全区… without a zone word: the whole of a region (or, in a zone's own plan, the zone). */
const REGION_AT_START = /^(全省|我省|本省|全市|我市|本市|全县|全区|本区|园区|全域)(?:的)?/;

function scopeAtStart(phrase: string, offset: number): ScopeWords | null {
  const m = SCOPE_AT_START.exec(phrase);
  if (!m) {
    const r = REGION_AT_START.exec(phrase);
    if (!r || r[0].length === phrase.length) return null;
    const words = r[1]!;
    return {
      words, span: { start: offset, end: offset + words.length }, places: [], parkLevel: null, each: false,
      // 全区 is the zone in a zone's plan, the whole region in an autonomous region's: the planner says which
      single: /本区|园区/.test(words), region: /全省|我省|本省/.test(words) ? 'province' : /本区|园区/.test(words) ? 'zone' : 'other',
    };
  }
  const words = m[0].replace(/的$/, '');
  const names = (m[2] ?? '').split('、').filter((n) => n && !NOT_PLACES.test(n));
  const itself = /^(?:本|全)?(?:园区|开发区)$/.test(words);
  const level = m[3] ?? '';
  // 钱塘区 alone is not a zone; names before 国家/省级 are places: 杭州、宁波国家高新区.
  if (m[2] && names.some((n) => /[要将和与及并]$/.test(n) || /^(?:实现|推动|推进)/.test(n))) return null;
  return {
    words, span: { start: offset, end: offset + words.length }, places: names,
    parkLevel: /国家/.test(level) ? 'national' : /省级/.test(level) ? 'provincial' : null,
    each: /^(?:各|各个|每个|所有)$/.test(m[1] ?? ''),
    single: names.length > 0 || itself,
  };
}

/** 钱塘区, / 无锡高新区将…: the document's or the sentence's named subject, as a fallback. */
function namedSubjects(t: string): { words: string; span: Span }[] {
  const out: { words: string; span: Span }[] = [];
  for (const m of t.matchAll(/(?:^|[\n。,;:])\s*(?:[\u4e00-\u9fa5]{0,6}?[,])?([\u4e00-\u9fa5]{2,6}?(?:高新区|高新技术产业开发区|经济开发区|开发区|新区|区|县|市))(?=[,将要还]|牢牢|着力|大力|坚持|力争|以)/g)) {
    const words = m[1]!;
    if (/^(?:全省|全市|全区|各|我|本|园|城区|地区|辖区|片区|该)/.test(words)) continue;
    const start = m.index + m[0].lastIndexOf(words);
    out.push({ words, span: { start, end: start + words.length } });
  }
  return out;
}

// --- indicators ------------------------------------------------------------------------------------------

interface IndicatorRule {
  code: string;
  test: (phrase: string, context: { kind: ValueKind; unit: string | null; area: string | null; scope: string; segment: string }) => boolean;
}

const RD = '(?:R&D|R&amp;D|研发|研究与试验发展|研究与开发|科研)';
const INDICATOR_RULES: IndicatorRule[] = [
  { code: 'low_efficiency_firms', test: (p, c) => /低效/.test(p) && /企业|用地/.test(p) && (c.kind === 'zero' || COUNT_UNITS.has(c.unit ?? '')) },
  { code: 'city_coverage_national', test: (p, c) => c.kind === 'all' && /设区市|地级市|地市|城市|市/.test(p) && /国家/.test(`${p}${c.scope}`) },
  { code: 'county_coverage_provincial', test: (p, c) => c.kind === 'all' && /县/.test(p) && /省级/.test(`${p}${c.scope}`) },
  { code: 'national_rank', test: (p, c) => c.kind === 'rank' && (c.area === '全国' || (c.area === null && /高新区/.test(c.scope))) && /高新区|排名|评价|^$/.test(`${p}${c.scope}`) },
  { code: 'provincial_dz_rank', test: (p, c) => c.kind === 'rank' && c.area === '全省' && /开发区|考核/.test(`${p}${c.scope}`) },
  { code: 'rd_intensity', test: (p) => !/企业/.test(p) && (new RegExp(`${RD}(?:经费)?(?:支出|投入)?(?:经费)?(?:占|与)(?:GDP|地区生产总值|生产总值)(?:的)?(?:比重|比例|之比)?`).test(p) || new RegExp(`${RD}(?:经费)?(?:投入)?强度`).test(p)) },
  { code: 'tax_per_mu', test: (p) => /亩均税收/.test(p) && !/低效/.test(p) },
  { code: 'industrial_va_share', test: (p) => /规(?:模以)?上工业增加值/.test(p) && /占.*(?:比重|比例|份额)|占比/.test(p) },
  { code: 'hte_share', test: (p) => /高新技术企业/.test(p) && /占.*(?:比重|比例|份额)|占比/.test(p) },
  { code: 'hitech_output_share', test: (p) => /高新技术产业/.test(p) && /(?:产值|增加值)/.test(p) && /占.*(?:比重|比例)|占比/.test(p) },
  { code: 'hte_count', test: (p, c) => /^(?:有效)?(?:国家级?)?高新技术企业(?:数|数量|总数|总量)?$/.test(p) && c.unit !== '%' },
  { code: 'innovation_carrier_space', test: (p, c) => /科创载体/.test(p) && (/面积/.test(p) || /开工|建设/.test(c.segment)) },
  { code: 'industrial_carrier_space', test: (p, c) => /工业载体/.test(p) && (/面积/.test(p) || /开工|建设/.test(c.segment)) },
  { code: 'listed_tech_companies', test: (p) => /科创.{0,3}上市企业|科创板上市企业/.test(p) && !/后备/.test(p) },
  { code: 'digital_core_va', test: (p) => p.endsWith('数字经济核心产业增加值') },
  { code: 'digitalization_rate', test: (p) => /数字化(?:改造)?覆盖率/.test(p) },
  { code: 'tech_sme_provincial', test: (p) => /省(?:级)?科技型中小企业/.test(p) },
  { code: 'tech_sme_national', test: (p) => /科技型中小企业/.test(p) && !/占/.test(p) },
  { code: 'smart_factories', test: (p) => /智能工厂/.test(p) },
  { code: 'above_scale_firms', test: (p) => /^规(?:模以)?上工业企业(?:数|数量|总数)?$/.test(p) },
  { code: 'zone_count_provincial_plus', test: (p, c) => /省级(?:及|以)?以上高新区(?:数|数量|总数)?$/.test(p) && c.unit !== '%' },
  { code: 'zone_count_national', test: (p, c) => /^(?:全省)?国家(?:级)?高新区(?:数|数量|总数)?$/.test(p) && c.unit !== '%' },
  { code: 'industrial_va', test: (p) => /^规(?:模以)?上工业增加值(?:总量|规模)?$/.test(p) },
  { code: 'rd_spending', test: (p) => new RegExp(`^(?:全社会)?${RD}经费(?:支出|投入)(?:总额|总量|规模)?$`).test(p) },
  { code: 'gdp', test: (p) => /^(?:地区生产总值|GDP|生产总值|经济总量)(?:总量|规模)?$/.test(p) },
  { code: 'tax_revenue', test: (p) => /^税收(?:收入)?(?:总额|总量)?$/.test(p) },
  { code: 'operating_revenue', test: (p) => /^(?:实现)?(?:营业收入|营收|总收入|技工贸总收入)(?:总额|总量|规模)?$/.test(p) },
  { code: 'industrial_output', test: (p) => /^(?:规上|规模以上)?工业(?:总)?产值(?:总量|规模)?$/.test(p) },
  { code: 'tech_contract_turnover', test: (p) => /技术合同(?:成交额|交易额|登记额)/.test(p) },
  { code: 'new_rd_institutions', test: (p) => /新型研发机构/.test(p) },
];

/** Distributive lists: "A、B占全省比重" → A占全省比重, B占全省比重. */
const SHARED_TAIL = /(占[^、和及与]*?(?:比重|比例|份额)|占比|面积|数量|数|增速|增幅)$/;

function splitItems(phrase: string, offset: number): { text: string; span: Span }[] {
  const parts: { text: string; span: Span }[] = [];
  const re = /、|以及|及|和|与/g;
  let last = 0;
  for (const m of phrase.matchAll(re)) {
    parts.push({ text: phrase.slice(last, m.index), span: { start: offset + last, end: offset + m.index } });
    last = m.index + m[0].length;
  }
  parts.push({ text: phrase.slice(last), span: { start: offset + last, end: offset + phrase.length } });
  if (parts.length < 2 || parts.some((p) => !p.text.trim())) return [{ text: phrase, span: { start: offset, end: offset + phrase.length } }];
  const tail = SHARED_TAIL.exec(parts.at(-1)!.text)?.[1];
  return parts.map((p, i) => (tail && i < parts.length - 1 && !p.text.endsWith(tail) ? { ...p, text: p.text + tail } : p));
}

// --- the extractor ---------------------------------------------------------------------------------------

interface Draft extends Omit<Candidate, 'id' | 'confidence' | 'quote' | 'targetYear' | 'year'> {
  year: YearRef | null;
}

const comparatorWords: Record<Comparator, string> = { at_least: '不低于', more_than: '超过', at_most: '不超过', less_than: '低于', about: '左右' };

export function extractTargets(text: string, options: ExtractOptions = {}): ExtractionResult {
  const docYear = options.documentYear ?? null;
  const t = normalize(text);
  const clauses = clausesOf(t);
  const times = timePhrases(t, docYear);
  const values = valueExpressions(t);
  const subjects = namedSubjects(t);

  // Indexes, so that each clause looks only at its own part of the text.
  const sentenceTexts = new Map<number, string>();
  for (const c of clauses) sentenceTexts.set(c.sentence, `${sentenceTexts.has(c.sentence) ? `${sentenceTexts.get(c.sentence)},` : ''}${t.slice(c.start, c.end)}`);
  const firstAtOrAfter = <T>(list: readonly T[], pos: number, startOf: (x: T) => number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (startOf(list[mid]!) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const startingIn = <T>(list: readonly T[], from: number, to: number, startOf: (x: T) => number): T[] => {
    const out: T[] = [];
    for (let k = firstAtOrAfter(list, from, startOf); k < list.length && startOf(list[k]!) < to; k++) out.push(list[k]!);
    return out;
  };

  const setSizes = new Map<string, { size: number | null; span: Span } | null>();
  const candidates: Draft[] = [];
  const qualitative: QualitativeAim[] = [];
  const withheld: WithheldItem[] = [];

  // A title with a period, 三年行动计划（2023—2025年）: the horizon of every target the document does not date.
  const firstLineEnd = t.indexOf('\n') < 0 ? t.length : t.indexOf('\n');
  const firstLine = t.slice(0, firstLineEnd);
  const horizon = /计划|方案|规划|纲要|意见|要点/.test(firstLine) && !/。/.test(firstLine)
    ? times.find((p) => p.rule === 'period' && p.span.end <= firstLineEnd && p.future) ?? null
    : null;

  let ctx: TimePhrase | null = horizon;
  /** The text has moved on to past or present facts (去年, 2021年, 截至2023年底 in 2024): nothing to propose or hold back. */
  let inPast = false;
  let lastScope: ScopeWords | null = null;
  let lastPhrase: { phrase: string; span: Span } | null = null;
  let pureTimeBefore: TimePhrase | null = null;
  let paragraph = -1;
  let prevParagraphEnd = '';
  let inList = false;

  for (const clause of clauses) {
    if (clause.paragraph !== paragraph) {
      // A new paragraph starts afresh, unless it goes on a list: after "…目标:" or "…实现以下目标。", or
      // with a list marker; a section heading (二、重点任务) ends the list.
      const lineEnd = t.indexOf('\n', clause.start);
      const line = t.slice(clause.start, lineEnd < 0 ? t.length : lineEnd);
      const heading = /^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])/.test(line)
        || (line.trim().length <= 20 && !/[。,;]/.test(line) && !/目标|指标/.test(line));
      const listItem = LIST_MARKER.test(line) && !heading;
      const intro = /:\s*$/.test(prevParagraphEnd) || /(?:以下|如下)[^。]{0,8}[。:]?\s*$/.test(prevParagraphEnd);
      if (heading) inList = false;
      else if (intro) inList = true;
      if (heading || !(listItem || intro || inList)) {
        ctx = horizon;
        inPast = false;
        lastScope = null;
        lastPhrase = null;
      }
      paragraph = clause.paragraph;
      pureTimeBefore = null;
    }
    const marker = LIST_MARKER.exec(t.slice(clause.start, clause.end));
    const contentStart = clause.start + (marker ? marker[0].length : 0) + (/^\s*/.exec(t.slice(clause.start + (marker ? marker[0].length : 0), clause.end))?.[0].length ?? 0);
    const body = t.slice(contentStart, clause.end);
    const sentenceText = sentenceTexts.get(clause.sentence) ?? body;
    const inClause = (s: Span) => s.start >= clause.start && s.end <= clause.end;
    const clauseTimes = startingIn(times, clause.start, clause.end, (p) => p.span.start).filter((p) => inClause(p.span));

    // A bare "2025年," at the start: a horizon when the sentence aims at something or the year is ahead.
    const bare = new RegExp(`^(?:在)?${YEAR}\\s*年(?:底|末|全年)?`).exec(body);
    if (bare && !clauseTimes.some((p) => p.span.start <= contentStart + bare[0].length && p.span.end > contentStart)) {
      const year = yearOf(bare[1]!);
      const future = docYear !== null ? year > docYear || (year === docYear && TARGET_CUE.test(sentenceText)) : TARGET_CUE.test(sentenceText) && !PAST.test(sentenceText);
      clauseTimes.unshift({ year, text: bare[0], span: { start: contentStart, end: contentStart + bare[0].length }, rule: 'absolute', explanation: `写明${year}年 (stated)`, future });
    }

    const past = PAST.test(body);
    const strongPast = PAST_STRONG.test(body);
    if (clauseTimes.length === 0 && past) {
      ctx = null;
      inPast = true;
      pureTimeBefore = null;
      continue;
    }
    const isHorizon = (p: TimePhrase) => p.future && !strongPast;
    let clauseCtx: TimePhrase | null = ctx;
    for (const p of clauseTimes) clauseCtx = isHorizon(p) ? p : null;
    const clausePast: boolean = clauseTimes.length ? !isHorizon(clauseTimes.at(-1)!) : inPast;
    /** The phrase in effect at pos: the last one of this clause before it (or its first, for words before it), else the one carried in. */
    const phraseAt = (pos: number): TimePhrase | undefined => clauseTimes.findLast((p) => p.span.start <= pos) ?? clauseTimes[0];
    const ctxAt = (pos: number): TimePhrase | null => {
      const p = phraseAt(pos);
      return p ? (isHorizon(p) ? p : null) : ctx;
    };
    const pastAt = (pos: number): boolean => {
      const p = phraseAt(pos);
      return p ? !isHorizon(p) : inPast;
    };

    // Masks: the year phrases, baselines (比2020年, 由2020年的X) and past figures (2021年的2271亿元).
    const masks: (Span & { kind: 'time' | 'baseline' | 'past'; year?: number; value?: number | null })[] = clauseTimes.map((p) => ({ ...p.span, kind: 'time' as const }));
    for (const m of body.matchAll(/(?:比|较|与|同|相比|相较于?)(?:(\d{4})\s*年(?:底|末)?|[“"‘]?十([一二三四五])五[”"’]?(?:末|期末|末期)?)(?:相比)?|以(\d{4})年为基[数准期]/g)) {
      const year = m[2] ? PLAN_PERIODS[m[2]]! : Number(m[1] ?? m[3]);
      masks.push({ start: contentStart + m.index, end: contentStart + m.index + m[0].length, kind: 'baseline', year });
    }
    const clauseValues = startingIn(values, contentStart, clause.end, (v) => v.start).filter((v) => v.qualifiedEnd <= clause.end && !masks.some((k) => v.start < k.end && k.start < v.end));
    const live: ValueExpr[] = [];
    for (const v of clauseValues) {
      const before = t.slice(Math.max(contentStart, v.start - 12), v.start);
      const pastFigure = /(?:(由|从))?(\d{4})\s*年(?:底|末)?(的)?$/.exec(before);
      if (pastFigure && (pastFigure[1] || pastFigure[3]) && !masks.some((k) => k.kind === 'baseline' && k.end === v.start)) {
        masks.push({ start: v.start - pastFigure[0].length, end: v.qualifiedEnd, kind: pastFigure[1] ? 'baseline' : 'past', year: Number(pastFigure[2]), value: v.value });
        continue;
      }
      live.push(v);
    }

    // Which values are targets: those that end their item (clause end, 、, 并, …); a value followed by
    // more of a noun is part of the phrase (亩均税收5万元以下低效…企业, 45个工业大县).
    // 高新技术企业数量，2020年基期值为1800家，2025年目标值为4000家: a bare noun names what follows.
    if (live.length === 0 && clauseTimes.length === 0 && body.trim().length <= 24 && !AIM_WORDS.test(body) && !/[要将是为有在]/.test(body)
      && !/^(?:主要|具体|发展|总体|预期|约束性)?(?:指标|目标)$/.test(body.trim())) {
      const trimmed = body.trim();
      lastPhrase = { phrase: trimmed, span: { start: contentStart, end: contentStart + trimmed.length } };
    }
    const incentive = INCENTIVE.test(body);
    const itemEnd = live.map((v) => {
      let end = v.qualifiedEnd;
      const trail = /^(?:的)?(?:目标|水平|规模|台阶|大关)/.exec(t.slice(end, clause.end));
      if (trail) end += trail[0].length;
      const rest = t.slice(end, clause.end);
      return { end, rest, ends: rest.trim() === '' || /^\s*(?:[、和及与并且]|以及|同时|[(（])/.test(rest) };
    });
    const targetValues: { v: ValueExpr; nounAfter: Span | null; sharedTail?: string }[] = [];
    for (let vi = 0; vi < live.length; vi++) {
      const v = live[vi]!;
      const { end, rest, ends } = itemEnd[vi]!;
      if (incentive && v.kind === 'number') continue;
      if (v.kind === 'rank') {
        const verbZone = t.slice(Math.max(contentStart, v.start - 12), v.start);
        if (!/进入|跻身|位居|位列|稳居|排名|排在|居|迈入|挺进|保持|列/.test(verbZone)) continue;
      }
      if (ends) {
        targetValues.push({ v, nounAfter: null });
        continue;
      }
      // 培育10家以上独角兽企业: a count, then what is counted (numbers inside the noun are part of it).
      const beforeWords = t.slice(Math.max(contentStart, v.start - 8), v.start);
      const previous = targetValues.at(-1);
      const listGoesOn = !!previous?.nounAfter && /^[、和及与]$/.test(t.slice(previous.nounAfter.end, v.start));
      if (v.kind === 'number' && COUNT_UNITS.has(v.statedUnit?.replace(/^万/, '') ?? '') && !itemEnd.slice(vi + 1).some((x) => x.ends)
        && (listGoesOn || /(?:培育|引进|建设|建成|新建|打造|创建|认定|引育|集聚|招引|组建|布局|设立|培养|新增|新认定|争创|形成|拥有|建有|落地|有)(?:累计)?(?:超过|超|不少于|至少|达到)?$/.test(beforeWords))) {
        const noun = /^[^,;、。]+?(?=$|[、和及与并]|以及|同时)/.exec(rest);
        if (noun && noun[0].length >= 2) targetValues.push({ v, nounAfter: { start: end, end: end + noun[0].length } });
      }
    }
    // 2个千亿级、5个百亿级产业集群: the items before the last share its noun.
    for (let i = targetValues.length - 2; i >= 0; i--) {
      const a = targetValues[i]!;
      const b = targetValues[i + 1]!;
      if (!a.nounAfter || !b.nounAfter || !/^[、和及与]$/.test(t.slice(a.nounAfter.end, b.v.start))) continue;
      const own = t.slice(a.nounAfter.start, a.nounAfter.end);
      const last = b.sharedTail !== undefined ? `级${b.sharedTail}` : t.slice(b.nounAfter.start, b.nounAfter.end);
      if (own.endsWith('级') && last.includes('级')) a.sharedTail = last.slice(last.indexOf('级') + 1);
    }

    // Build a draft per target value.
    let segStart = contentStart;
    let previousItems: { text: string; span: Span }[] | null = null;
    let respectiveIndex = 0;
    let respectiveStart = contentStart;
    const drafts: Draft[] = [];
    for (const { v, nounAfter, sharedTail } of targetValues) {
      const flags = new Set<string>();
      const segmentEnd = nounAfter ? nounAfter.end : v.qualifiedEnd;
      // The prefix without the masked parts; the phrase is its last unmasked part.
      const prefixMasks = masks.filter((k) => k.start >= segStart && k.end <= v.start).sort((a, b) => a.start - b.start);
      const pieces: Span[] = [];
      let cursor = segStart;
      for (const k of prefixMasks) {
        if (k.start > cursor) pieces.push({ start: cursor, end: k.start });
        cursor = Math.max(cursor, k.end);
      }
      if (v.start > cursor) pieces.push({ start: cursor, end: v.start });
      const baselineMask = prefixMasks.find((k) => k.kind === 'baseline');

      // Words just before the value: comparator, change, 年均, 累计, 均/各, rank verbs.
      let zone = pieces.at(-1) ?? { start: v.start, end: v.start };
      let tokens: Token[] = [];
      const eat = (span: Span): Span => {
        let end = span.end;
        for (;;) {
          const s = t.slice(span.start, end);
          const hit = BEFORE_VALUE.find(([w]) => s.endsWith(w) && !(w === '居' && s.endsWith('安居')));
          if (!hit) return { start: span.start, end };
          tokens.unshift(hit[1]);
          end -= hit[0].length;
        }
      };
      zone = eat(zone);
      // 由2020年的1.2万家增加到2万家: the phrase sits before the baseline.
      if (zone.end === zone.start && pieces.length > 1) {
        pieces.pop();
        let prev = pieces.at(-1)!;
        prev = { start: prev.start, end: prev.end - (/(?:由|从|比|较|与|同)$/.exec(t.slice(prev.start, prev.end))?.[0].length ?? 0) };
        zone = eat(prev);
      }
      const scopePieces = pieces.slice(0, -1);
      for (const tk of tokens) if (tk.kind === 'annual' || tk.kind === 'cumulative' || tk.kind === 'increase' || tk.kind === 'decrease') flags.add(tk.kind);

      let fromValue: ValueExpr | undefined;
      const fromAt = /(?:从|由)\s*(?=[\d一二两三四五六七八九十])/.exec(t.slice(zone.start, zone.end));
      if (fromAt && fromAt.index > 0) {
        fromValue = live.find((x) => x.start === zone.start + fromAt.index + fromAt[0].length);
        if (fromValue) zone = { start: zone.start, end: zone.start + fromAt.index };
      }
      let phraseText = t.slice(zone.start, zone.end).trimEnd();
      let phraseStart = zone.start;
      /** How much of the phrase is written where it stands (the rest is a shared noun: 2个千亿级、5个百亿级产业集群). */
      let phraseWritten: number | undefined;
      ({ phrase: phraseText, offset: phraseStart } = stripLeading(phraseText, phraseStart, flags));
      // The subject at the start of the phrase, or in a piece before a year phrase (全省高新区到2025年…).
      let scope: ScopeWords | null = null;
      for (const p of scopePieces) {
        const stripped = stripLeading(t.slice(p.start, p.end), p.start, new Set());
        scope = scopeAtStart(stripped.phrase, stripped.offset) ?? scope;
      }
      let coverageSet: ScopeSuggestion['regionSet'] = null;
      if (v.kind === 'all') {
        const m = new RegExp(`^(.*?)(国家级高新区|国家高新区|省级及以上高新区|省级以上高新区|省级高新区|高新区)(?:\\([^)]*\\))?$`).exec(phraseText);
        if (m && m[1]) {
          scope = { words: m[2]!, span: { start: phraseStart + m[1].length, end: phraseStart + phraseText.length }, places: [], parkLevel: /国家/.test(m[2]!) ? 'national' : /省级/.test(m[2]!) ? 'provincial' : null, each: false, single: false };
          phraseText = m[1];
        } else {
          const s = scopeAtStart(phraseText, phraseStart);
          if (s) {
            scope = s;
            ({ phrase: phraseText, offset: phraseStart } = stripLeading(phraseText.slice(s.words.length).replace(/^的/, ''), s.span.end + (phraseText.slice(s.words.length).startsWith('的') ? 1 : 0), flags));
          }
        }
        const sized = new RegExp(`(\\d+|[${CN_CHARS}]+)个(.+)$`).exec(phraseText);
        const noun = sized ? sized[2]! : phraseText;
        let size: number | null = sized ? parseNumber(sized[1]!) : null;
        let sizeSpan: Span | null = sized ? { start: phraseStart + sized.index, end: phraseStart + sized.index + sized[1]!.length + 1 } : null;
        if (size === null && noun) {
          // 加快推进45个工业大县…: the set's size stated elsewhere in the text
          if (!setSizes.has(noun)) {
            const elsewhere = new RegExp(`(\\d+|[${CN_CHARS}]+)个${noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(t);
            setSizes.set(noun, elsewhere ? { size: parseNumber(elsewhere[1]!), span: { start: elsewhere.index, end: elsewhere.index + elsewhere[1]!.length + 1 } } : null);
          }
          const elsewhere = setSizes.get(noun);
          if (elsewhere) {
            size = elsewhere.size;
            sizeSpan = elsewhere.span;
          }
        }
        coverageSet = { words: phraseText, span: { start: phraseStart, end: phraseStart + phraseText.length }, size, sizeSpan };
      } else {
        const s = scopeAtStart(phraseText, phraseStart);
        if (s) {
          const rest = phraseText.slice(s.words.length).replace(/^的/, '');
          if (/^(?:数|数量|总数|个数)?$/.test(rest) && v.kind === 'number' && COUNT_UNITS.has(v.unit ?? '')) {
            // 国家高新区数量达到10家: the zones are what is counted
          } else {
            scope = s;
            const restStart = phraseStart + phraseText.length - rest.length;
            ({ phrase: phraseText, offset: phraseStart } = stripLeading(rest, restStart, flags));
          }
        }
      }
      if (nounAfter) {
        phraseText = t.slice(nounAfter.start, nounAfter.end);
        phraseStart = nounAfter.start;
        const s = stripLeading(phraseText, phraseStart, flags);
        phraseText = s.phrase + (sharedTail ?? '');
        phraseStart = s.offset;
        phraseWritten = s.phrase.length;
      }

      const comparatorToken = tokens.find((tk): tk is Extract<Token, { kind: 'comparator' }> => tk.kind === 'comparator');
      const area = tokens.find((tk): tk is Extract<Token, { kind: 'area' }> => tk.kind === 'area')?.area ?? null;
      const distributive = tokens.some((tk) => tk.kind === 'each');
      const respectively = tokens.some((tk) => tk.kind === 'respectively');
      if (flags.has('increase') && tokens.some((tk) => tk.kind === 'level')) flags.delete('increase');

      // Comparator: the words after the value win (8%左右), then the words before it, else at least.
      const reasons: Reason[] = [];
      let comparator: Comparator;
      if (v.kind === 'zero' || v.kind === 'rank') comparator = 'at_most';
      else if (v.postComparator) comparator = comparatorToken?.comparator === 'more_than' && v.postComparator === 'at_least' ? 'more_than' : comparatorToken?.comparator === 'less_than' && v.postComparator === 'at_most' ? 'less_than' : v.postComparator;
      else if (v.approxMid) comparator = 'more_than';
      else if (comparatorToken) comparator = comparatorToken.comparator;
      else {
        comparator = 'at_least';
        if (v.kind === 'number' || v.kind === 'double') reasons.push({ code: 'default_comparator', message: '未写比较词(达到/实现), 按“不低于”理解 (no comparator word: read as at least)', effect: -0.05 });
      }

      // Phrases: distributive (均/各), respectively (分别), or carried over from the clause before.
      if (!phraseText && v.kind === 'rank') {
        phraseText = `${area ?? ''}排名`;
        phraseStart = v.start;
      }
      let items = [{ text: phraseText, span: { start: phraseStart, end: phraseStart + (v.kind === 'rank' && phraseStart === v.start ? v.end - v.start : phraseWritten ?? phraseText.length) } }];
      if ((distributive || respectively) && phraseText) items = splitItems(phraseText, phraseStart);
      let inherited = false;
      let respective = false;
      if (!phraseText && v.kind === 'number') {
        if (previousItems && previousItems.length > respectiveIndex) {
          items = [previousItems[respectiveIndex]!];
          respectiveIndex++;
          respective = true;
        } else if (lastPhrase) {
          items = [{ text: lastPhrase.phrase, span: lastPhrase.span }];
          inherited = true;
        }
      }
      if (respectively && items.length > 1) {
        previousItems = items;
        respectiveIndex = 1;
        items = [items[0]!];
        respectiveStart = segStart;
      }

      // The span: from the year phrase when it is in this clause or is the clause before, to the value.
      let spanStart = respective ? respectiveStart : segStart;
      if (drafts.length === 0 && pureTimeBefore && segStart === contentStart) spanStart = pureTimeBefore.span.start;
      while (/[\s,、]/.test(t[spanStart] ?? '') && spanStart < v.start) spanStart++;
      const span = { start: spanStart, end: segmentEnd };

      const yearPhrase = ctxAt(v.start);
      const baseline = baselineMask ? { year: baselineMask.year ?? null, value: baselineMask.value ?? null, span: { start: baselineMask.start, end: baselineMask.end } }
        : fromValue ? { year: null, value: fromValue.value, span: { start: fromValue.start, end: fromValue.qualifiedEnd } } : null;

      if (scope) lastScope = scope;
      const scopeSource = scope ?? lastScope;
      const named = scopeSource ? null : subjects.findLast((s) => s.span.start < v.start);
      const scopeSuggestion: ScopeSuggestion = {
        kind: v.kind === 'all' ? 'coverage'
          : scopeSource ? (scopeSource.single ? 'park' : scopeSource.each ? 'park_class' : scopeSource.region === 'other' ? null : 'province_aggregate')
            : named ? 'park' : null,
        words: scopeSource?.words ?? named?.words ?? null,
        span: scopeSource?.span ?? named?.span ?? null,
        inherited: scopeSource ? scopeSource !== scope : !!named,
        parkLevel: scopeSource?.parkLevel ?? null,
        places: scopeSource?.places ?? (named ? [named.words] : []),
        regionSet: coverageSet,
      };

      for (const item of items) {
        const itemReasons = [...reasons];
        const context = { kind: v.kind, unit: v.unit, area, scope: scopeSuggestion.words ?? '', segment: t.slice(segStart, segmentEnd) };
        const bareText = item.text.replace(/\([^)]*\)/g, '').replace(/[“”"‘’]/g, '');
        let rule = INDICATOR_RULES.find((r) => r.test(bareText, context));
        let relatedCode: string | null = null;
        const rate = v.kind === 'double' || (v.kind === 'number' && (v.unit === '%' || v.unit === '个百分点' || v.unit === '倍') && (flags.has('increase') || flags.has('decrease') || flags.has('annual')));
        if (rate) {
          // 营业收入年均增长10%, 研发投入强度提高1个百分点: the change of an indicator, not its level.
          const related = rule ?? INDICATOR_RULES.find((r) => r.test(bareText, { ...context, unit: null }));
          const relatedIndicator = related ? findIndicator(related.code) : undefined;
          if (relatedIndicator && (relatedIndicator.unit !== '%' || v.unit !== '%' || v.kind === 'double' || flags.has('increase') || flags.has('decrease'))) {
            relatedCode = relatedIndicator.code;
            rule = undefined;
            itemReasons.push({ code: 'change_target', message: `目标是“${relatedIndicator.nameZh}”的${flags.has('decrease') ? '降幅' : '增幅'}, 不是其水平; 目录中无对应指标 (the change of ${relatedIndicator.code}, not its level)`, effect: -0.1 });
          }
        }
        const indicator = rule ? findIndicator(rule.code) ?? null : null;
        if (!indicator) {
          if (!relatedCode) itemReasons.push({ code: 'unknown_indicator', message: `“${item.text || '(无)'}”未对应到指标目录 (unknown indicator)`, effect: -0.25 });
        } else {
          itemReasons.push({ code: 'indicator', message: `“${item.text}”对应指标“${indicator.nameZh}” (${indicator.code})`, effect: 0 });
        }
        if (inherited) itemReasons.push({ code: 'inherited_phrase', message: `指标沿用前文“${item.text}” (the measure is named earlier)`, effect: -0.15 });
        if (items.length > 1 && distributive) itemReasons.push({ code: 'distributive', message: `“均/各”: 同一数值分别适用于${items.length}项之一 (one of ${items.length} items sharing the value)`, effect: -0.03 });
        if (respectively || respective) itemReasons.push({ code: 'respectively', message: '“分别”: 按顺序对应 (respectively, in order)', effect: -0.05 });
        if (nounAfter) itemReasons.push({ code: 'count_before_noun', message: '数量在前、名词在后 (培育10家以上…企业)', effect: -0.05 });

        let unit = v.unit;
        let value = v.value;
        if (v.kind === 'zero') {
          unit = /企业|户$/.test(item.text) ? '家' : indicator?.unit ?? '个';
          itemReasons.push({ code: 'zero', message: '“清零”即目标值为0 (清零 means zero)', effect: 0 });
        }
        if (v.kind === 'all') {
          value = coverageSet?.size ?? null;
          itemReasons.push({
            code: 'all_of_set',
            message: coverageSet?.size != null
              ? `“全覆盖”: 集合“${coverageSet.words}”的每一个, 共${coverageSet.size}个 (every member of the set, ${coverageSet.size} stated)`
              : `“全覆盖”: 集合“${coverageSet?.words ?? ''}”的每一个; 文中未写集合大小, 接受时由所选地区集合确定 (every member; the size comes from the region set)`,
            effect: 0,
          });
        }
        if (v.kind === 'rank') itemReasons.push({ code: 'rank', message: `“前${v.value}”: 排名不高于第${v.value}位 (a rank: at most ${v.value})`, effect: 0 });
        if (v.unitAssumed) itemReasons.push({ code: 'unit_assumed', message: `未写“元”, 按${unit}理解 (unit assumed)`, effect: -0.1 });
        if (unit === null && indicator) {
          unit = indicator.unit;
          itemReasons.push({ code: 'unit_from_indicator', message: `未写单位, 取指标单位${unit} (unit from the indicator)`, effect: -0.05 });
        }
        if (indicator && unit && unit !== indicator.unit && !(indicator.kind === 'coverage' && unit === '个')) {
          const convertible = (['亿元', '万元', '元'].includes(unit) && ['亿元', '万元', '元'].includes(indicator.unit)) || (['亩', '公顷', '平方公里'].includes(unit) && ['亩', '公顷', '平方公里'].includes(indicator.unit)) || (unit === '个' && indicator.unit === '家') || (unit === '家' && indicator.unit === '个');
          if (!convertible) itemReasons.push({ code: 'unit_mismatch', message: `单位${unit}与指标单位${indicator.unit}不符 (unit differs from the indicator's)`, effect: -0.2 });
        }
        if (v.range) itemReasons.push({ code: 'range', message: `区间${v.range.low}—${v.range.high}, 取下限 (a range: the lower bound)`, effect: -0.1 });
        if (comparator === 'about') itemReasons.push({ code: 'about', message: `“${v.postWord ?? '约'}”: 约数, 容差默认${ABOUT_TOLERANCE * 100}% (about: tolerance ${ABOUT_TOLERANCE * 100}% by default)`, effect: 0 });
        else if (!itemReasons.some((r) => r.code === 'default_comparator')) itemReasons.push({ code: 'comparator', message: `比较: ${comparatorWords[comparator]} (${comparator})`, effect: 0 });

        drafts.push({
          span,
          indicator: {
            code: indicator?.code ?? null, nameZh: indicator?.nameZh ?? null, unit: indicator?.unit ?? null,
            phrase: item.text, span: item.span, inherited, relatedCode,
          },
          comparator,
          value,
          unit,
          tolerance: comparator === 'about' ? ABOUT_TOLERANCE : null,
          stated: { text: text.slice(v.start, v.end), span: { start: v.start, end: v.end }, value: v.statedValue, unit: v.statedUnit },
          allOfSet: v.kind === 'all',
          change: flags.has('increase') ? 'increase' : flags.has('decrease') ? 'decrease' : null,
          annual: flags.has('annual'),
          cumulative: flags.has('cumulative'),
          year: yearPhrase ? { year: yearPhrase.year, text: text.slice(yearPhrase.span.start, yearPhrase.span.end), span: yearPhrase.span, rule: yearPhrase.rule, explanation: yearPhrase.explanation } : null,
          baseline,
          scopeWords: scopeSuggestion.words,
          scope: scopeSuggestion,
          reasons: itemReasons,
        });
      }
      if (items[0]?.text && !pastAt(v.start)) lastPhrase = { phrase: items.at(-1)!.text, span: items.at(-1)!.span };
      segStart = segmentEnd;
      const sep = /^(?:的)?(?:目标|水平|规模|台阶|大关)?\s*(?:[、和及与并且,]|以及|同时)*/.exec(t.slice(segStart, clause.end));
      segStart += sep?.[0].length ?? 0;
      if (!respectively && !respective) previousItems = null;
    }

    // What is left of the clause after its targets: an aim without a number?
    const rest = t.slice(segStart, clause.end);
    const restTrim = rest.replace(/^[\s、,并且同时以及和]+/, '');
    const restStart = clause.end - restTrim.length;
    const restCtx = ctxAt(clause.end);
    if (drafts.length === 0 && restTrim && !past) {
      const withYear = restCtx !== null && AIM_WORDS.test(restTrim);
      if (withYear || STRONG_AIM_WORDS.test(restTrim)) {
        qualitative.push({ span: { start: restStart, end: clause.end }, text: text.slice(restStart, clause.end), year: restCtx?.year ?? null, reason: withYear ? '有目标年份、无数值的目标 (an aim with a year but no number)' : '无数值的目标 (an aim without a number)' });
      }
    } else if (drafts.length > 0 && restTrim.length >= 4 && AIM_WORDS.test(restTrim)) {
      qualitative.push({ span: { start: restStart, end: clause.end }, text: text.slice(restStart, clause.end), year: restCtx?.year ?? null, reason: '有目标年份、无数值的目标 (an aim with a year but no number)' });
    }

    // Drafts become candidates only with a year in effect; without one they are held back when they read as aims.
    for (const d of drafts) {
      if (d.year && d.year.year !== null) {
        candidates.push(d);
      } else if (d.year && d.year.year === null) {
        withheld.push(withheldOf(text, d, 'relative_year_without_document_year', `“${d.year.text}”是相对年份, 需给出发文年份才能确定目标年 (a relative year: give the document's year)`));
      } else if (!pastAt(d.span.end) && (TARGET_CUE.test(sentenceText) || /推进|推动|实现/.test(body))) {
        withheld.push(withheldOf(text, d, 'no_year', '文中未写明或隐含目标年份, 不作为数值目标提出 (no target year stated or implied)'));
      }
    }

    // Carry the year on; a clause that is only a year phrase lends its words to the next clause's span.
    ctx = clauseCtx;
    inPast = clausePast;
    const leftover = clauseTimes.length ? body.replace(new RegExp(clauseTimes.map((p) => t.slice(p.span.start, p.span.end).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'), '').replace(/目标显示|目标是|具体目标|主要目标|总体目标|发展目标|[\s,、]/g, '') : body;
    pureTimeBefore = clauseTimes.length && leftover === '' && drafts.length === 0 ? clauseTimes.at(-1)! : null;
    prevParagraphEnd = t.slice(Math.max(clause.start, clause.end - 16), Math.min(t.length, clause.end + 1));
  }

  return {
    documentYear: docYear,
    candidates: candidates.map((d, i) => finish(text, d, i)),
    qualitative,
    withheld,
  };
}

function withheldOf(text: string, d: Draft, reason: WithheldReason, message: string): WithheldItem {
  return {
    span: d.span, text: text.slice(d.span.start, d.span.end), reason, message,
    indicatorPhrase: d.indicator.phrase, comparator: d.comparator, value: d.value, unit: d.unit, year: d.year,
  };
}

function finish(text: string, d: Draft, index: number): Candidate {
  const year = d.year!;
  const reasons = [...d.reasons];
  reasons.push({ code: 'year', message: `目标年${year.year}: ${year.explanation}`, effect: year.rule === 'relative' || year.rule === 'current_year' ? -0.05 : 0 });
  if (year.span.end <= d.span.start && !text.slice(year.span.end, d.span.start).match(/^[\s,，]*$/) && d.span.start - year.span.end > 60) {
    reasons.push({ code: 'year_from_earlier', message: `年份取自前文“${year.text}” (the year is stated earlier)`, effect: -0.05 });
  }
  if (d.scope.kind === null) reasons.push({ code: 'scope_unknown', message: '文中未写明适用范围(哪个园区) (no subject named)', effect: -0.05 });
  else if (d.scope.inherited) reasons.push({ code: 'scope_inherited', message: `范围沿用前文“${d.scope.words}” (subject named earlier)`, effect: 0 });
  const confidence = Math.max(0.05, Math.min(1, Math.round((1 + reasons.reduce((s, r) => s + r.effect, 0)) * 100) / 100));
  return {
    id: `c${index + 1}`,
    span: d.span,
    quote: text.slice(d.span.start, d.span.end),
    indicator: d.indicator,
    comparator: d.comparator,
    value: d.value,
    unit: d.unit,
    tolerance: d.tolerance,
    stated: d.stated,
    allOfSet: d.allOfSet,
    change: d.change,
    annual: d.annual,
    cumulative: d.cumulative,
    targetYear: year.year!,
    year,
    baseline: d.baseline,
    scopeWords: d.scopeWords,
    scope: d.scope,
    confidence,
    reasons,
  };
}
