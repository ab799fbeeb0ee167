// Progress of targets: reads each target's series (one park, an aggregate, a coverage set, or each
// park of a class) and runs it through the one progress method in shared/progress.ts.
import type { Kysely } from 'kysely';
import { extraNumeratorNeeded, type Indicator } from '../../shared/indicators.ts';
import { computeProgress, STATUS_SEVERITY, type Progress, type YearValue } from '../../shared/progress.ts';
import type { ParkClassSummaryT, ProgressDetailT, ProgressEntryT } from '../../shared/schemas.ts';
import type { Database } from '../db/schema.ts';
import { prepareJson, type PreparedJson } from '../http.ts';
import { listTargets, type LoadedTarget, type TargetFilter } from './catalog.ts';
import { cachedByDataVersion, promiseCache, readVersions, type Versions } from './data-version.ts';
import {
  aggregateSeries, classSeries, coverageRegions, levelsAtLeast, parkFiguresInScope, parkSeries, ratioOfSums,
  type ParkPoint, type ValueBasis,
} from './series.ts';

export interface ProgressContext {
  db: Kysely<Database>;
  /** The calendar year now, from the injected clock. */
  currentYear: number;
  basis: ValueBasis;
}

type SeriesPoint = ProgressDetailT['series'][number];

/** A target run through the progress method: its entry, the series it is measured on, and for a class target each park. */
export interface Evaluated {
  entry: ProgressEntryT;
  series: SeriesPoint[];
  parks: ProgressDetailT['parks'];
}

function progressOptions(indicator: Indicator, ctx: ProgressContext) {
  return {
    direction: indicator.direction,
    currentYear: ctx.currentYear,
    compoundGrowth: indicator.kind === 'amount' || indicator.kind === 'count',
  };
}

function progressTarget(t: LoadedTarget, targetValue: number) {
  return { comparator: t.comparator, targetValue, targetYear: t.targetYear, tolerance: t.tolerance, baselineYear: t.baselineYear, baselineValue: t.baselineValue };
}

function baseEntry(t: LoadedTarget, progress: Progress, targetValue: number | null): ProgressEntryT {
  const {
    indicatorFull: _, figuresProvince: _fp, baselineYear: _by, baselineValue: _bv, quoteLocation: _q, note: _n,
    quoteStart: _qs, quoteEnd: _qe, version: _v, supersedes: _sp, supersededBy: _sb, ...rest
  } = t;
  return { ...rest, ...progress, targetValue, coverage: null, aggregate: null, parkClass: null };
}

const NO_DATA = (t: LoadedTarget, ctx: ProgressContext, targetValue: number | null): Progress =>
  computeProgress(progressTarget(t, targetValue ?? 0), [], progressOptions(t.indicatorFull, ctx));

async function evaluateParkTarget(t: LoadedTarget, ctx: ProgressContext): Promise<Evaluated> {
  const points: ParkPoint[] = t.scope.parkId !== null ? await parkSeries(ctx.db, t.scope.parkId, t.indicatorFull, ctx.basis) : [];
  const progress = t.targetValue === null ? NO_DATA(t, ctx, null) : computeProgress(progressTarget(t, t.targetValue), points, progressOptions(t.indicatorFull, ctx));
  return { entry: baseEntry(t, progress, t.targetValue), series: points, parks: null };
}

async function evaluateAggregateTarget(t: LoadedTarget, ctx: ProgressContext): Promise<Evaluated> {
  const indicator = t.indicatorFull;
  const scope = { provinceCode: t.scope.regionCode!, parkLevel: t.scope.parkLevel };
  // A ratio is read with the parks it leaves out, in the same query.
  const { points, excluded } = indicator.aggregation === 'ratio_of_sums'
    ? await ratioOfSums(ctx.db, indicator, scope, ctx.basis, { excluded: true })
    : { points: await aggregateSeries(ctx.db, indicator, scope, ctx.basis), excluded: [] };
  const progress = t.targetValue === null ? NO_DATA(t, ctx, null) : computeProgress(progressTarget(t, t.targetValue), points, progressOptions(indicator, ctx));
  const latest = points.at(-1);
  const expected = latest?.parksExpected ?? (await ctx.db.selectFrom('parks').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', scope.provinceCode).where('level', 'in', levelsAtLeast(scope.parkLevel)).executeTakeFirstOrThrow()).n;

  // What it would take, in the unit of the part that has to grow (R&D spending in 亿元, tax in 亿元, …).
  const grows = indicator.aggregation === 'ratio_of_sums' ? indicator.numerator : indicator.aggregation === 'share_of_province' ? indicator.shareOf : undefined;
  const canSay = latest?.numerator !== undefined && latest.denominator !== undefined && t.targetValue !== null && grows !== undefined;
  const extraNeeded = canSay
    ? extraNumeratorNeeded(indicator.aggregation === 'ratio_of_sums' ? indicator : { factor: 100 }, t.targetValue!, latest.numerator!, latest.denominator!)
    : null;
  const extraNeededUnit = canSay
    ? (await ctx.db.selectFrom('indicators').select('unit').where('code', '=', grows!).executeTakeFirst())?.unit ?? null
    : null;

  return {
    entry: {
      ...baseEntry(t, progress, t.targetValue),
      aggregate: {
        year: latest?.year ?? null,
        parksIncluded: latest?.parksIncluded ?? 0,
        parksExpected: Number(expected),
        provisional: latest?.provisional ?? true,
        numerator: latest?.numerator ?? null,
        denominator: latest?.denominator ?? null,
        extraNeeded,
        extraNeededUnit,
        excluded: await withParkNames(ctx.db, excluded),
      },
    },
    series: points.map((p) => ({ ...p, basis: 'aggregate' as const })),
    parks: null,
  };
}

/** The excluded parks with their names (usually few, so named afterwards rather than on every row read). */
async function withParkNames<F extends { parkId: number }>(db: Kysely<Database>, figures: F[]): Promise<(F & { parkName: string })[]> {
  if (figures.length === 0) return [];
  const names = new Map((await db.selectFrom('parks').select(['id', 'name']).where('id', 'in', [...new Set(figures.map((f) => f.parkId))]).execute()).map((p) => [p.id, p.name]));
  return figures.map(({ parkId, ...rest }) => ({ parkId, parkName: names.get(parkId) ?? '', ...rest }) as F & { parkName: string });
}

async function evaluateCoverageTarget(t: LoadedTarget, ctx: ProgressContext): Promise<Evaluated> {
  const regions = await coverageRegions(ctx.db, t.id, t.scope.parkLevel);
  const province = t.scope.regionCode
    ? await ctx.db.selectFrom('regions').select('parks_as_of_year').where('code', '=', t.scope.regionCode).executeTakeFirst()
    : undefined;
  // The register is only known through the year it was last confirmed; without one, through now.
  const asOfYear = province?.parks_as_of_year ?? ctx.currentYear;
  const targetValue = t.targetValue ?? (regions.length || null);
  const firstYear = Math.min(t.baselineYear ?? asOfYear, asOfYear);
  const series: YearValue[] = regions.length === 0 ? [] : Array.from({ length: asOfYear - firstYear + 1 }, (_, k) => {
    const year = firstYear + k;
    return { year, value: regions.filter((r) => r.coveredSince !== null && r.coveredSince <= year).length };
  });
  const progress = targetValue === null ? NO_DATA(t, ctx, null) : computeProgress(progressTarget(t, targetValue), series, progressOptions(t.indicatorFull, ctx));
  const isCovered = (r: (typeof regions)[number]) => r.coveredSince !== null && r.coveredSince <= asOfYear;
  const covered = regions.filter(isCovered);
  return {
    entry: {
      ...baseEntry(t, progress, targetValue),
      coverage: {
        asOfYear,
        regionsTotal: regions.length,
        coveredCount: covered.length,
        covered: covered.map((r) => ({ code: r.code, name: r.name, parks: r.parks.filter((p) => (p.approvalYear ?? 0) <= asOfYear).map(({ id, name, approvalYear }) => ({ id, name, approvalYear })) })),
        uncovered: regions.filter((r) => !isCovered(r)).map((r) => ({ code: r.code, name: r.name })),
      },
    },
    series: series.map((p) => ({ ...p, basis: 'register' as const })),
    parks: null,
  };
}

async function evaluateClassTarget(t: LoadedTarget, ctx: ProgressContext): Promise<Evaluated> {
  const parks = await classSeries(ctx.db, t.scope.regionCode!, t.scope.parkLevel ?? 'provincial', t.indicatorFull, ctx.basis);
  const perPark = parks.map(({ parkId, parkName, points }) => {
    const progress = t.targetValue === null ? NO_DATA(t, ctx, null) : computeProgress(progressTarget(t, t.targetValue), points, progressOptions(t.indicatorFull, ctx));
    return { parkId, parkName, ...progress };
  });
  const summary = classSummary(perPark);
  // The class stands where its weakest park with data stands.
  const weakest = summary.weakest[0] && perPark.find((p) => p.parkId === summary.weakest[0]!.parkId);
  const { parkId: _p, parkName: _n, ...headline } = weakest ?? { parkId: 0, parkName: '', ...NO_DATA(t, ctx, t.targetValue) };
  return { entry: { ...baseEntry(t, headline, t.targetValue), parkClass: summary }, series: [], parks: perPark };
}

/** How many parks of a class stand where, and the weakest few: by status, then by the largest relative gap. */
function classSummary(perPark: NonNullable<ProgressDetailT['parks']>): ParkClassSummaryT {
  const byStatus = Object.fromEntries(Object.keys(STATUS_SEVERITY).map((s) => [s, 0])) as ParkClassSummaryT['byStatus'];
  for (const p of perPark) byStatus[p.status]++;
  const withData = perPark.filter((p) => p.status !== 'insufficient_data');
  const weakest = [...withData]
    .sort((a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status] || (b.gapRelative ?? -Infinity) - (a.gapRelative ?? -Infinity) || a.parkId - b.parkId)
    .slice(0, 5)
    .map(({ parkId, parkName, status, latestYear, latestValue, gap, gapRelative }) => ({ parkId, parkName, status, latestYear, latestValue, gap, gapRelative }));
  return { parks: perPark.length, withData: withData.length, byStatus, weakest };
}

function evaluate(t: LoadedTarget, ctx: ProgressContext): Promise<Evaluated> {
  switch (t.scope.kind) {
    case 'park': return evaluateParkTarget(t, ctx);
    case 'province_aggregate': return evaluateAggregateTarget(t, ctx);
    case 'coverage': return evaluateCoverageTarget(t, ctx);
    case 'park_class': return evaluateClassTarget(t, ctx);
  }
}

// A target's progress depends only on the catalogue (targets, plans, parks, regions) and on the
// figures of its province. Each evaluation is kept under those two versions, so after a park reports,
// only its province's targets are computed again; the others come from here.
const evaluations = promiseCache<Evaluated>(5_000);

/** A target's evaluation, from the cache while neither the catalogue nor its province's figures changed. */
function evaluateKept(ctx: ProgressContext, versions: Versions, t: LoadedTarget): Promise<Evaluated> {
  const key = `${versions.catalogue}|${versions.figuresOf(t.figuresProvince)}|${ctx.currentYear}|${ctx.basis}|${t.id}`;
  return evaluations(ctx.db, key, () => evaluate(t, ctx));
}

/** Every target of the filter through the progress method, in the catalogue's order. */
export async function evaluateTargets(ctx: ProgressContext, filter: TargetFilter): Promise<Evaluated[]> {
  // The versions first: whatever is computed after reading them is at least that new.
  const versions = await readVersions(ctx.db);
  const targets = await listTargets(ctx.db, filter);
  return Promise.all(targets.map((t) => evaluateKept(ctx, versions, t)));
}

// Every target over every park is too much to recompute on each request at national scale; the
// answer only changes when the data does (or the calendar year, for awaitingFinal). It is kept
// prepared (serialised, compressed, with its ETag): a hit costs one version check and a write.
const cachedProgressList = cachedByDataVersion(
  async (_db, args: { ctx: ProgressContext; filter: TargetFilter }) => prepareJson((await evaluateTargets(args.ctx, args.filter)).map((e) => e.entry)),
  ({ ctx, filter }) => JSON.stringify([ctx.currentYear, ctx.basis, filter]),
);

/** GET /api/progress, prepared, from the cache while the data has not changed. */
export function progressOfTargets(ctx: ProgressContext, filter: TargetFilter): Promise<PreparedJson> {
  return cachedProgressList(ctx.db, { ctx, filter });
}

/** One target's progress with its series, straight path, projection and per-park breakdown. */
export async function progressDetail(ctx: ProgressContext, targetId: number): Promise<ProgressDetailT | null> {
  const versions = await readVersions(ctx.db);
  const [target] = await listTargets(ctx.db, { ids: [targetId] });
  if (!target) return null;
  const { entry, series, parks } = await evaluateKept(ctx, versions, target);

  const path = entry.baselineYear !== null && entry.baselineValue !== null && entry.targetValue !== null && entry.targetYear > entry.baselineYear
    ? Array.from({ length: entry.targetYear - entry.baselineYear + 1 }, (_, k) => {
      const year = entry.baselineYear! + k;
      return { year, value: entry.baselineValue! + ((entry.targetValue! - entry.baselineValue!) * k) / (entry.targetYear - entry.baselineYear!) };
    })
    : [];
  const projection = entry.latestYear !== null && entry.latestValue !== null && entry.observedPace !== null && entry.targetYear > entry.latestYear
    ? Array.from({ length: entry.targetYear - entry.latestYear + 1 }, (_, k) => ({ year: entry.latestYear! + k, value: entry.latestValue! + entry.observedPace! * k }))
    : [];

  const { breakdown, needUnit } = target.scope.kind === 'province_aggregate' ? await aggregateBreakdown(target, entry, ctx) : { breakdown: [], needUnit: null };
  return { ...entry, parks, series, path, projection, breakdown, needUnit };
}

const cachedDetail = cachedByDataVersion(
  async (_db, args: { ctx: ProgressContext; targetId: number }) => {
    const detail = await progressDetail(args.ctx, args.targetId);
    return detail && prepareJson(detail);
  },
  ({ ctx, targetId }) => JSON.stringify([ctx.currentYear, ctx.basis, targetId]),
  512,
);

/** GET /api/targets/:id/progress, prepared and cached like the list; null for an unknown target. */
export function progressDetailPrepared(ctx: ProgressContext, targetId: number): Promise<PreparedJson | null> {
  return cachedDetail(ctx.db, { ctx, targetId });
}

/** Each park of an aggregate in its latest year with figures, with what it would need for the target. */
async function aggregateBreakdown(t: LoadedTarget, entry: ProgressEntryT, ctx: ProgressContext): Promise<{ breakdown: ProgressDetailT['breakdown']; needUnit: string | null }> {
  const i = t.indicatorFull;
  const year = entry.aggregate?.year;
  if (year == null) return { breakdown: [], needUnit: null };
  const scope = { provinceCode: t.scope.regionCode!, parkLevel: t.scope.parkLevel };
  if (i.aggregation === 'ratio_of_sums') {
    const figures = await parkFiguresInScope(ctx.db, [i.numerator!, i.denominator!], scope, ctx.basis, year);
    const rows = figures.map((f) => {
      const num = f.values[i.numerator!] ?? null;
      const den = f.values[i.denominator!] ?? null;
      const complete = num !== null && den !== null && den > 0;
      return {
        parkId: f.parkId, parkName: f.parkName, year,
        value: complete ? (num / den) * (i.factor ?? 1) : null,
        numerator: num, denominator: den,
        need: complete && t.targetValue !== null ? extraNumeratorNeeded(i, t.targetValue, num, den) : null,
      };
    });
    rows.sort((a, b) => (b.need ?? -1) - (a.need ?? -1));
    return { breakdown: rows, needUnit: entry.aggregate?.extraNeededUnit ?? null };
  }
  const summed = i.aggregation === 'share_of_province' ? i.shareOf! : i.code;
  const figures = await parkFiguresInScope(ctx.db, [summed], scope, ctx.basis, year);
  const rows = figures.map((f) => ({ parkId: f.parkId, parkName: f.parkName, year, value: f.values[summed] ?? null, numerator: f.values[summed] ?? null, denominator: entry.aggregate?.denominator ?? null, need: null }));
  rows.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return { breakdown: rows, needUnit: null };
}
