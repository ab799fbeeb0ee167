// The planner's dashboard, read-only: what the web's views need beyond the resources — each park's own
// standing against the targets that apply to it, the latest figures of every park, aggregates by city
// for the map, provinces and parks side by side. Every status comes from computeProgress (shared/progress.ts)
// over series read by services/series.ts; every aggregate is summed in SQL.
import { sql, type Kysely } from 'kysely';
import { ratioFromParts, type Indicator } from '../../shared/indicators.ts';
import type {
  CityFiguresT, ComparisonT, MetaT, OverviewEntryT, ParkDashboardT, ParkFiguresT, ParkRefT, ParkStatusMatrixT, ParkT, TargetRefT,
} from '../../shared/schemas.ts';
import type { DatabaseKind } from '../db/connection.ts';
import { DEMO_SOURCE } from '../db/demo.ts';
import type { Database, ParkLevel } from '../db/schema.ts';
import { indicatorRef, indicatorsByCode, listParks, listTargets, type LoadedTarget } from './catalog.ts';
import { applicability, evaluateTargets, parkEvaluations, type ProgressContext } from './progress.ts';
import { aggregateSeries, countedValues, exactSum, parkSeries, seriesFromFigures, statusesFor, type ParkPoint, type ValueBasis } from './series.ts';
import { listValues } from './values.ts';


/** Provinces whose city outlines the web bundles (web/charts/maps/). */
const PROVINCES_WITH_MAP = new Set(['330000']);

export interface DashboardFilter {
  province?: string | undefined;
  plan?: string | undefined;
  targetYear?: number | undefined;
  city?: string | undefined;
  level?: ParkLevel | undefined;
  year?: number | undefined;
  basis: ValueBasis;
}

// --- meta -------------------------------------------------------------------------------------------

/** Whether the database was filled by the demo generator (its source marks every example figure). */
export async function isDemoDatabase(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('sources').select('code').where('code', '=', DEMO_SOURCE).executeTakeFirst();
  return row !== undefined;
}

export async function readMeta(db: Kysely<Database>, database: DatabaseKind, currentYear: number): Promise<MetaT> {
  const [demo, parkCounts, targetCounts, plans, planYears, years] = await Promise.all([
    isDemoDatabase(db),
    db.selectFrom('parks').select(['province_code as code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('province_code').execute(),
    // A target belongs to the province it names, or to the province of the park it is about.
    db.selectFrom('targets as t').leftJoin('parks as p', 'p.id', 't.park_id')
      .select([sql<string>`coalesce(t.region_code, p.province_code)`.as('code'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(sql`coalesce(t.region_code, p.province_code)`)
      .execute(),
    db.selectFrom('plans').select(['id', 'code', 'title', 'region_code']).orderBy('id').execute(),
    db.selectFrom('targets').select(['plan_id', 'target_year']).distinct().orderBy('target_year').execute(),
    db.selectFrom('reported_values').select([sql<number>`min(year)`.as('first'), sql<number>`max(year)`.as('last')]).executeTakeFirst(),
  ]);
  const codes = [...new Set([...parkCounts.map((r) => r.code), ...targetCounts.map((r) => r.code)].filter((c): c is string => !!c))];
  const names = codes.length ? new Map((await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute()).map((r) => [r.code, r.name])) : new Map<string, string>();
  const parksOf = new Map(parkCounts.map((r) => [r.code, Number(r.n)]));
  const targetsOf = new Map(targetCounts.map((r) => [r.code, Number(r.n)]));
  const provinces = codes.filter((c) => names.has(c) && c.endsWith('0000')).map((code) => ({
    code, name: names.get(code)!, parkCount: parksOf.get(code) ?? 0, targetCount: targetsOf.get(code) ?? 0, hasMap: PROVINCES_WITH_MAP.has(code),
  }));
  provinces.sort((a, b) => b.targetCount - a.targetCount || b.parkCount - a.parkCount || a.code.localeCompare(b.code));
  return {
    demo,
    database,
    currentYear,
    provinces,
    plans: plans.map((p) => ({
      id: p.id, code: p.code, title: p.title, regionCode: p.region_code,
      targetYears: planYears.filter((y) => y.plan_id === p.id).map((y) => y.target_year),
    })),
    years: years?.first != null && years.last != null ? { first: Number(years.first), last: Number(years.last) } : null,
  };
}

// --- overview: every target of the filter with the series its sparkline draws ----------------------

export async function overview(ctx: ProgressContext, filter: DashboardFilter): Promise<OverviewEntryT[]> {
  const evaluated = await evaluateTargets(ctx, { province: filter.province, plan: filter.plan, targetYear: filter.targetYear });
  // The sparkline draws what decides: a provisional year (too few parks) is said in words beside it instead.
  return evaluated.map(({ entry, series }) => ({ ...entry, sparkline: series.filter((p) => !p.provisional).map((p) => ({ year: p.year, value: p.value })) }));
}

// --- parks against the targets that apply to them --------------------------------------------------

function toParkRef(p: ParkT): ParkRefT {
  return { id: p.id, name: p.name, level: p.level, provinceCode: p.provinceCode, cityCode: p.cityCode, cityName: p.cityName, approvalYear: p.approvalYear };
}

export function toTargetRef(t: LoadedTarget): TargetRefT {
  return {
    id: t.id, code: t.code, indicator: t.indicator, scopeKind: t.scope.kind, label: t.scope.label, comparator: t.comparator,
    tolerance: t.tolerance, targetValue: t.targetValue, targetYear: t.targetYear, unit: t.unit, plan: t.plan,
  };
}

/** parkSeries, read once per park and indicator within one request. */
function seriesCache(ctx: ProgressContext) {
  const cache = new Map<string, Promise<ParkPoint[]>>();
  return (parkId: number, indicator: Indicator) => {
    const key = `${parkId}:${indicator.code}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = parkSeries(ctx.db, parkId, indicator, ctx.basis);
      cache.set(key, hit);
    }
    return hit;
  };
}

const upTo = (points: ParkPoint[], year: number | undefined) => (year === undefined ? points : points.filter((p) => p.year <= year));

export async function parkStatusMatrix(ctx: ProgressContext, filter: DashboardFilter): Promise<ParkStatusMatrixT> {
  const [parks, targets] = await Promise.all([
    listParks(ctx.db, { province: filter.province, city: filter.city, level: filter.level }),
    listTargets(ctx.db, { province: filter.province, plan: filter.plan, targetYear: filter.targetYear }),
  ]);
  const shown = new Set(parks.map((p) => p.id));
  const applicable = targets.filter((t) => parks.some((p) => applicability(t, p) !== null));
  const cells = (await Promise.all(applicable.map(async (t) => (await parkEvaluations(ctx, t, filter.year))
    .filter((e) => shown.has(e.parkId))
    .map(({ parkId, progress: p }) => ({
      parkId, targetId: t.id, status: p.status, statusReason: p.statusReason, held: p.held, latestYear: p.latestYear, latestValue: p.latestValue,
      progress: p.progress, gap: p.gap, paceRatio: p.paceRatio,
    }))))).flat();
  return { targets: applicable.map(toTargetRef), parks: parks.map(toParkRef), cells };
}

// --- the latest figures of every park ---------------------------------------------------------------

/** Every figure of these parks, park → year → indicator → value, read in one query. */
async function figuresOf(db: Kysely<Database>, parkIds: number[], basis: ValueBasis) {
  const byPark = new Map<number, Map<number, Map<string, number>>>();
  if (parkIds.length === 0) return byPark;
  for (let i = 0; i < parkIds.length; i += 500) {
    const rows = await db.selectFrom(countedValues(db, basis).as('v'))
      .select(['park_id', 'indicator_code', 'year', 'value'])
      .where('park_id', 'in', parkIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const years = byPark.get(r.park_id!) ?? new Map<number, Map<string, number>>();
      const codes = years.get(r.year) ?? new Map<string, number>();
      codes.set(r.indicator_code, r.value);
      years.set(r.year, codes);
      byPark.set(r.park_id!, years);
    }
  }
  return byPark;
}

/** Indicators a park can show: those with figures, and ratios whose parts both have figures. */
function indicatorsWithFigures(all: Map<string, Indicator>, codes: Set<string>): Indicator[] {
  return [...all.values()].filter((i) => i.kind !== 'coverage' && (codes.has(i.code)
    || (i.kind === 'ratio' && !!i.numerator && !!i.denominator && codes.has(i.numerator) && codes.has(i.denominator))));
}

export async function parkFigures(ctx: ProgressContext, filter: DashboardFilter): Promise<ParkFiguresT> {
  const [parks, indicators] = await Promise.all([
    listParks(ctx.db, { province: filter.province, city: filter.city, level: filter.level }),
    indicatorsByCode(ctx.db),
  ]);
  const figures = await figuresOf(ctx.db, parks.map((p) => p.id), ctx.basis);
  const codes = new Set<string>();
  for (const years of figures.values()) for (const [year, m] of years) if (filter.year === undefined || year <= filter.year) for (const c of m.keys()) codes.add(c);
  const shown = indicatorsWithFigures(indicators, codes);
  return {
    year: filter.year ?? null,
    indicators: shown.map(indicatorRef),
    parks: parks.map((park) => {
      const years = figures.get(park.id) ?? new Map<number, Map<string, number>>();
      const latest: Record<string, { year: number; value: number; basis: 'parts' | 'reported' }> = {};
      for (const indicator of shown) {
        const point = upTo(seriesFromFigures(indicator, years), filter.year).at(-1);
        if (point) latest[indicator.code] = { year: point.year, value: point.value, basis: point.basis };
      }
      return { ...toParkRef(park), figures: latest };
    }),
  };
}

// --- aggregates by city, for the map ---------------------------------------------------------------

export async function cityFigures(ctx: ProgressContext, filter: DashboardFilter & { indicator: string; province: string }): Promise<CityFiguresT | null> {
  const { db } = ctx;
  const indicator = (await indicatorsByCode(db)).get(filter.indicator);
  if (!indicator) return null;
  const levels: ParkLevel[] = filter.level ? [filter.level] : ['national', 'provincial', 'other'];
  // The figures that count on the basis (an approved figure under revision keeps its approved value).
  const counted = () => countedValues(db, ctx.basis);
  const scoped = (alias: 'v' | 'n') => db.selectFrom(counted().as(alias))
    .innerJoin('parks as p', 'p.id', `${alias}.park_id`)
    .where('p.province_code', '=', filter.province)
    .where('p.level', 'in', levels);

  const cityRows = await db.selectFrom('regions').select(['code', 'name']).where('parent_code', '=', filter.province).where('level', '=', 'city').orderBy('code').execute();
  const parks = await listParks(db, { province: filter.province, level: filter.level });

  // The indicator that is summed: the ratio's numerator (with its denominator), a share's base, or itself.
  const summed = indicator.aggregation === 'ratio_of_sums' ? indicator.numerator! : indicator.aggregation === 'share_of_province' ? indicator.shareOf! : indicator.code;
  const yearCodes = indicator.aggregation === 'none' ? [indicator.code] : [summed, ...(indicator.kind === 'ratio' ? [indicator.code] : [])];
  const years = (await scoped('v').select('v.year').distinct().where('v.indicator_code', 'in', yearCodes).orderBy('v.year').execute()).map((r) => Number(r.year));
  const year = filter.year !== undefined ? (years.findLast((y) => y <= filter.year!) ?? null) : (years.at(-1) ?? null);

  type Row = { city: string | null; num: number; den: number | null; parks: number };
  let rows: Row[] = [];
  let provinceTotal: number | null = null;
  // Σ per city in JavaScript, in park order (exactSum): SQL's sum() gives other last digits on each database.
  const byCityAndPark = async (codes: string[], y: number) => {
    const figures = await scoped('v')
      .select(['p.city_code as city', 'v.park_id as parkId', 'v.indicator_code as code', 'v.value as value'])
      .where('v.indicator_code', 'in', codes).where('v.year', '=', y)
      .orderBy('v.park_id')
      .execute();
    const out = new Map<string | null, Map<number, Map<string, number>>>();
    for (const f of figures) {
      const city = out.get(f.city) ?? new Map<number, Map<string, number>>();
      out.set(f.city, city);
      const park = city.get(f.parkId!) ?? new Map<string, number>();
      city.set(f.parkId!, park);
      park.set(f.code, Number(f.value));
    }
    return out;
  };
  if (year !== null && indicator.aggregation === 'ratio_of_sums') {
    rows = [...await byCityAndPark([indicator.numerator!, indicator.denominator!], year)].flatMap(([city, inCity]) => {
      const both = [...inCity.values()].flatMap((m) => {
        const num = m.get(indicator.numerator!);
        const den = m.get(indicator.denominator!);
        return num !== undefined && den !== undefined && den > 0 ? [[num, den] as const] : [];
      });
      return both.length ? [{ city, num: exactSum(both.map((x) => x[0])), den: exactSum(both.map((x) => x[1])), parks: both.length }] : [];
    });
  } else if (year !== null && (indicator.aggregation === 'sum' || indicator.aggregation === 'share_of_province')) {
    rows = [...await byCityAndPark([summed], year)].map(([city, inCity]) => {
      const values = [...inCity.values()].map((m) => m.get(summed)!);
      return { city, num: exactSum(values), den: null, parks: values.length };
    });
    if (indicator.aggregation === 'share_of_province') {
      const total = await db.selectFrom(counted().as('t')).select('value')
        .where('subject_key', '=', `region:${filter.province}`).where('indicator_code', '=', summed).where('year', '=', year)
        .executeTakeFirst();
      provinceTotal = total && total.value > 0 ? total.value : null;
    }
  }
  const byCity = new Map(rows.map((r) => [r.city, r]));
  const cityValue = (r: Row | undefined): { value: number | null; numerator: number | null; denominator: number | null } => {
    if (!r) return { value: null, numerator: null, denominator: null };
    if (indicator.aggregation === 'ratio_of_sums') return { value: ratioFromParts(indicator, r.num, r.den), numerator: r.num, denominator: r.den };
    if (indicator.aggregation === 'share_of_province') {
      return { value: provinceTotal ? (r.num / provinceTotal) * 100 : null, numerator: r.num, denominator: provinceTotal };
    }
    return { value: r.num, numerator: r.num, denominator: null };
  };

  // Each park's own figure in that year: its ratio (from parts, else as reported), its amount, or its share of the province.
  const figures = await figuresOf(db, parks.map((p) => p.id), ctx.basis);
  const parkValue = (parkId: number): number | null => {
    if (year === null) return null;
    const m = figures.get(parkId)?.get(year);
    if (!m) return null;
    if (indicator.aggregation === 'share_of_province') {
      const own = m.get(summed);
      return own !== undefined && provinceTotal ? (own / provinceTotal) * 100 : (m.get(indicator.code) ?? null);
    }
    return seriesFromFigures(indicator, new Map([[year, m]]))[0]?.value ?? null;
  };

  return {
    indicator: indicatorRef(indicator),
    aggregation: indicator.aggregation,
    year,
    years,
    cities: cityRows.map((c) => ({
      code: c.code, name: c.name, ...cityValue(byCity.get(c.code)),
      parksIncluded: byCity.get(c.code)?.parks ?? 0,
      parksTotal: parks.filter((p) => p.cityCode === c.code && (p.approvalYear === null || year === null || p.approvalYear <= year)).length,
    })),
    parks: parks.map((p) => ({ ...toParkRef(p), value: parkValue(p.id), year: parkValue(p.id) === null ? null : year })),
  };
}

// --- side by side ----------------------------------------------------------------------------------

export async function comparison(ctx: ProgressContext, query: { indicator: string; provinces: string[]; parks: number[] }): Promise<ComparisonT | null> {
  const indicator = (await indicatorsByCode(ctx.db)).get(query.indicator);
  if (!indicator) return null;
  const [regions, parks] = await Promise.all([
    query.provinces.length ? ctx.db.selectFrom('regions').select(['code', 'name']).where('code', 'in', query.provinces).execute() : [],
    query.parks.length ? listParks(ctx.db, { ids: query.parks }) : [],
  ]);
  const name = new Map(regions.map((r) => [r.code, r.name]));
  const provinceSeries = await Promise.all(query.provinces.filter((c) => name.has(c)).map(async (code) => ({
    key: `province:${code}`, kind: 'province' as const, label: name.get(code)!,
    points: indicator.aggregation === 'none' || indicator.aggregation === 'coverage_count' ? [] : (await aggregateSeries(ctx.db, indicator, { provinceCode: code, parkLevel: null }, ctx.basis))
      .map((p) => ({ year: p.year, value: p.value, parksIncluded: p.parksIncluded, provisional: p.provisional })),
  })));
  const parkSeriesList = await Promise.all(query.parks.flatMap((id) => {
    const park = parks.find((p) => p.id === id);
    return park ? [parkSeries(ctx.db, id, indicator, ctx.basis).then((points) => ({
      key: `park:${id}`, kind: 'park' as const, label: park.name, points: points.map((p) => ({ year: p.year, value: p.value })),
    }))] : [];
  }));
  return { indicator: indicatorRef(indicator), aggregation: indicator.aggregation, series: [...provinceSeries, ...parkSeriesList] };
}

// --- one park over the years ------------------------------------------------------------------------

export async function parkDashboard(ctx: ProgressContext, parkId: number): Promise<ParkDashboardT | null> {
  const [park] = await listParks(ctx.db, { ids: [parkId] });
  if (!park) return null;
  const statuses = statusesFor(ctx.basis);
  const [values, indicators, targets] = await Promise.all([
    listValues(ctx.db, { park: parkId }).then((vs) => vs.filter((v) => statuses.includes(v.status))),
    indicatorsByCode(ctx.db),
    listTargets(ctx.db, { province: park.provinceCode }),
  ]);
  const applicable = targets.flatMap((t) => {
    const how = applicability(t, park);
    return how ? [{ t, how }] : [];
  });
  const codes = new Set(values.map((v) => v.indicator.code));
  for (const { t } of applicable) codes.add(t.indicatorFull.code);
  const shown = indicatorsWithFigures(indicators, codes);
  // Indicators with a target first (in the order of the targets), then the catalogue's order.
  const targetOrder = (i: Indicator) => {
    const k = applicable.findIndex(({ t }) => t.indicatorFull.code === i.code);
    return k === -1 ? Number.MAX_SAFE_INTEGER : k;
  };
  shown.sort((a, b) => targetOrder(a) - targetOrder(b));
  const series = seriesCache(ctx);
  return {
    park,
    indicators: await Promise.all(shown.map(async (indicator) => {
      const points = await series(park.id, indicator);
      const parts = new Set([indicator.code, indicator.numerator, indicator.denominator].filter(Boolean));
      return {
        indicator: indicatorRef(indicator),
        series: points,
        figures: values.filter((v) => parts.has(v.indicator.code)),
        targets: await Promise.all(applicable.filter(({ t }) => t.indicatorFull.code === indicator.code)
          .map(async ({ t }) => ({ ...toTargetRef(t), progress: (await parkEvaluations(ctx, t)).find((e) => e.parkId === park.id)!.progress }))),
      };
    })),
  };
}
