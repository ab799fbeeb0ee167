// The progress method (see PROGRESS.md in the design notes): where a target stands, whether the pace
// is enough, how big the gap is and what it would take to close it. One implementation, used by the
// API, every view and the exports. Pure: the clock comes in as `currentYear`.
import type { Direction } from './indicators.ts';

export type Comparator = 'at_least' | 'more_than' | 'at_most' | 'less_than' | 'about';

export const STATUSES = [
  'achieved', 'on_track', 'needs_acceleration', 'limited', 'regressing', 'missed', 'insufficient_data',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_ZH: Record<Status, string> = {
  achieved: '已达成',
  on_track: '按期推进',
  needs_acceleration: '需加快',
  limited: '进展有限',
  regressing: '退步',
  missed: '未达成',
  insufficient_data: '数据不足',
};

export const STATUS_EN: Record<Status, string> = {
  achieved: 'Achieved',
  on_track: 'On track',
  needs_acceleration: 'Needs acceleration',
  limited: 'Limited progress',
  regressing: 'Regressing',
  missed: 'Missed',
  insufficient_data: 'Insufficient data',
};

/** Pace-ratio thresholds of the status table. */
export const ON_TRACK_RATIO = 0.95;
export const ACCELERATE_RATIO = 0.6;
/** `about` targets count as met within this share of the target unless the target says otherwise. */
export const DEFAULT_TOLERANCE = 0.05;

export interface YearValue {
  year: number;
  value: number;
}

/** A point of a series; an aggregate's point says how many parks it includes of how many should report. */
export interface SeriesValue extends YearValue {
  parksIncluded?: number | undefined;
  parksExpected?: number | undefined;
}

/** Why a status is insufficient_data (rule 7): what the planner has to supply. */
export const STATUS_REASONS = ['no_data', 'one_point', 'incomplete', 'stale', 'no_region_set'] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];

/** An aggregate's year is complete when at least this share of the parks that should report are in (rule 3). */
export const COMPLETE_SHARE = 0.8;
/** Data older than the reporting year minus this many years decides nothing (rule 4). */
export const STALE_AFTER_YEARS = 2;

/** Whether a point of a series may decide a status: a park's own figure always; an aggregate's when complete. */
export function isComplete(p: Pick<SeriesValue, 'parksIncluded' | 'parksExpected'>): boolean {
  return p.parksExpected == null || p.parksIncluded == null || p.parksIncluded >= COMPLETE_SHARE * p.parksExpected - 1e-9;
}

/** The latest year whose figures are due: annual figures for year y arrive in y + 1. */
export function reportingYear(currentYear: number): number {
  return currentYear - 1;
}

export interface ProgressTarget {
  comparator: Comparator;
  targetValue: number;
  targetYear: number;
  /** Share of the target value, for `about` (0.05 = 5%). */
  tolerance?: number | null;
  baselineYear?: number | null;
  baselineValue?: number | null;
}

export interface ProgressOptions {
  /** The indicator's better direction, used by `about` when the target and baseline do not tell. */
  direction: Direction;
  /** The calendar year now (from the injected clock), for `awaitingFinal` and staleness. */
  currentYear: number;
  /** Amounts and counts also get a compound growth rate from now. */
  compoundGrowth?: boolean;
  /** The indicators whose figures make the series (for `missing`), with their names. */
  indicators?: readonly IndicatorName[];
}

/** An incomplete year after the last complete one: shown beside the headline, never deciding the status. */
export interface ProvisionalLatest {
  year: number;
  value: number;
  parksIncluded: number;
  parksExpected: number;
}

export interface IndicatorName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** What would resolve insufficient_data: figures of these indicators, from these parks (or regions' own totals), for these years. */
export interface Missing {
  indicators: string[];
  /** The same indicators' names, so that every view can say them without the catalogue. */
  indicatorNames: IndicatorName[];
  /** The parks that have not reported them (the first few of `parksTotal`). */
  parks: { id: number; name: string }[];
  parksTotal: number;
  /** Regions whose own totals are missing (a share of the province needs the province's total). */
  regions: { code: string; name: string }[];
  years: number[];
}

export interface Progress {
  status: Status;
  /** For insufficient_data: why (rule 7); null otherwise. */
  statusReason: StatusReason | null;
  /** For a stale status: what the last known figures said ("2021年时按期推进"); null otherwise. */
  lastKnownStatus: Status | null;
  attained: boolean | null;
  direction: Direction;
  /** The baseline already attains the target: it is held, not approached (rule 2). */
  held: boolean;
  latestYear: number | null;
  latestValue: number | null;
  baselineYear: number | null;
  baselineValue: number | null;
  /** (v − b) / (T − b); not clamped; null when held. */
  progress: number | null;
  /** (t − yb) / (yT − yb). */
  elapsed: number | null;
  /** Where the straight path from baseline to target is at year t. */
  expected: number | null;
  /** T − v, 0 once attained. */
  gap: number | null;
  gapRelative: number | null;
  /** An `about` target attained inside its tolerance: how far the value is from the exact target (rule 5). */
  shortOfExact: number | null;
  requiredPace: number | null;
  observedPace: number | null;
  paceRatio: number | null;
  neededPaceFromNow: number | null;
  /** (T / v)^(1/(yT − t)) − 1 for amounts and counts. */
  neededGrowthRateFromNow: number | null;
  projected: number | null;
  projectedAttained: boolean | null;
  /** T − projected, 0 when the projection attains the target: how far short the current pace ends. */
  projectedGap: number | null;
  /** The target year has passed on the calendar but its figure is not in yet. */
  awaitingFinal: boolean;
  /** An incomplete aggregate year after the last complete one (rule 3). */
  provisionalLatest: ProvisionalLatest | null;
  /** For insufficient_data: the figures that would resolve it (rule 7). */
  missing: Missing | null;
}

const EPSILON = 1e-9;

/** Whether value v meets the target; `about` is met from T·(1 − tol) on in the target's direction. */
export function meetsTarget(v: number, target: ProgressTarget, direction: Direction): boolean {
  const T = target.targetValue;
  const slack = EPSILON * Math.max(1, Math.abs(T));
  switch (target.comparator) {
    case 'at_least': return v >= T - slack;
    case 'more_than': return v > T + slack;
    case 'at_most': return v <= T + slack;
    case 'less_than': return v < T - slack;
    case 'about': {
      const tol = target.tolerance ?? DEFAULT_TOLERANCE;
      return direction === 'up' ? v >= T * (1 - tol) - slack : v <= T * (1 + tol) + slack;
    }
  }
}

/**
 * Rule 1: the comparator gives the direction (at least / more than: up; at most / less than: down).
 * Only `about` reads it from the target against the baseline, else from the indicator.
 */
export function directionOf(comparator: Comparator, targetValue: number, baselineValue: number | null, indicatorDirection: Direction): Direction {
  switch (comparator) {
    case 'at_least': case 'more_than': return 'up';
    case 'at_most': case 'less_than': return 'down';
    case 'about':
      return baselineValue !== null && targetValue !== baselineValue ? (targetValue > baselineValue ? 'up' : 'down') : indicatorDirection;
  }
}

/** Least-squares slope of value over year; two points give their difference over the years. */
export function leastSquaresSlope(points: readonly YearValue[]): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.year, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - meanX) * (p.value - meanY);
    sxx += (p.year - meanX) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** The series sorted by year, one value a year (the last one given wins), finite values only. */
function cleanSeries(series: readonly SeriesValue[]): SeriesValue[] {
  const byYear = new Map<number, SeriesValue>();
  for (const p of series) if (Number.isFinite(p.value)) byYear.set(p.year, p);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

const yearsBetween = (from: number, to: number) => (to < from ? [] : Array.from({ length: to - from + 1 }, (_, k) => from + k));

/** The baseline: the target's own, else (a year alone) the series' value that year, else the earliest value. */
function baselineOf(target: ProgressTarget, series: readonly SeriesValue[]): YearValue | null {
  if (target.baselineYear != null && target.baselineValue != null) return { year: target.baselineYear, value: target.baselineValue };
  if (target.baselineYear != null) return series.find((p) => p.year === target.baselineYear) ?? null;
  return series[0] ?? null;
}

/** A status of insufficient_data with its reason and what would resolve it. */
function insufficient(p: Progress, reason: StatusReason, years: number[], options: ProgressOptions, lastKnownStatus: Status | null = null): Progress {
  return {
    ...p, status: 'insufficient_data', statusReason: reason, lastKnownStatus,
    missing: { indicators: (options.indicators ?? []).map((i) => i.code), indicatorNames: [...(options.indicators ?? [])], parks: [], parksTotal: 0, regions: [], years },
  };
}

/** The status insufficient_data for a reason found outside the series (a class without enough parks judged). */
export function insufficientFor(target: ProgressTarget, reason: StatusReason, missing: Missing, options: ProgressOptions): Progress {
  return { ...computeProgress(target, [], options), status: 'insufficient_data', statusReason: reason, lastKnownStatus: null, missing };
}

/** A target whose region set is not defined yet: nothing can be measured. */
export function noRegionSet(target: ProgressTarget, options: ProgressOptions): Progress {
  return insufficientFor(target, 'no_region_set', { indicators: [], indicatorNames: [], parks: [], parksTotal: 0, regions: [], years: [] }, options);
}

export function computeProgress(target: ProgressTarget, rawSeries: readonly SeriesValue[], options: ProgressOptions): Progress {
  const all = cleanSeries(rawSeries);
  // Rule 3: only complete years decide; a later incomplete year is shown beside them.
  const series = all.filter(isComplete);
  const latest = series.at(-1) ?? null;
  const lastIncomplete = all.at(-1);
  const provisionalLatest: ProvisionalLatest | null = lastIncomplete && !isComplete(lastIncomplete) && (latest === null || lastIncomplete.year > latest.year)
    ? { year: lastIncomplete.year, value: lastIncomplete.value, parksIncluded: lastIncomplete.parksIncluded!, parksExpected: lastIncomplete.parksExpected! }
    : null;

  const T = target.targetValue;
  const yT = target.targetYear;
  const dueYear = reportingYear(options.currentYear);
  const baseline = baselineOf(target, series);
  const direction = directionOf(target.comparator, T, baseline?.value ?? null, options.direction);
  // Rule 2: a baseline that already attains the target is held, not approached.
  const held = baseline !== null && meetsTarget(baseline.value, target, direction);
  const awaitingFinal = options.currentYear > yT && (latest === null || latest.year < yT);

  const empty: Progress = {
    status: 'insufficient_data', statusReason: null, lastKnownStatus: null, attained: null, direction, held,
    latestYear: latest?.year ?? null, latestValue: latest?.value ?? null,
    baselineYear: baseline?.year ?? null, baselineValue: baseline?.value ?? null,
    progress: null, elapsed: null, expected: null, gap: null, gapRelative: null, shortOfExact: null,
    requiredPace: null, observedPace: null, paceRatio: null, neededPaceFromNow: null,
    neededGrowthRateFromNow: null, projected: null, projectedAttained: null, projectedGap: null, awaitingFinal,
    provisionalLatest, missing: null,
  };
  if (!latest) {
    // Nothing complete: either some parks reported (incomplete) or nobody did.
    const from = Math.min(target.baselineYear ?? dueYear - 1, dueYear);
    return provisionalLatest
      ? insufficient(empty, 'incomplete', yearsBetween(Math.max(from, provisionalLatest.year), dueYear), options)
      : insufficient(empty, 'no_data', yearsBetween(from, dueYear), options);
  }

  const v = latest.value;
  const t = latest.year;
  const attained = meetsTarget(v, target, direction);
  const gap = attained ? 0 : T - v;
  const yearsLeft = yT - t;
  const neededPaceFromNow = !attained && yearsLeft > 0 ? (T - v) / yearsLeft : attained ? 0 : null;
  const neededGrowthRateFromNow = options.compoundGrowth && !attained && yearsLeft > 0 && v > 0 && T >= 0
    ? (T / v) ** (1 / yearsLeft) - 1
    : null;
  // Rule 5: inside the tolerance of an `about` target, how far from the exact value.
  const shortOfExact = attained && target.comparator === 'about' && (direction === 'up' ? v < T : v > T) ? Math.abs(T - v) : null;
  const partial: Progress = {
    ...empty, attained, gap, gapRelative: ratio(gap, T), shortOfExact, neededPaceFromNow, neededGrowthRateFromNow,
  };

  // Points from the baseline year to t; the baseline itself counts as a point when the series lacks it.
  let points: YearValue[] = baseline ? series.filter((p) => p.year >= baseline.year && p.year <= t) : [];
  if (baseline && baseline.year <= t && !points.some((p) => p.year === baseline.year)) {
    points = [baseline, ...points];
  }

  let judged: Progress;
  if (!baseline || baseline.year > t) {
    // The figures stop before the baseline year (or the baseline year's figure is missing).
    judged = attained ? { ...partial, status: 'achieved' } : t >= yT ? { ...partial, status: 'missed' }
      : insufficient(partial, baseline ? 'no_data' : 'one_point', baseline ? yearsBetween(baseline.year, dueYear) : [target.baselineYear ?? t], options);
  } else {
    const b = baseline.value;
    const yb = baseline.year;
    const span = yT - yb;
    const observedPace = leastSquaresSlope(points);
    const projected = observedPace !== null && yearsLeft > 0 ? v + observedPace * yearsLeft : null;
    const projectedAttained = projected !== null ? meetsTarget(projected, target, direction) : null;
    const elapsed = span > 0 ? (t - yb) / span : null;
    // A held target has no distance to cover: no share of it, no straight path, no pace to keep.
    const requiredPace = !held && span > 0 ? (T - b) / span : null;
    const paceRatio = requiredPace !== null && observedPace !== null ? ratio(observedPace, requiredPace) : null;
    const full: Progress = {
      ...partial,
      progress: held ? null : ratio(v - b, T - b),
      elapsed,
      expected: !held && elapsed !== null ? b + (T - b) * elapsed : null,
      requiredPace,
      observedPace,
      paceRatio,
      projected,
      projectedAttained,
      projectedGap: projected === null ? null : projectedAttained ? 0 : T - projected,
    };
    judged = statusOf(full, t, yT, points.length, options, dueYear);
  }

  // Rule 4: figures older than the reporting year minus two decide nothing; the last known pace stays
  // as context. A figure of the target year itself is final, however old.
  if (t < dueYear - STALE_AFTER_YEARS && t < yT) {
    const lastKnown = judged.status === 'insufficient_data' ? null : judged.status;
    return insufficient({
      ...judged, elapsed: null, expected: null, neededPaceFromNow: null, neededGrowthRateFromNow: null,
      projected: null, projectedAttained: null, projectedGap: null,
    }, 'stale', yearsBetween(t + 1, dueYear), options, lastKnown);
  }
  return judged;
}

function statusOf(p: Progress, t: number, yT: number, pointCount: number, options: ProgressOptions, dueYear: number): Progress {
  if (p.attained) return { ...p, status: 'achieved' };
  if (t >= yT) return { ...p, status: 'missed' };
  // A held target that stops attaining is regressing until the target year.
  if (p.held) return { ...p, status: 'regressing' };
  if (pointCount < 2 || p.observedPace === null) {
    return insufficient(p, 'one_point', t < dueYear ? yearsBetween(t + 1, dueYear) : [t - 1], options);
  }
  // Required pace 0 (target equal to baseline, not yet met): any move the right way is on track.
  const R = p.paceRatio ?? (p.observedPace * (p.direction === 'up' ? 1 : -1) >= 0 ? 1 : -1);
  const status: Status = R >= ON_TRACK_RATIO ? 'on_track' : R >= ACCELERATE_RATIO ? 'needs_acceleration' : R >= 0 ? 'limited' : 'regressing';
  return { ...p, status };
}

/**
 * The straight path from the baseline to the target, one point a year: where a target on schedule
 * would be. None for a held target (there is no distance to cover) or without a baseline.
 */
export function straightPath(target: Pick<ProgressTarget, 'targetValue' | 'targetYear'>, progress: Pick<Progress, 'baselineYear' | 'baselineValue' | 'held'>): YearValue[] {
  const { baselineYear: yb, baselineValue: b, held } = progress;
  const { targetValue: T, targetYear: yT } = target;
  if (held || yb === null || b === null || yT <= yb) return [];
  return yearsBetween(yb, yT).map((year) => ({ year, value: b + ((T - b) * (year - yb)) / (yT - yb) }));
}

/** The latest value carried at the observed pace to the target year (none when nothing is projected). */
export function projectionPath(targetYear: number, progress: Pick<Progress, 'latestYear' | 'latestValue' | 'observedPace' | 'projected'>): YearValue[] {
  const { latestYear: t, latestValue: v, observedPace: pace, projected } = progress;
  if (t === null || v === null || pace === null || projected === null || targetYear <= t) return [];
  return yearsBetween(t, targetYear).map((year) => ({ year, value: v + pace * (year - t) }));
}

/** Statuses from worst to best, for ranking parks and picking a summary. */
export const STATUS_SEVERITY: Record<Status, number> = {
  missed: 0, regressing: 1, limited: 2, needs_acceleration: 3, on_track: 4, achieved: 5, insufficient_data: 6,
};
