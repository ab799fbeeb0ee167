// Time phrases: the years targets are due (到2025年, 2023—2025年, “十四五”期末, 三年内, 明年) and the words
// that make a clause a past or present fact (去年, 目前, 已建成).
import { CN_DIGIT, parseNumber } from './numbers.ts';
import type { YearRef } from './types.ts';
import { TARGET_CUE } from './words.ts';

export interface TimePhrase extends YearRef {
  /** A target horizon (到2025年), or a past/present marker (2021年, 截至2021年底 in a 2022 document). */
  future: boolean;
}

const AIM_PREFIX = '(?:力争|争取|确保|努力|计划|预计|目标是|预期)?';
/** A year in Arabic or Chinese digits: 2025, 二〇二五. */
export const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
export function yearOf(text: string): number {
  return /^\d/.test(text) ? Number(text) : Number([...text].map((c) => CN_DIGIT[c]).join(''));
}
const CN_SMALL = '[一二两三四五六七八九十]{1,2}';
export const PLAN_PERIODS: Record<string, number> = { 一: 2010, 二: 2015, 三: 2020, 四: 2025, 五: 2030 };

function yearWords(n: number, docYear: number): string {
  return `${docYear}年为第1年, 第${n}年为${docYear + n - 1}年 (the document's year counts as year 1)`;
}

/** Every phrase that sets a year: absolute, periods, five-year plans, relative to the document's year. */
export function timePhrases(t: string, docYear: number | null): TimePhrase[] {
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
export const PAST = /去年|(?<![较比同])上年|上一年|前年|今年以来|今年上半年|今年前三季度|今年一季度|上半年|前三季度|年初以来|截至目前|截止目前|目前|当前|如今|现已|已经|近年来|近几年|过去(?:的)?(?:[\d一二三四五六七八九十两几]+年)?|(?:[\d一二三四五六七八九十两几]+)年来|十年来|连续(?:[\d一二三四五六七八九十两几]+)年|累计已|已达|已有|已建成|已累计|已培育|已形成|已实现|共有|现有|从\d{4}年.{0,30}?(?:到|至)\d{4}年的/;
/** The strongest of them: these make even a clause with a year phrase a fact (截至2021年底, 全区共有…). */
export const PAST_STRONG = /共有|现有|已有|已达|已建成|已经|累计已|已累计|已培育|已形成|已实现/;

/** A bare "2025年," at the start of a clause: a horizon when the sentence aims at something or the year is ahead. */
export function bareYearAt(body: string, contentStart: number, docYear: number | null, sentenceText: string): TimePhrase | null {
  const bare = new RegExp(`^(?:在)?${YEAR}\\s*年(?:底|末|全年)?`).exec(body);
  if (!bare) return null;
  const year = yearOf(bare[1]!);
  const future = docYear !== null ? year > docYear || (year === docYear && TARGET_CUE.test(sentenceText)) : TARGET_CUE.test(sentenceText) && !PAST.test(sentenceText);
  return { year, text: bare[0], span: { start: contentStart, end: contentStart + bare[0].length }, rule: 'absolute', explanation: `写明${year}年 (stated)`, future };
}
