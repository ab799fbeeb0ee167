// Progress of targets: the one entrance through which every view (overview, detail, heatmap, park
// page, wall display, exports, report) gets a target's outputs, the series it is measured on, the
// straight path and projection, and each park's own evaluation. Reads each target's series (one
// park, an aggregate, a coverage set, or each park of a class) and runs it through the one progress
// method in shared/progress.ts; nothing here or downstream derives a status again.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { extraNumeratorNeeded } from '../../shared/indicators.ts';
import {
  COMPLETE_SHARE, computeProgress, insufficientFor, noRegionSet, projectionPath, STATUS_SEVERITY, straightPath,
  type Missing, type Progress, type ProgressOptions, type ProgressTarget, type YearValue,
} from '../../shared/progress.ts';
import type { ParkClassSummaryT, ProgressDetailT, ProgressEntryT } from '../../shared/schemas.ts';
import type { Database, ParkLevel } from '../db/schema.ts';
import { listTargets, type LoadedTarget, type TargetFilter } from './catalog.ts';
import { promiseCache, readVersions, type Versions } from './data-version.ts';
import {
  aggregateSeries, coverageRegions, levelsAtLeast, parkFiguresInScope, parkSeries, parksOfScope, ratioOfSums, seriesOfParks, shouldReport,
  type AggregatePoint, type ParkPoint, type ScopePark, type ValueBasis,
} from './series.ts';

export interface ProgressContext {
  db: Kysely<Database>;
  /** The calendar year now, from the injected clock. */
  currentYear: number;
  basis: ValueBasis;
}

type SeriesPoint = ProgressDetailT['series'][number];

/** One park measured against a target on its own figures. */
export interface ParkEvaluation {
  parkId: number;
  parkName: string;
  progress: Progress;
  series: ParkPoint[];
}

/** A target run through the progress method: every output, its series, path and projection, and for a class each park. */
export interface Evaluated {
  target: LoadedTarget;
  entry: ProgressEntryT;
  series: SeriesPoint[];
  path: YearValue[];
  projection: YearValue[];
  /** park_class: each park of the class. */
  parks: ParkEvaluation[] | null;
}

/** At most this many parks are named in `missing` (the count says how many in all). */
const MISSING_PARKS_NAMED = 20;

/** The indicators whose figures a target's series is made of. */
function progressOptions(t: LoadedTarget, ctx: ProgressContext): ProgressOptions {
  const indicator = t.indicatorFull;
  return {
    direction: indicator.direction,
    currentYear: ctx.currentYear,
    compoundGrowth: indicator.kind === 'amount' || indicator.kind === 'count',
    indicators: t.seriesParts,
  };
}

function progressTarget(t: LoadedTarget, targetValue: number, withBaseline = true): ProgressTarget {
  return {
    comparator: t.comparator, targetValue, targetYear: t.targetYear, tolerance: t.tolerance,
    ...(withBaseline ? { baselineYear: t.baselineYear, baselineValue: t.baselineValue } : {}),
  };
}

function baseEntry(t: LoadedTarget, progress: Progress, targetValue: number | null): ProgressEntryT {
  const {
    indicatorFull: _, figuresProvince: _fp, seriesParts: _parts, baselineYear: _by, baselineValue: _bv, quoteLocation: _q, note: _n,
    quoteStart: _qs, quoteEnd: _qe, version: _v, supersedes: _sp, supersededBy: _sb, ...rest
  } = t;
  return { ...rest, ...progress, targetValue, coverage: null, aggregate: null, parkClass: null };
}

const noData = (t: LoadedTarget, ctx: ProgressContext): Progress =>
  computeProgress(progressTarget(t, 0), [], progressOptions(t, ctx));

/** What is missing, with these parks named (the first few) and counted. */
function withParks(missing: Missing, parks: readonly { id: number; name: string }[]): Missing {
  return { ...missing, parks: parks.slice(0, MISSING_PARKS_NAMED).map(({ id, name }) => ({ id, name })), parksTotal: parks.length };
}

function evaluated(t: LoadedTarget, entry: ProgressEntryT, series: SeriesPoint[], parks: ParkEvaluation[] | null = null): Evaluated {
  const target = entry.targetValue === null ? null : progressTarget(t, entry.targetValue);
  return {
    target: t, entry, series, parks,
    path: target ? straightPath(target, entry) : [],
    projection: projectionPath(t.targetYear, entry),
  };
}

// --- one park --------------------------------------------------------------------------------------

/** A park's own series against a target: its own targets and classes with the target's baseline; an aggregate bar from its first figure. */
function judgePark(t: LoadedTarget, park: { id: number; name: string }, points: ParkPoint[], ctx: ProgressContext, withBaseline: boolean): ParkEvaluation {
  let progress = t.targetValue === null ? noData(t, ctx) : computeProgress(progressTarget(t, t.targetValue, withBaseline), points, progressOptions(t, ctx));
  if (progress.missing) progress = { ...progress, missing: withParks(progress.missing, [park]) };
  return { parkId: park.id, parkName: park.name, progress, series: points };
}

async function evaluateParkTarget(t: LoadedTarget, ctx: ProgressContext): Promise<Evaluated> {
  const points = t.scope.parkId !== null ? await parkSeries(ctx.db, t.scope.parkId, t.indicatorFull, ctx.basis) : [];
  const { progress } = judgePark(t, { id: t.scope.parkId ?? 0, name: t.scope.parkName ?? t.scope.label }, points, ctx, true);
  return evaluated(t, baseEntry(t, progress, t.targetValue), points);
}

// --- all parks of a province, aggregated ------------------------------------------------------------

const scopeOf = (t: LoadedTarget) => ({ provinceCode: t.scope.regionCode!, parkLevel: t.scope.parkLevel });

/** The parks that should have reported in the missing years but are not in that year's aggregate. */
function missingFromAggregate(missing: Missing, parks: readonly ScopePark[], points: readonly AggregatePoint[]): ScopePark[] {
  const includedIn = new Map(points.map((p) => [p.year, new Set(p.included)]));
  return parks.filter((park) => missing.years.some((y) => shouldReport(park, y) && !includedIn.get(y)?.has(park.id)));
}

async function evaluateAggregateTarget(t: LoadedTarget, ctx: ProgressContext): Promise<Evaluated> {
  const indicator = t.indicatorFull;
  const scope = scopeOf(t);
  const isRatio = indicator.aggregation === 'ratio_of_sums';
  // A ratio is read with the parks it leaves out, in the same query.
  const [parks, { points, excluded }, region] = await Promise.all([
    parksOfScope(ctx.db, scope.provinceCode, levelsAtLeast(scope.parkLevel)),
    isRatio ? ratioOfSums(ctx.db, indicator, scope, ctx.basis, { excluded: true }) : aggregateSeries(ctx.db, indicator, scope, ctx.basis).then((p) => ({ points: p, excluded: [] })),
    ctx.db.selectFrom('regions').select(['code', 'name']).where('code', '=', scope.provinceCode).executeTakeFirst(),
  ]);
  let progress = t.targetValue === null ? noData(t, ctx) : computeProgress(progressTarget(t, t.targetValue), points, progressOptions(t, ctx));
  if (progress.missing) {
    let missing = withParks(progress.missing, missingFromAggregate(progress.missing, parks, points));
    // A share of the province also needs the province's own total for those years.
    if (indicator.aggregation === 'share_of_province' && region) {
      const totals = new Set(points.map((p) => p.year));
      if (missing.years.some((y) => !totals.has(y))) missing = { ...missing, regions: [{ code: region.code, name: region.name }] };
    }
    progress = { ...progress, missing };
  }

  // The headline year (complete) says how many parks it includes and what it would take.
  const headline = points.find((p) => p.year === progress.latestYear && progress.latestYear !== null);
  const grows = isRatio ? indicator.numerator : indicator.aggregation === 'share_of_province' ? indicator.shareOf : undefined;
  const canSay = headline?.numerator !== undefined && headline.denominator !== undefined && t.targetValue !== null && grows !== undefined;
  const extraNeeded = canSay ? extraNumeratorNeeded(isRatio ? indicator : { factor: 100 }, t.targetValue!, headline.numerator!, headline.denominator!) : null;
  const extraNeededUnit = canSay ? (await ctx.db.selectFrom('indicators').select('unit').where('code', '=', grows!).executeTakeFirst())?.unit ?? null : null;
  const nameOf = new Map(parks.map((p) => [p.id, p.name]));
  const expectedNow = parks.filter((p) => shouldReport(p, ctx.currentYear - 1)).length;

  const entry: ProgressEntryT = {
    ...baseEntry(t, progress, t.targetValue),
    aggregate: {
      year: headline?.year ?? null,
      parksIncluded: headline?.parksIncluded ?? 0,
      parksExpected: headline?.parksExpected ?? expectedNow,
      provisional: headline?.provisional ?? true,
      numerator: headline?.numerator ?? null,
      denominator: headline?.denominator ?? null,
      extraNeeded,
      extraNeededUnit,
      excluded: excluded.map(({ parkId, ...rest }) => ({ parkId, parkName: nameOf.get(parkId) ?? '', ...rest })),
    },
  };
  const series = points.map(({ included: _, ...p }) => ({ ...p, basis: 'aggregate' as const }));
  return evaluated(t, entry, series);
}

// --- coverage of a region set ----------------------------------------------------------------------

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
  const options = progressOptions(t, ctx);
  const progress = regions.length === 0 ? noRegionSet(progressTarget(t, targetValue ?? 0), options)
    : computeProgress(progressTarget(t, targetValue!), series, options);
  const isCovered = (r: (typeof regions)[number]) => r.coveredSince !== null && r.coveredSince <= asOfYear;
  const covered = regions.filter(isCovered);
  const entry: ProgressEntryT = {
    ...baseEntry(t, progress, targetValue),
    coverage: {
      asOfYear,
      regionsTotal: regions.length,
      coveredCount: covered.length,
      covered: covered.map((r) => ({ code: r.code, name: r.name, parks: r.parks.filter((p) => (p.approvalYear ?? 0) <= asOfYear).map(({ id, name, approvalYear }) => ({ id, name, approvalYear })) })),
      uncovered: regions.filter((r) => !isCovered(r)).map((r) => ({ code: r.code, name: r.name })),
    },
  };
  return evaluated(t, entry, series.map((p) => ({ ...p, basis: 'register' as const })));
}

// --- every park of a class -------------------------------------------------------------------------

/** The level of the parks a class target is about (provincial unless it says otherwise). */
export const classLevel = (t: LoadedTarget): ParkLevel => t.scope.parkLevel ?? 'provincial';

async function classParks(t: LoadedTarget, ctx: ProgressContext): Promise<ParkEvaluation[]> {
  const provinceCode = t.scope.regionCode!;
  const levels = [classLevel(t)];
  const parks = await parksOfScope(ctx.db, provinceCode, levels);
  const series = await seriesOfParks(ctx.db, parks, t.indicatorFull, ctx.basis, { provinceCode, levels });
  return series.map(({ park, points }) => judgePark(t, park, points, ctx, true));
}

/**
 * A class ("every national zone …") stands where its weakest judged park stands, and only once at
 * least 80% of its parks can be judged; it is achieved only when every park is.
 */
function classHeadline(t: LoadedTarget, perPark: ParkEvaluation[], summary: ParkClassSummaryT, ctx: ProgressContext): Progress {
  const unjudged = perPark.filter((p) => p.progress.status === 'insufficient_data');
  const weakest = summary.weakest[0] && perPark.find((p) => p.parkId === summary.weakest[0]!.parkId);
  const enough = perPark.length > 0 && perPark.length - unjudged.length >= COMPLETE_SHARE * perPark.length;
  if (weakest && enough && !(weakest.progress.status === 'achieved' && unjudged.length > 0)) return weakest.progress;
  const options = progressOptions(t, ctx);
  const years = [...new Set(unjudged.flatMap((p) => p.progress.missing?.years ?? []))].sort((a, b) => a - b);
  const missing = withParks({ indicators: t.seriesParts.map((i) => i.code), indicatorNames: t.seriesParts, parks: [], parksTotal: 0, regions: [], years },
    unjudged.map((p) => ({ id: p.parkId, name: p.parkName })));
  return insufficientFor(progressTarget(t, t.targetValue ?? 0), perPark.length === 0 || unjudged.length === perPark.length ? 'no_data' : 'incomplete', missing, options);
}

async function evaluateClassTarget(t: LoadedTarget, ctx: ProgressContext): Promise<Evaluated> {
  const perPark = await classParks(t, ctx);
  const summary = classSummary(perPark);
  const headline = classHeadline(t, perPark, summary, ctx);
  return evaluated(t, { ...baseEntry(t, headline, t.targetValue), parkClass: summary }, [], perPark);
}

/** How many parks of a class stand where, and the weakest few: by status, then by the largest relative gap. */
function classSummary(perPark: readonly ParkEvaluation[]): ParkClassSummaryT {
  const byStatus = Object.fromEntries(Object.keys(STATUS_SEVERITY).map((s) => [s, 0])) as ParkClassSummaryT['byStatus'];
  for (const p of perPark) byStatus[p.progress.status]++;
  const withData = perPark.filter((p) => p.progress.status !== 'insufficient_data');
  const weakest = [...withData]
    .sort((a, b) => STATUS_SEVERITY[a.progress.status] - STATUS_SEVERITY[b.progress.status]
      || (b.progress.gapRelative ?? -Infinity) - (a.progress.gapRelative ?? -Infinity) || a.parkId - b.parkId)
    .slice(0, 5)
    .map(({ parkId, parkName, progress: { status, latestYear, latestValue, gap, gapRelative } }) => ({ parkId, parkName, status, latestYear, latestValue, gap, gapRelative }));
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

// A target's progress depends only on what the target says (its plan, scope, values, links), on the
// catalogue (indicators, regions) and on the figures and parks of its province. Each evaluation is kept
// under those, so after a park reports only its province's targets are computed again, and after a
// planner changes a target only that target; the others come from here.
const evaluations = promiseCache<Evaluated>(5_000);

function keyOf(ctx: ProgressContext, versions: Versions, t: LoadedTarget, what: string): string {
  const says = createHash('sha1').update(JSON.stringify(t)).digest('base64url');
  return `${versions.catalogue}|${versions.figuresOf(t.figuresProvince)}|${says}|${ctx.currentYear}|${ctx.basis}|${t.id}|${what}`;
}

/** A target's evaluation, from the cache while neither the catalogue nor its province's figures changed. */
function evaluateKept(ctx: ProgressContext, versions: Versions, t: LoadedTarget): Promise<Evaluated> {
  return evaluations(ctx.db, keyOf(ctx, versions, t, 'target'), () => evaluate(t, ctx));
}

/** Every target of the filter through the progress method, in the catalogue's order. */
export async function evaluateTargets(ctx: ProgressContext, filter: TargetFilter): Promise<Evaluated[]> {
  // The versions first: whatever is computed after reading them is at least that new.
  const versions = await readVersions(ctx.db);
  const targets = await listTargets(ctx.db, filter);
  return Promise.all(targets.map((t) => evaluateKept(ctx, versions, t)));
}

/** One target through the progress method; null for an unknown target. */
export async function evaluateTarget(ctx: ProgressContext, targetId: number): Promise<Evaluated | null> {
  const [evaluation] = await evaluateTargets(ctx, { ids: [targetId] });
  return evaluation ?? null;
}

// --- each park against the targets that apply to it -------------------------------------------------

/**
 * How a target applies to one park, or null:
 * - own: a target about this park;
 * - class: a target for every park of the park's class;
 * - aggregate: a ratio target over all parks of the province (R&D intensity ≈ 8%), held against the
 *   park's own ratio. Sums and shares of the province do not apply to one park: 50% of the province's
 *   value added is a bar for all zones together, not for each.
 */
export function applicability(t: LoadedTarget, park: { id: number; level: ParkLevel; provinceCode: string }): 'own' | 'class' | 'aggregate' | null {
  if (t.targetValue === null) return null;
  switch (t.scope.kind) {
    case 'park': return t.scope.parkId === park.id ? 'own' : null;
    case 'park_class': return t.scope.regionCode === park.provinceCode && park.level === classLevel(t) ? 'class' : null;
    case 'province_aggregate':
      return t.indicatorFull.aggregation === 'ratio_of_sums' && t.scope.regionCode === park.provinceCode && levelsAtLeast(t.scope.parkLevel).includes(park.level)
        ? 'aggregate' : null;
    case 'coverage': return null;
  }
}

async function judgeEachPark(t: LoadedTarget, ctx: ProgressContext, upToYear: number | undefined): Promise<ParkEvaluation[]> {
  const cut = (points: ParkPoint[]) => (upToYear === undefined ? points : points.filter((p) => p.year <= upToYear));
  switch (t.scope.kind) {
    case 'park': {
      if (t.scope.parkId === null) return [];
      const points = await parkSeries(ctx.db, t.scope.parkId, t.indicatorFull, ctx.basis);
      return [judgePark(t, { id: t.scope.parkId, name: t.scope.parkName ?? '' }, cut(points), ctx, true)];
    }
    case 'park_class': {
      if (upToYear === undefined) return (await evaluateKept(ctx, await readVersions(ctx.db), t)).parks ?? [];
      const provinceCode = t.scope.regionCode!;
      const levels = [classLevel(t)];
      const series = await seriesOfParks(ctx.db, await parksOfScope(ctx.db, provinceCode, levels), t.indicatorFull, ctx.basis, { provinceCode, levels });
      return series.map(({ park, points }) => judgePark(t, park, cut(points), ctx, true));
    }
    case 'province_aggregate': {
      if (t.indicatorFull.aggregation !== 'ratio_of_sums') return [];
      const provinceCode = t.scope.regionCode!;
      const levels = levelsAtLeast(t.scope.parkLevel);
      const series = await seriesOfParks(ctx.db, await parksOfScope(ctx.db, provinceCode, levels), t.indicatorFull, ctx.basis, { provinceCode, levels });
      // A province's baseline is not a park's: against an aggregate bar, each park starts from its own first figure.
      return series.map(({ park, points }) => judgePark(t, park, cut(points), ctx, false));
    }
    case 'coverage': return [];
  }
}

const parkJudgements = promiseCache<ParkEvaluation[]>(2_000);

/**
 * Each park the target applies to (see `applicability`), measured on its own figures (up to a year,
 * for a view of the past): the one way the heatmap, the park page and the ranking get a park's status.
 */
export async function parkEvaluations(ctx: ProgressContext, t: LoadedTarget, upToYear?: number): Promise<ParkEvaluation[]> {
  const versions = await readVersions(ctx.db);
  return parkJudgements(ctx.db, keyOf(ctx, versions, t, `parks:${upToYear ?? ''}`), () => judgeEachPark(t, ctx, upToYear));
}

// --- the answers ---------------------------------------------------------------------------------

/** GET /api/progress: every target of the filter with every output of the progress method. */
export async function progressList(ctx: ProgressContext, filter: TargetFilter): Promise<ProgressEntryT[]> {
  return (await evaluateTargets(ctx, filter)).map((e) => e.entry);
}

/** One target's progress with its series, straight path, projection, per-park breakdown and, for a class, every park. */
export async function progressDetail(ctx: ProgressContext, targetId: number): Promise<ProgressDetailT | null> {
  const evaluation = await evaluateTarget(ctx, targetId);
  if (!evaluation) return null;
  const { target, entry, series, path, projection, parks } = evaluation;
  const { breakdown, needUnit } = target.scope.kind === 'province_aggregate' ? await aggregateBreakdown(target, entry, ctx) : { breakdown: [], needUnit: null };
  return {
    ...entry, series, path, projection, breakdown, needUnit,
    parks: parks && parks.map(({ parkId, parkName, progress }) => ({ parkId, parkName, ...progress })),
  };
}

/**
 * Each park of an aggregate in the headline year (else the provisional one), with what it would need
 * for the target: which parks hold the province back.
 */
async function aggregateBreakdown(t: LoadedTarget, entry: ProgressEntryT, ctx: ProgressContext): Promise<{ breakdown: ProgressDetailT['breakdown']; needUnit: string | null }> {
  const i = t.indicatorFull;
  const year = entry.latestYear ?? entry.provisionalLatest?.year;
  if (year == null) return { breakdown: [], needUnit: null };
  const scope = scopeOf(t);
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
    const unit = entry.aggregate?.extraNeededUnit
      ?? (await ctx.db.selectFrom('indicators').select('unit').where('code', '=', i.numerator!).executeTakeFirst())?.unit ?? null;
    return { breakdown: rows, needUnit: unit };
  }
  const summed = i.aggregation === 'share_of_province' ? i.shareOf! : i.code;
  const figures = await parkFiguresInScope(ctx.db, [summed], scope, ctx.basis, year);
  const rows = figures.map((f) => ({ parkId: f.parkId, parkName: f.parkName, year, value: f.values[summed] ?? null, numerator: f.values[summed] ?? null, denominator: entry.aggregate?.denominator ?? null, need: null }));
  rows.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return { breakdown: rows, needUnit: null };
}
