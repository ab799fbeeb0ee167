// Text for targets and figures as a planner reads them: “约 8% · 2025年”, “≥ 1,000家”, “7个 · 2024年”.
// Pure; the numbers themselves come from the API (the progress engine), never re-derived here.
import type { Comparator } from '../../shared/progress.ts';
import { formatValue, isUnit } from '../../shared/units.ts';

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
export function formatMeasured(value: number | null, unit: string): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  return isUnit(unit) ? formatValue(value, unit) : `${value}${unit}`;
}

export function formatYear(year: number): string {
  return `${year}年`;
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

export function describeTarget(target: TargetLike): TargetText {
  const year = formatYear(target.targetYear);
  const value = formatMeasured(target.targetValue, target.unit);
  if (value === null) {
    // Coverage targets without a number: every member of the set.
    const goal = target.scope.kind === 'coverage' ? '全覆盖' : '目标值未定';
    return { goal, year, short: `${goal} · ${year}`, spoken: `${year}${goal}` };
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
export function describeLatest(entry: { latestValue: number | null; latestYear: number | null; unit: string }): { value: string; year: string | null } | null {
  const value = formatMeasured(entry.latestValue, entry.unit);
  if (value === null) return null;
  return { value, year: entry.latestYear === null ? null : formatYear(entry.latestYear) };
}

/** A list of names the Chinese way: 金华市、舟山市、台州市. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}
