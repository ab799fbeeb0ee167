// The checks a figure passes wherever it is written — a reported value (form, API, import) or a
// target's and baseline's value — in the indicator's own unit, after conversion. One place, so that
// every write path refuses the same things, and further checks (plausible ranges per indicator) join
// these here.
import type { Indicator } from './indicators.ts';
import type { BilingualT } from './schemas.ts';

export interface FigureProblem {
  /** not_finite, negative, not_integer, rank_below_one, over_100 */
  code: string;
  messages: BilingualT;
}

const WHOLE_NUMBER_KINDS = new Set(['count', 'rank', 'coverage']);
const PERCENT_KINDS = new Set(['percent', 'share']);

/** What is wrong with `value` as a figure of `indicator` (in the indicator's unit); empty when nothing is. */
export function figureProblems(indicator: Indicator, value: number): FigureProblem[] {
  const zh = `“${indicator.nameZh}”`;
  const en = indicator.nameEn;
  // 1e308 平方公里 is Infinity 亩: stored, it would be read back as null and break every later read.
  if (!Number.isFinite(value)) {
    return [{
      code: 'not_finite',
      messages: { zh: `${zh}的数值过大, 换算为${indicator.unit}后超出可存储的范围`, en: `${en}: the value is too large to store once converted to ${indicator.unit}` },
    }];
  }
  const problems: FigureProblem[] = [];
  if (value < 0) problems.push({ code: 'negative', messages: { zh: `${zh}不能为负数`, en: `${en} must not be negative` } });
  if (WHOLE_NUMBER_KINDS.has(indicator.kind) && !Number.isInteger(value)) {
    problems.push({ code: 'not_integer', messages: { zh: `${zh}应为整数`, en: `${en} must be a whole number` } });
  }
  if (indicator.kind === 'rank' && value < 1) problems.push({ code: 'rank_below_one', messages: { zh: '排名从1开始', en: 'Ranks start at 1' } });
  if (PERCENT_KINDS.has(indicator.kind) && value > 100) problems.push({ code: 'over_100', messages: { zh: `${zh}不能超过100%`, en: `${en} cannot exceed 100%` } });
  return problems;
}
