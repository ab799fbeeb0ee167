// Time phrases: the years targets are due (到2025年, 2023—2025年, “十四五”期末, 三年内, 明年) and the words
// that make a clause a past or present fact (去年, 目前, 已建成).
import { CN_DIGIT, parseNumber } from './numbers.ts';
import type { YearRef } from './types.ts';
import { TARGET_CUE } from './words.ts';

export interface TimePhrase extends YearRef {
  /** A target horizon (到2025年), or a past/present marker (2021年, 截至2021年底 in a 2022 document). */
  future: boolean;
  /** 到2025年、2030年: the years in order, for values paired with them by 分别. */
  years?: number[];
}

const AIM_PREFIX = '(?:力争|争取|确保|努力|计划|预计|目标是|预期)?';
/** A year in Arabic or Chinese digits: 2025, 二〇二五. */
export const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
export function yearOf(text: string): number {
  return /^\d/.test(text) ? Number(text) : Number([...text].map((c) => CN_DIGIT[c]).join(''));
}
const CN_SMALL = '[一二两三四五六七八九十]{1,2}';
export const PLAN_PERIODS: Record<string, number> = { 一: 2010, 二: 2015, 三: 2020, 四: 2025, 五: 2030 };
/** More years after the first: 、2030年, 和2027年底. */
const MORE_YEARS = `((?:\\s*(?:、|和|及|与)\\s*(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年(?:底|末)?)*)`;

/** What the phrases of one text are read against. */
interface TimeContext {
  t: string;
  docYear: number | null;
  /** The period in the title (三年行动计划（2024—2026年）): relative years count from its first year. */
  plan: { start: number; end: number } | null;
}

type Finder = (c: TimeContext) => TimePhrase[];

const phrase = (m: RegExpMatchArray, fields: Omit<TimePhrase, 'text' | 'span'>): TimePhrase => ({ ...fields, text: m[0], span: { start: m.index!, end: m.index! + m[0].length } });
const futureOf = (c: TimeContext, year: number) => c.docYear === null || year >= c.docYear;

/** 2023—2025年, 2023至2025年: a period, the target due at its end. */
const periods: Finder = (c) => [...c.t.matchAll(new RegExp(`${AIM_PREFIX}(?:在)?${YEAR}\\s*年?\\s*(?:[-—–~]+|至|到)\\s*${YEAR}\\s*年(?:底|末)?(?!的)`, 'g'))].map((m) => {
  const year = yearOf(m[2]!);
  return phrase(m, { year, rule: 'period', explanation: `${m[1]}—${m[2]}年期间, 以期末${year}年为目标年 (a period: due at its end)`, future: futureOf(c, year) });
});

/** 到/至/截至 2025年(底|末)(前), and a list of years (到2025年、2030年). Not "增长到2021年的…" (a past figure). */
const byYear: Finder = (c) => [...c.t.matchAll(new RegExp(`${AIM_PREFIX}(?:在|于)?(?:到|至|截至|截止到|截止至|截止|至迟到)\\s*${YEAR}\\s*年(?:底|末|年底|年末)?(?:前|以前|之前)?${MORE_YEARS}`, 'g'))].flatMap((m) => {
  if (c.t[m.index + m[0].length] === '的' || /增长|增加|提高|上升|下降|减少/.test(c.t.slice(Math.max(0, m.index - 2), m.index))) return [];
  const year = yearOf(m[1]!);
  const years = [year, ...[...m[2]!.matchAll(new RegExp(YEAR, 'g'))].map((y) => yearOf(y[1]!))];
  return [phrase(m, { year, rule: 'absolute', explanation: years.length > 1 ? `写明${years.join('、')}年 (stated)` : `写明${year}年 (stated)`, future: futureOf(c, year), ...(years.length > 1 ? { years } : {}) })];
});

/** 2024年、2026年分别…: years listed before 分别 (or 均, 各) mid-sentence. */
const yearLists: Finder = (c) => [...c.t.matchAll(new RegExp(`${YEAR}\\s*年(?:底|末)?${MORE_YEARS}(?=\\s*,?\\s*(?:分别|均|各))`, 'g'))].flatMap((m) => {
  const years = [yearOf(m[1]!), ...[...m[2]!.matchAll(new RegExp(YEAR, 'g'))].map((y) => yearOf(y[1]!))];
  if (years.length < 2) return [];
  return [phrase(m, { year: years[0]!, rule: 'absolute', explanation: `写明${years.join('、')}年 (stated)`, future: futureOf(c, years[0]!), years })];
});

/** 2024年工作要点, 2025年度主要工作目标: the year of a work plan dates what it lists. */
const workPlanYear: Finder = (c) => [...c.t.matchAll(new RegExp(`${YEAR}\\s*年度?(?:的)?(?:主要)?(?:工作要点|工作目标|工作计划|预期目标|目标任务|重点工作|工作安排)`, 'g'))].map((m) => {
  const year = yearOf(m[1]!);
  return phrase(m, { year, rule: 'absolute', explanation: `${year}年的工作计划, 目标年为${year}年 (a work plan for ${year})`, future: futureOf(c, year) });
});

/** 2025年前, 2027年底前 */
const beforeYear: Finder = (c) => [...c.t.matchAll(new RegExp(`${AIM_PREFIX}(?:在)?${YEAR}\\s*年(?:底|末)?(?:前|以前|之前)`, 'g'))].map((m) => {
  const year = yearOf(m[1]!);
  return phrase(m, { year, rule: 'absolute', explanation: `写明${year}年前 (stated: by ${year})`, future: futureOf(c, year) });
});

/**
 * 从2021年的3.1%提高至2025年的4%: a year after 到/至 with 的 is the target's year when it is ahead of the
 * document (增长到2021年的2271亿元 in a 2022 document is a past figure, and without the document's year it stays one).
 */
const levelInYear: Finder = (c) => [...c.t.matchAll(new RegExp(`(?<=(?:提高|提升|增长|增加|上升|扩大|下降|降低|减少|达到)(?:到|至))${YEAR}\\s*年(?:底|末)?的`, 'g'))].flatMap((m) => {
  const year = yearOf(m[1]!);
  return c.docYear !== null && year > c.docYear ? [phrase(m, { year, rule: 'absolute', explanation: `写明${year}年 (stated)`, future: true })] : [];
});

/** “十四五”期间 / 末 → 2025 */
const fiveYearPlans: Finder = (c) => [...c.t.matchAll(new RegExp(`${AIM_PREFIX}(到|至|在)?[“"‘]?十([一二三四五])五[”"’]?(期间|时期|末期|期末|末|规划期末|规划期内)?`, 'g'))].flatMap((m) => {
  if (!m[1] && !m[3]) return [];
  const year = PLAN_PERIODS[m[2]!]!;
  return [phrase(m, { year, rule: 'plan_period', explanation: `“十${m[2]}五”止于${year}年 (the five-year plan ends in ${year})`, future: futureOf(c, year) })];
});

/**
 * 两年内, 三年时间, 用3年左右时间, 未来五年: counted with the plan's first year (the period in its title) or
 * else the document's year as the first: a 2023 plan's 三年内 is 2023–2025.
 */
const relativeYears: Finder = (c) => [...c.t.matchAll(new RegExp(`${AIM_PREFIX}(在|用|通过|经过|利用|花|再用|再经过)?(今后|未来|接下来的?)?(\\d{1,2}|${CN_SMALL})个?年(?:左右)?(时间内|时间里|时间|内|以内|之内|期间)?`, 'g'))].flatMap((m) => {
  const before = c.t.slice(Math.max(0, m.index - 2), m.index);
  const after = c.t[m.index + m[0].length] ?? '';
  if (/[\d.]$/.test(before) || /近$|过去$|连续$|前$|这$|每$/.test(before)) return [];
  if (!m[1] && !m[2] && !m[4]) return [];
  if (after === '来' || after === '前' || after === '度') return [];
  const n = parseNumber(m[3]!);
  if (n === null || n < 1 || n > 20) return [];
  const first = c.plan?.start ?? c.docYear;
  const explanation = first === null ? `“${m[0]}”需从发文年份起算, 未给出发文年份 (relative: needs the document's year)`
    : c.plan ? `“${m[0]}”: 计划期${c.plan.start}—${c.plan.end}年, 第${n}年为${first + n - 1}年 (counted from the plan's first year)`
      : `“${m[0]}”: ${first}年为第1年, 第${n}年为${first + n - 1}年 (the document's year counts as year 1)`;
  return [phrase(m, { year: first === null ? null : first + n - 1, rule: 'relative', explanation, future: true })];
});

/** 今年 / 明年 / 年底前 ("今年以来" is a past marker; a bare 年底前 needs an aim after it). */
const currentYear: Finder = (c) => [...c.t.matchAll(new RegExp(`${AIM_PREFIX}(今年|本年度|明年|年底前|年内|全年)(?:内|底前|年底前|全年)?`, 'g'))].flatMap((m) => {
  const { t, docYear } = c;
  // 今年以来, 今年上半年, 今年1-6月: figures so far, not a horizon
  if (PARTIAL_YEAR.test(t.slice(m.index + m[0].length, m.index + m[0].length + 6))) return [];
  if ((m[1] === '年底前' || m[1] === '年内' || m[1] === '全年') && (/[\d一二两三四五六七八九十〇零]$/.test(t.slice(0, m.index)) || /截至|截止/.test(t.slice(Math.max(0, m.index - 3), m.index))
    || !/力争|确保|争取|将|要|计划|完成|实现/.test(t.slice(m.index, m.index + m[0].length + 16)))) return [];
  const next = docYear === null ? null : m[1] === '明年' ? docYear + 1 : docYear;
  return [phrase(m, { year: next, rule: 'current_year', explanation: docYear === null ? `“${m[1]}”需要发文年份 (needs the document's year)` : `“${m[1]}”即${next}年 (from the document's year)`, future: true })];
});

/** The period in a plan's title (三年行动计划（2023—2025年）), the horizon of every target the text does not date. */
function titlePeriod(t: string, periodPhrases: readonly TimePhrase[]): TimePhrase | null {
  const firstLineEnd = t.indexOf('\n') < 0 ? t.length : t.indexOf('\n');
  const firstLine = t.slice(0, firstLineEnd);
  if (!/计划|方案|规划|纲要|意见|要点/.test(firstLine) || /。/.test(firstLine)) return null;
  return periodPhrases.find((p) => p.span.end <= firstLineEnd && p.future) ?? null;
}

/** Every phrase that sets a year (absolute, periods, five-year plans, relative ones), and the plan's period in its title. */
export function timePhrases(t: string, docYear: number | null): { phrases: TimePhrase[]; horizon: TimePhrase | null } {
  const found: TimePhrase[] = [];
  const add = (p: TimePhrase) => {
    // 较2020年, 比“十三五”末: a baseline to compare with, not a horizon
    if (/(?:较|比|与|同|相比|相较于?)$/.test(t.slice(Math.max(0, p.span.start - 3), p.span.start))) return;
    if (!found.some((f) => f.span.start < p.span.end && p.span.start < f.span.end)) found.push(p);
  };
  const first: TimeContext = { t, docYear, plan: null };
  const periodPhrases = periods(first);
  periodPhrases.forEach(add);
  const horizon = titlePeriod(t, found.filter((p) => p.rule === 'period'));
  const startYear = horizon ? yearOf(/^\D*(\d{4}|[〇零一二三四五六七八九]{4})/.exec(horizon.text)![1]!) : null;
  const c: TimeContext = { ...first, plan: horizon && startYear !== null ? { start: startYear, end: horizon.year! } : null };
  for (const finder of [byYear, yearLists, workPlanYear, beforeYear, levelInYear, fiveYearPlans, relativeYears, currentYear]) finder(c).forEach(add);
  return { phrases: found.sort((a, b) => a.span.start - b.span.start), horizon };
}

/** The part of a year so far: 今年以来, 上半年, 前三季度, 1-6月. */
const PARTIAL_YEAR = /^(?:以来|上半年|前三季度|一季度|前两个月|[1一]\s*[-—~至到]\s*\d{1,2}\s*月)/;

/** Words that mark a clause as a past or present fact, not a target. */
export const PAST = /去年|(?<![较比同])上年|上一年|前年|今年以来|今年上半年|今年前三季度|今年一季度|上半年|前三季度|年初以来|截至目前|截止目前|目前|当前|如今|现已|已经|近年来|近几年|过去(?:的)?(?:[\d一二三四五六七八九十两几]+年)?|(?:[\d一二三四五六七八九十两几]+)年来|十年来|连续(?:[\d一二三四五六七八九十两几]+)年|累计已|已达|已有|已建成|已累计|已培育|已形成|已实现|共有|现有|从\d{4}年.{0,30}?(?:到|至)\d{4}年的/;
/** The strongest of them: these make even a clause with a year phrase a fact (截至2021年底, 全区共有…). */
export const PAST_STRONG = /共有|现有|已有|已达|已建成|已经|累计已|已累计|已培育|已形成|已实现/;

const BARE_YEAR = new RegExp(`^(?:在)?${YEAR}\\s*年(?:底|末|全年)?`);

/** A bare "2025年," at the start of a clause: a horizon when the sentence aims at something or the year is ahead. */
export function bareYearAt(body: string, contentStart: number, docYear: number | null, sentenceText: string): TimePhrase | null {
  const bare = BARE_YEAR.exec(body);
  if (!bare) return null;
  const year = yearOf(bare[1]!);
  const future = docYear !== null ? year > docYear || (year === docYear && TARGET_CUE.test(sentenceText)) : TARGET_CUE.test(sentenceText) && !PAST.test(sentenceText);
  return { year, text: bare[0], span: { start: contentStart, end: contentStart + bare[0].length }, rule: 'absolute', explanation: `写明${year}年 (stated)`, future };
}
