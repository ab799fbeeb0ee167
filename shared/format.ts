// Text for targets and figures as a planner reads them: “约 8% · 2025年”, “≥ 1,000家”, “7个 · 2024年”.
// Pure and shared by the web's views and the server's exports and report, so every place writes a
// number the same way; the numbers themselves come from the progress engine, never re-derived here.
import type { Comparator } from './progress.ts';
import type { Locale } from './locale.ts';
import { differenceUnit, formatNumber, formatValue, isUnit } from './units.ts';

/** Units of things counted or ranked: shown as whole numbers (13.11名 is never shown). */
export const WHOLE_UNITS: ReadonlySet<string> = new Set(['家', '个', '名']);

export interface ComparatorText {
  /** Short form before the value: “约 8%”, “≥ 45个”. */
  symbol: string;
  /** The words a policy uses: “不低于”, or “左右” after the value for `about`. */
  words: string;
}

export const COMPARATOR_TEXT: Record<Comparator, ComparatorText> = {
  about: { symbol: '约', words: '左右' },
  at_least: { symbol: '≥', words: '不低于' },
  more_than: { symbol: '>', words: '超过' },
  at_most: { symbol: '≤', words: '不高于' },
  less_than: { symbol: '<', words: '低于' },
};

/** A value in the unit the API gives; units the catalogue does not know are written after the number. */
export function formatMeasured(value: number | null, unit: string, locale: Locale = 'zh'): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const shown = WHOLE_UNITS.has(unit) ? Math.round(value) : value;
  return isUnit(unit) ? formatValue(shown, unit, { locale }) : `${shown}${unit}`;
}

export function formatYear(year: number, locale: Locale = 'zh'): string {
  return locale === 'zh' ? `${year}年` : String(year);
}

/** A share (0.3929) as a percentage for reading: 39%; one decimal below 10%. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const pct = share * 100;
  return `${Math.abs(pct) < 10 && pct !== 0 ? pct.toFixed(1).replace(/\.0$/, '') : Math.round(pct)}%`;
}

/** A difference of two values in the unit it is spoken in: 0.69个百分点, 198家, 0.69 pp. */
export function formatDifference(value: number | null | undefined, unit: string, locale: Locale = 'zh'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const shown = WHOLE_UNITS.has(unit) ? Math.round(value) : value;
  if (!isUnit(unit)) return `${round2(shown)}${unit}`;
  return formatValue(shown, differenceUnit(unit), { locale });
}

/** A pace per year: counts and ranks keep one decimal (每年提升 0.8 名), other units as differences. */
export function formatPace(value: number | null | undefined, unit: string, locale: Locale = 'zh'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (!WHOLE_UNITS.has(unit)) return formatDifference(value, unit, locale);
  const number = Number(value.toFixed(Math.abs(value) >= 10 ? 0 : 1));
  return isUnit(unit) ? formatValue(number, unit, { locale, digits: 1 }) : `${number}${unit}`;
}

function round2(v: number): number {
  return Number(v.toFixed(2));
}

export interface TargetLike {
  comparator: Comparator;
  targetValue: number | null;
  targetYear: number;
  unit: string;
  scope: { kind: string };
}

export interface TargetText {
  /** The goal without its year, for the eye: “约 8%”, “≥ 1000家”, “全覆盖”. */
  goal: string;
  year: string;
  /** Both together: “约 8% · 2025年”. */
  short: string;
  /** In the policy's words, for a tooltip or a screen reader: “2025年8%左右”. */
  spoken: string;
}

const COMPARATOR_EN: Record<Comparator, ComparatorText> = {
  about: { symbol: '≈', words: 'about' },
  at_least: { symbol: '≥', words: 'at least' },
  more_than: { symbol: '>', words: 'more than' },
  at_most: { symbol: '≤', words: 'at most' },
  less_than: { symbol: '<', words: 'less than' },
};

export function describeTarget(target: TargetLike, locale: Locale = 'zh'): TargetText {
  const year = formatYear(target.targetYear, locale);
  const value = formatMeasured(target.targetValue, target.unit, locale);
  if (value === null) {
    // Coverage targets without a number: every member of the set.
    const goal = target.scope.kind === 'coverage' ? (locale === 'zh' ? '全覆盖' : 'full coverage') : (locale === 'zh' ? '目标值未定' : 'no target value');
    return { goal, year, short: `${goal} · ${year}`, spoken: locale === 'zh' ? `${year}${goal}` : `${goal} by ${year}` };
  }
  if (locale === 'en') {
    const { symbol, words } = COMPARATOR_EN[target.comparator];
    const goal = `${symbol} ${value}`;
    const spoken = target.comparator === 'at_most' && target.unit === '名' ? `top ${target.targetValue}` : `${words} ${value}`;
    return { goal, year, short: `${goal} · ${year}`, spoken: `${spoken} by ${year}` };
  }
  const { symbol, words } = COMPARATOR_TEXT[target.comparator];
  const goal = `${symbol} ${value}`;
  const spoken = target.comparator === 'about' ? `${value}${words}`
    // A rank “at most 10” is the top ten.
    : target.comparator === 'at_most' && target.unit === '名' ? `前${value}`
    : `${words}${value}`;
  return { goal, year, short: `${goal} · ${year}`, spoken: `${year}${spoken}` };
}

/** The latest figure and its year, or null when there is none yet. */
export function describeLatest(entry: { latestValue: number | null; latestYear: number | null; unit: string }, locale: Locale = 'zh'): { value: string; year: string | null } | null {
  const value = formatMeasured(entry.latestValue, entry.unit, locale);
  if (value === null) return null;
  return { value, year: entry.latestYear === null ? null : formatYear(entry.latestYear, locale) };
}

/** A list of names the Chinese way: 金华市、舟山市、台州市. */
export function joinNames(names: readonly string[], locale: Locale = 'zh'): string {
  return names.join(locale === 'zh' ? '、' : ', ');
}

/** Short numbers for chart axes and bar labels: 7.3%, 4.2万, 1.5亿, 802. */
export function formatAxis(value: number, unit: string, locale: Locale = 'zh'): string {
  if (!Number.isFinite(value)) return '';
  if (unit === '%') return `${Number(value.toFixed(Math.abs(value) < 10 ? 2 : 1))}%`;
  return formatNumber(value, { locale, digits: Math.abs(value) >= 1e4 ? 2 : undefined });
}

/** A source as a reader needs it: its title, who published it and when — “《实施意见》（浙江省人民政府，2021-07-28）”. */
export function describeSource(source: { title: string; publisher: string | null; publishedOn: string | null }, locale: Locale = 'zh'): string {
  const about = [source.publisher, source.publishedOn].filter(Boolean);
  if (about.length === 0) return source.title;
  return locale === 'zh' ? `${source.title}（${about.join('，')}）` : `${source.title} (${about.join(', ')})`;
}

/** A stored time (ISO, UTC) as people in China read it: “2026-12-07 04:00”, China Standard Time (UTC+8, no daylight saving). */
export function formatChinaTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
