// Whether a park's figure is plausible, the way statistics bureaus check reports: in two grades. An
// *error* refuses the figure (a negative amount, a share over 100%, a GDP ten times the largest
// zone's, R&D spending above GDP); a *warning* lets it through only when the writer confirms it with a
// note (outside the usual range, a jump against the park's own nearest years, an odd derived ratio).
// Where the 万元/亿元 or 亩/平方公里 slip would explain the figure, the message names it and suggests
// the corrected value. Pure: the server runs it on every write, the form on every keystroke.
import { figureProblems } from './figure-checks.ts';
import { findIndicator, plausibleRangeOf, ratioFromParts, type Indicator, type PlausibleRange } from './indicators.ts';
import type { Locale } from './locale.ts';
import { formatValue, isUnit, type Unit } from './units.ts';

export type Grade = 'error' | 'warning';

export interface Suggestion {
  /** The corrected value, in `unit` (the indicator's own unit). */
  value: number;
  unit: string;
}

export interface PlausibilityProblem {
  /** not_finite, negative, not_integer, rank_below_one, over_100, impossible_value, unusual_value, implausible_jump, part_exceeds_whole, unusual_ratio */
  code: string;
  grade: Grade;
  messages: Record<Locale, string>;
  suggestion?: Suggestion;
  /** implausible_jump: the year and value compared with (the same one every text names). */
  against?: { year: number; value: number };
}

export interface YearValue {
  year: number;
  value: number;
}

export interface FigureToCheck {
  indicator: Indicator;
  /** In the indicator's own unit, after conversion. */
  value: number;
  year: number;
  /** The park's figures of this indicator in other years (stored or in the same batch), in the indicator's unit. */
  history?: readonly YearValue[];
  /** The park's other figures of the same year, by indicator code, each in its indicator's unit. */
  sameYear?: Readonly<Record<string, number>>;
  /** Whose figure: a park's (the default), or a region's own total, which a park's ranges do not bound. */
  subject?: 'park' | 'region';
  /** Other indicators by code (a planner's catalogue); the built-in catalogue when not given. */
  indicatorOf?: (code: string) => Indicator | undefined;
}

/** A figure more than this many times (or less than 1/this of) the nearest year's is questioned: the 万元/亿元 slip. */
export const JUMP_FACTOR = 5;
/**
 * How much more a figure may change per further year between it and the one compared with. Real
 * zones grow fast but not that fast: 绍兴高新区's GDP grew ×4.35 in the nine years 2012–2021.
 */
export const JUMP_WIDENING_PER_YEAR = 1.25;

/** The factor beyond which a figure `gap` years from another is questioned: ×5 next year, ×9.8 four years on. */
export function jumpFactor(gap: number): number {
  return JUMP_FACTOR * JUMP_WIDENING_PER_YEAR ** Math.max(0, Math.abs(gap) - 1);
}

/** Counts below this (a park's smart factories, its listed companies) may well grow ×5: no jump is questioned. */
export const SMALL_COUNT = 20;

/** Parts that cannot exceed their whole in the same park and year. */
export const PARTS_OF_WHOLES: readonly { part: string; whole: string }[] = [
  { part: 'rd_spending', whole: 'gdp' },
  { part: 'industrial_va', whole: 'gdp' },
  { part: 'tax_revenue', whole: 'operating_revenue' },
];

/** A unit slip: the number was meant in another unit of the same dimension, `factor` apart. */
interface Slip {
  factor: number;
  zh: string;
  en: string;
}

const MONEY_SLIP: Slip = { factor: 1e4, zh: '万元与亿元混淆', en: 'a 万元/亿元 (10k yuan / 100m yuan) slip' };
const AREA_SLIP: Slip = { factor: 1500, zh: '亩与平方公里混淆', en: 'a 亩/平方公里 (mu / km², ×1500) slip' };

function unitSlips(unit: string): Slip[] {
  if (unit === '亿元' || unit === '万元') return [MONEY_SLIP];
  if (unit === '亩' || unit === '平方公里' || unit === '公顷') return [AREA_SLIP];
  return [];
}

/** The slips that could explain a figure of this indicator: its unit's, or a ratio's parts'. */
function slipsOf(indicator: Indicator, indicatorOf: (code: string) => Indicator | undefined): Slip[] {
  if (indicator.kind !== 'ratio' || !indicator.numerator || !indicator.denominator) return unitSlips(indicator.unit);
  const parts = [indicator.numerator, indicator.denominator].flatMap((code) => {
    const part = indicatorOf(code);
    return part ? unitSlips(part.unit).map((s) => ({ ...s, zh: `${part.nameZh}的${s.zh}`, en: `${s.en} in ${part.nameEn}` })) : [];
  });
  return parts.filter((s, i) => parts.findIndex((o) => o.factor === s.factor) === i);
}

const tidy = (value: number) => Number(value.toPrecision(12));

function rangeOf(indicator: Indicator): PlausibleRange | undefined {
  return indicator.plausibleRange ?? plausibleRangeOf(indicator.code);
}

const inside = (value: number, [min, max]: [number | null, number | null]) => (min === null || value >= min) && (max === null || value <= max);

const show = (value: number, unit: string, locale: Locale) => (isUnit(unit) ? formatValue(value, unit as Unit, { locale }) : `${value}${unit}`);

function rangeText([min, max]: [number | null, number | null], unit: string, locale: Locale): string {
  const zh = locale === 'zh';
  if (min !== null && min > 0 && max !== null) return `${show(min, unit, locale)}–${show(max, unit, locale)}`;
  if (max !== null && (min === null || min <= 0)) return zh ? `不超过${show(max, unit, locale)}` : `at most ${show(max, unit, locale)}`;
  return zh ? `不低于${show(min!, unit, locale)}` : `at least ${show(min!, unit, locale)}`;
}

/**
 * The value a slip would give that lands where `fits` says; of several, the one nearest (by ratio)
 * to `near`, what the figure is expected to be. None when no slip explains the figure.
 */
function slipFix(value: number, slips: readonly Slip[], fits: (candidate: number) => boolean, near: number | null): { slip: Slip; value: number } | undefined {
  if (!(value > 0)) return undefined;
  const fixes = slips.flatMap((slip) => [value / slip.factor, value * slip.factor].map(tidy)
    .filter((candidate) => Number.isFinite(candidate) && candidate > 0 && fits(candidate))
    .map((candidate) => ({ slip, value: candidate })));
  const distance = (v: number) => (near !== null && near > 0 ? Math.abs(Math.log(v / near)) : 0);
  return fixes.sort((a, b) => distance(a.value) - distance(b.value))[0];
}

/** Where in a usual range a figure is expected: the geometric middle (the top's hundredth when the range starts at 0). */
function middleOf(range: PlausibleRange | undefined): number | null {
  if (!range) return null;
  const [min, max] = range.usual;
  if (max === null) return min;
  return min !== null && min > 0 ? Math.sqrt(min * max) : max / 100;
}

function slipTexts(fix: { slip: Slip; value: number } | undefined, unit: string): { zh: string; en: string; suggestion?: Suggestion } {
  if (!fix) return { zh: '', en: '' };
  return {
    zh: `; 可能是${fix.slip.zh}, 应为 ${show(fix.value, unit, 'zh')}`,
    en: `; perhaps ${fix.slip.en}: it would be ${show(fix.value, unit, 'en')}`,
    suggestion: { value: fix.value, unit },
  };
}

const times = (r: number) => (r >= 100 ? Math.round(r).toLocaleString('en-US') : String(Number(r.toFixed(1))));

/**
 * Everything implausible about one figure of a park, errors first. The value is in the indicator's
 * own unit; history and same-year figures make the checks against the park's other years and other
 * indicators (leave them out to check the figure alone).
 */
export function checkFigure(figure: FigureToCheck): PlausibilityProblem[] {
  const { indicator, value, year } = figure;
  const indicatorOf = figure.indicatorOf ?? findIndicator;
  const unit = indicator.unit;
  const zhName = `“${indicator.nameZh}”`;
  const enName = indicator.nameEn;
  const basic = figureProblems(indicator, value);
  const problems: PlausibilityProblem[] = basic.map((p) => ({ code: p.code, grade: 'error', messages: p.messages }));
  if (!Number.isFinite(value)) return problems;
  const slips = slipsOf(indicator, indicatorOf);
  // A park's ranges: a province's or city's own total is bounded only by the basic checks, its history and its parts.
  const range = figure.subject === 'region' ? undefined : rangeOf(indicator);

  // 1. The indicator's own range: impossible refuses, unusual asks.
  if (range && !problems.some((p) => p.code === 'negative' || p.code === 'over_100' || p.code === 'rank_below_one')) {
    const inUsual = (v: number) => inside(v, range.usual);
    if (!inside(value, range.impossible)) {
      const s = slipTexts(slipFix(value, slips, inUsual, middleOf(range)), unit);
      problems.push({
        code: 'impossible_value', grade: 'error',
        messages: {
          zh: `${zhName} ${show(value, unit, 'zh')}超出了一个园区可能的范围(${rangeText(range.impossible, unit, 'zh')})${s.zh}`,
          en: `${enName} of ${show(value, unit, 'en')} is beyond what a park can have (${rangeText(range.impossible, unit, 'en')})${s.en}`,
        },
        ...(s.suggestion ? { suggestion: s.suggestion } : {}),
      });
    } else if (!inUsual(value)) {
      const s = slipTexts(slipFix(value, slips, inUsual, middleOf(range)), unit);
      problems.push({
        code: 'unusual_value', grade: 'warning',
        messages: {
          zh: `${zhName} ${show(value, unit, 'zh')}不在园区的常见范围(${rangeText(range.usual, unit, 'zh')})内${s.zh}`,
          en: `${enName} of ${show(value, unit, 'en')} is outside the usual range for a park (${rangeText(range.usual, unit, 'en')})${s.en}`,
        },
        ...(s.suggestion ? { suggestion: s.suggestion } : {}),
      });
    }
  }

  // 2. Against the park's own nearest years, before and after, whatever the gap: one message, one year.
  const against = nearestJump(value, year, figure.history ?? [], indicator.kind);
  if (against) {
    const factor = jumpFactor(against.year - year);
    const gap = Math.abs(against.year - year);
    const fits = (v: number) => Math.max(v / against.value, against.value / v) < factor && (!range || inside(v, range.usual));
    const s = slipTexts(slipFix(value, slips, fits, against.value), unit);
    const up = value > against.value;
    const ratio = up ? value / against.value : against.value / value;
    const otherZh = `${against.year}年的 ${show(against.value, unit, 'zh')}`;
    const otherEn = `${show(against.value, unit, 'en')} in ${against.year}`;
    problems.push({
      code: 'implausible_jump', grade: 'warning', against: { year: against.year, value: against.value },
      messages: {
        zh: `${zhName} ${show(value, unit, 'zh')}与${otherZh}相比${up ? `增至${times(ratio)}倍` : `降至不到1/${times(ratio)}`}`
          + `(相隔${gap}年, 超过${times(factor)}倍的变化很少见)${s.zh}`,
        en: `${enName} of ${show(value, unit, 'en')} is ${up ? `${times(ratio)}×` : `under 1/${times(ratio)} of`} the ${otherEn}`
          + ` (${gap} year${gap > 1 ? 's' : ''} apart, a change beyond ×${times(factor)} is rare)${s.en}`,
      },
      ...(s.suggestion ? { suggestion: s.suggestion } : {}),
    });
  }

  // 3. Against the park's other figures of the same year: parts never above their whole …
  const sameYear = figure.sameYear ?? {};
  const exceeded = new Set<string>();
  for (const { part, whole } of PARTS_OF_WHOLES) {
    const isPart = indicator.code === part;
    if (!isPart && indicator.code !== whole) continue;
    const otherCode = isPart ? whole : part;
    const other = sameYear[otherCode];
    const otherIndicator = indicatorOf(otherCode);
    if (other === undefined || !otherIndicator || !Number.isFinite(other)) continue;
    const partValue = isPart ? value : other;
    const wholeValue = isPart ? other : value;
    if (!(partValue > wholeValue)) continue;
    exceeded.add(`${part}:${whole}`);
    const partName = isPart ? indicator : otherIndicator;
    const wholeName = isPart ? otherIndicator : indicator;
    const fits = (v: number) => (isPart ? v <= other : v >= other) && (!range || inside(v, range.usual));
    const s = slipTexts(slipFix(value, slips, fits, middleOf(range)), unit);
    problems.push({
      code: 'part_exceeds_whole', grade: 'error',
      messages: {
        zh: `“${partName.nameZh}” ${show(partValue, partName.unit, 'zh')}超过了同年“${wholeName.nameZh}” ${show(wholeValue, wholeName.unit, 'zh')}, 部分不能大于整体${s.zh}`,
        en: `${partName.nameEn} of ${show(partValue, partName.unit, 'en')} exceeds ${wholeName.nameEn} of ${show(wholeValue, wholeName.unit, 'en')} in the same year: a part cannot exceed its whole${s.en}`,
      },
      ...(s.suggestion ? { suggestion: s.suggestion } : {}),
    });
  }

  // … and the ratios derived from this figure and its partner inside their usual range.
  for (const ratio of derivedRatios(indicator.code, indicatorOf)) {
    const isNumerator = ratio.numerator === indicator.code;
    const partnerCode = isNumerator ? ratio.denominator! : ratio.numerator!;
    const partner = sameYear[partnerCode];
    const ratioRange = rangeOf(ratio);
    if (partner === undefined || !ratioRange || exceeded.has(`${ratio.numerator}:${ratio.denominator}`)) continue;
    const derive = (v: number) => (isNumerator ? ratioFromParts(ratio, v, partner) : ratioFromParts(ratio, partner, v));
    const derived = derive(value);
    if (derived === null || !Number.isFinite(derived) || inside(derived, ratioRange.usual)) continue;
    const fits = (v: number) => { const d = derive(v); return d !== null && inside(d, ratioRange.usual) && (!range || inside(v, range.usual)); };
    const s = slipTexts(slipFix(value, slips, fits, middleOf(range)), unit);
    const partnerIndicator = indicatorOf(partnerCode);
    const partnerZh = partnerIndicator ? `“${partnerIndicator.nameZh}” ${show(partner, partnerIndicator.unit, 'zh')}` : '';
    const partnerEn = partnerIndicator ? `${partnerIndicator.nameEn} of ${show(partner, partnerIndicator.unit, 'en')}` : '';
    problems.push({
      code: 'unusual_ratio', grade: 'warning',
      messages: {
        zh: `按同年${partnerZh}计算, “${ratio.nameZh}”为 ${show(derived, ratio.unit, 'zh')}, 不在常见范围(${rangeText(ratioRange.usual, ratio.unit, 'zh')})内${s.zh}`,
        en: `With ${partnerEn} in the same year, ${ratio.nameEn} would be ${show(derived, ratio.unit, 'en')}, outside the usual ${rangeText(ratioRange.usual, ratio.unit, 'en')}${s.en}`,
      },
      ...(s.suggestion ? { suggestion: s.suggestion } : {}),
    });
  }

  return problems.sort((a, b) => (a.grade === b.grade ? 0 : a.grade === 'error' ? -1 : 1));
}

/** The park's nearest reported years before and after `year` (whatever the gap), each null when there is none. */
export function nearestYears(year: number, history: readonly YearValue[]): { before: YearValue | null; after: YearValue | null } {
  const usable = history.filter((h) => h.year !== year && h.value > 0 && Number.isFinite(h.value));
  return {
    before: usable.filter((h) => h.year < year).sort((a, b) => b.year - a.year)[0] ?? null,
    after: usable.filter((h) => h.year > year).sort((a, b) => a.year - b.year)[0] ?? null,
  };
}

/**
 * The nearest year a figure jumps against (beyond ×5, widened with the gap): the year before if it
 * does, else the year after; null when neither. The form, the API, the import and the review list
 * all question a figure against this one year.
 */
export function nearestJump(value: number, year: number, history: readonly YearValue[], kind?: string): YearValue | null {
  if (!(value > 0) || !Number.isFinite(value)) return null;
  const { before, after } = nearestYears(year, history);
  // 1 smart factory one year, 5 the next is a count growing, not a slip.
  const small = (other: YearValue) => kind === 'count' && Math.max(value, other.value) < SMALL_COUNT;
  const jumps = (other: YearValue) => !small(other) && Math.max(value / other.value, other.value / value) >= jumpFactor(other.year - year);
  return [before, after].find((o): o is YearValue => !!o && jumps(o)) ?? null;
}

/** The ratio indicators this indicator is a part of (R&D intensity for R&D spending and GDP, tax per mu for tax and land). */
function derivedRatios(code: string, indicatorOf: (code: string) => Indicator | undefined): Indicator[] {
  return ['rd_intensity', 'tax_per_mu'].map(indicatorOf)
    .filter((r): r is Indicator => !!r && r.kind === 'ratio' && (r.numerator === code || r.denominator === code));
}

/** The indicators whose same-year figures matter to a figure of `code`: its whole or parts, and its ratio partner. */
export function relatedIndicators(code: string, indicatorOf: (code: string) => Indicator | undefined = findIndicator): string[] {
  const out = new Set<string>();
  for (const { part, whole } of PARTS_OF_WHOLES) {
    if (part === code) out.add(whole);
    if (whole === code) out.add(part);
  }
  for (const r of derivedRatios(code, indicatorOf)) out.add(r.numerator === code ? r.denominator! : r.numerator!);
  return [...out];
}

/** Whether the figure may be written: no errors, and any warning confirmed with a note. */
export function passes(problems: readonly PlausibilityProblem[], confirmed: { confirm?: boolean; note?: string | null }): boolean {
  if (problems.some((p) => p.grade === 'error')) return false;
  return !problems.some((p) => p.grade === 'warning') || (!!confirmed.confirm && !!confirmed.note?.trim());
}
