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
  /** The indicator's better direction, used when the target and baseline do not tell. */
  direction: Direction;
  /** The calendar year now (from the injected clock), for `awaitingFinal`. */
  currentYear: number;
  /** Amounts and counts also get a compound growth rate from now. */
  compoundGrowth?: boolean;
}

export interface Progress {
  status: Status;
  attained: boolean | null;
  direction: Direction;
  latestYear: number | null;
  latestValue: number | null;
  baselineYear: number | null;
  baselineValue: number | null;
  /** (v − b) / (T − b); not clamped. */
  progress: number | null;
  /** (t − yb) / (yT − yb). */
  elapsed: number | null;
  /** Where the straight path from baseline to target is at year t. */
  expected: number | null;
  /** T − v, 0 once attained. */
  gap: number | null;
  gapRelative: number | null;
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
function cleanSeries(series: readonly YearValue[]): YearValue[] {
  const byYear = new Map<number, number>();
  for (const p of series) if (Number.isFinite(p.value)) byYear.set(p.year, p.value);
  return [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

export function computeProgress(target: ProgressTarget, rawSeries: readonly YearValue[], options: ProgressOptions): Progress {
  const series = cleanSeries(rawSeries);
  const T = target.targetValue;
  const yT = target.targetYear;
  const latest = series.at(-1) ?? null;

  // Baseline: the target's own, else the earliest value of the series.
  const hasOwnBaseline = target.baselineYear != null && target.baselineValue != null;
  const ownBaselineYear = target.baselineYear ?? null;
  const baseline: YearValue | null = hasOwnBaseline
    ? { year: target.baselineYear!, value: target.baselineValue! }
    : ownBaselineYear != null
      // A baseline year without a value: the series' value in that year, if any.
      ? (series.find((p) => p.year === ownBaselineYear) ?? null)
      : (series[0] ?? null);

  const direction: Direction = baseline && T !== baseline.value ? (T > baseline.value ? 'up' : 'down') : options.direction;
  const awaitingFinal = options.currentYear > yT && (latest === null || latest.year < yT);

  const empty: Progress = {
    status: 'insufficient_data', attained: null, direction,
    latestYear: latest?.year ?? null, latestValue: latest?.value ?? null,
    baselineYear: baseline?.year ?? null, baselineValue: baseline?.value ?? null,
    progress: null, elapsed: null, expected: null, gap: null, gapRelative: null,
    requiredPace: null, observedPace: null, paceRatio: null, neededPaceFromNow: null,
    neededGrowthRateFromNow: null, projected: null, projectedAttained: null, projectedGap: null, awaitingFinal,
  };
  if (!latest) return empty;

  const v = latest.value;
  const t = latest.year;
  const attained = meetsTarget(v, target, direction);
  const gap = attained ? 0 : T - v;
  const yearsLeft = yT - t;
  const neededPaceFromNow = !attained && yearsLeft > 0 ? (T - v) / yearsLeft : attained ? 0 : null;
  const neededGrowthRateFromNow = options.compoundGrowth && !attained && yearsLeft > 0 && v > 0 && T >= 0
    ? (T / v) ** (1 / yearsLeft) - 1
    : null;
  const partial: Progress = {
    ...empty, attained, gap, gapRelative: ratio(gap, T), neededPaceFromNow, neededGrowthRateFromNow,
  };

  // Points from the baseline year to t; the baseline itself counts as a point when the series lacks it.
  let points = baseline ? series.filter((p) => p.year >= baseline.year && p.year <= t) : [];
  if (baseline && baseline.year <= t && !points.some((p) => p.year === baseline.year)) {
    points = [baseline, ...points];
  }

  if (!baseline || baseline.year > t) return { ...partial, status: attained ? 'achieved' : t >= yT ? 'missed' : 'insufficient_data' };

  const b = baseline.value;
  const yb = baseline.year;
  const span = yT - yb;
  const elapsed = span > 0 ? (t - yb) / span : null;
  const requiredPace = span > 0 ? (T - b) / span : null;
  const observedPace = leastSquaresSlope(points);
  const paceRatio = requiredPace !== null && observedPace !== null ? ratio(observedPace, requiredPace) : null;
  const projected = observedPace !== null && yearsLeft > 0 ? v + observedPace * yearsLeft : null;
  const projectedAttained = projected !== null ? meetsTarget(projected, target, direction) : null;

  const full: Progress = {
    ...partial,
    progress: ratio(v - b, T - b),
    elapsed,
    expected: elapsed !== null ? b + (T - b) * elapsed : null,
    requiredPace,
    observedPace,
    paceRatio,
    projected,
    projectedAttained,
    projectedGap: projected === null ? null : projectedAttained ? 0 : T - projected,
  };
  return { ...full, status: statusOf(full, t, yT, points.length) };
}

function statusOf(p: Progress, t: number, yT: number, pointCount: number): Status {
  if (p.attained) return 'achieved';
  if (t >= yT) return 'missed';
  if (pointCount < 2 || p.observedPace === null) return 'insufficient_data';
  // Required pace 0 (target equal to baseline, not yet met): any move the right way is on track.
  const R = p.paceRatio ?? (p.observedPace * (p.direction === 'up' ? 1 : -1) >= 0 ? 1 : -1);
  if (R >= ON_TRACK_RATIO) return 'on_track';
  if (R >= ACCELERATE_RATIO) return 'needs_acceleration';
  if (R >= 0) return 'limited';
  return 'regressing';
}

/** Statuses from worst to best, for ranking parks and picking a summary. */
export const STATUS_SEVERITY: Record<Status, number> = {
  missed: 0, regressing: 1, limited: 2, needs_acceleration: 3, on_track: 4, achieved: 5, insufficient_data: 6,
};
