// The yearly series a target is measured on, read from the database: one park's own figures, the
// aggregate over many parks (in SQL: sums, ratios of sums, shares of the province total, with how
// many parks each year includes), and coverage of a region set from the park register.
import { sql, type Kysely } from 'kysely';
import { ratioFromParts, type Indicator } from '../../shared/indicators.ts';
import { isComplete } from '../../shared/progress.ts';
import type { Database, ParkLevel, ValueStatus } from '../db/schema.ts';

/**
 * Which figures count: approved at the last level only (the default), or every submitted one too —
 * also one a city approved that waits for the province (a province reviewing in two levels).
 */
export type ValueBasis = 'approved' | 'submitted';
export function statusesFor(basis: ValueBasis): ValueStatus[] {
  return basis === 'submitted' ? ['approved', 'city_approved', 'submitted'] : ['approved'];
}

/**
 * The figures that count on a basis, as a table to select from. A figure under revision keeps its
 * approved value until the change is approved: on the approved basis that value counts; with
 * submitted figures included, the submitted change counts; a draft never does.
 */
export function countedValues(db: Kysely<Database>, basis: ValueBasis) {
  const value = basis === 'submitted'
    ? sql<number>`case when status in ('approved', 'city_approved', 'submitted') then value else approved_value end`
    : sql<number>`approved_value`;
  return db.selectFrom('reported_values')
    .select(['id', 'park_id', 'region_code', 'subject_key', 'indicator_code', 'year', value.as('value')])
    .where(value, 'is not', null);
}

/** Park levels at or above `level` (national ⊃ provincial ⊃ other). */
export function levelsAtLeast(level: ParkLevel | null): ParkLevel[] {
  if (level === 'national') return ['national'];
  if (level === 'provincial') return ['national', 'provincial'];
  return ['national', 'provincial', 'other'];
}

export interface ParkPoint {
  year: number;
  value: number;
  /** parts: computed from numerator and denominator; reported: the figure as published. */
  basis: 'parts' | 'reported';
  /** When both exist, the ratio as published, kept visible beside the one from parts. */
  reportedValue?: number;
  numerator?: number;
  denominator?: number;
}

const seriesCodes = (indicator: Indicator) => [indicator.code, indicator.numerator, indicator.denominator].filter((c): c is string => !!c);

/** Figures of one park, year → indicator code → value. */
export type FiguresByYear = ReadonlyMap<number, ReadonlyMap<string, number>>;

/** Rows of one park's figures gathered by year. */
function byYearOf(rows: readonly { indicator_code: string; year: number; value: number }[]): Map<number, Map<string, number>> {
  const byYear = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const m = byYear.get(r.year) ?? new Map<string, number>();
    m.set(r.indicator_code, r.value);
    byYear.set(r.year, m);
  }
  return byYear;
}

/**
 * The one rule for a park's series of an indicator, from its figures: a ratio from its parts where
 * both exist (the published ratio kept beside it), else the figure as reported; in year order.
 */
export function seriesFromFigures(indicator: Indicator, byYear: FiguresByYear): ParkPoint[] {
  const points: ParkPoint[] = [];
  for (const [year, m] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const reported = m.get(indicator.code);
    const numerator = indicator.numerator ? m.get(indicator.numerator) : undefined;
    const denominator = indicator.denominator ? m.get(indicator.denominator) : undefined;
    const fromParts = indicator.kind === 'ratio' ? ratioFromParts(indicator, numerator, denominator) : null;
    if (fromParts !== null) {
      points.push({ year, value: fromParts, basis: 'parts', numerator, denominator, ...(reported !== undefined ? { reportedValue: reported } : {}) });
    } else if (reported !== undefined) {
      points.push({ year, value: reported, basis: 'reported' });
    }
  }
  return points;
}

const pointsOf = (rows: readonly { indicator_code: string; year: number; value: number }[], indicator: Indicator) => seriesFromFigures(indicator, byYearOf(rows));

/** One park's series for an indicator; a ratio comes from its parts where both exist, else as reported. */
export async function parkSeries(db: Kysely<Database>, parkId: number, indicator: Indicator, basis: ValueBasis): Promise<ParkPoint[]> {
  const rows = await db.selectFrom(countedValues(db, basis).as('v'))
    .select(['indicator_code', 'year', 'value'])
    .where('park_id', '=', parkId)
    .where('indicator_code', 'in', seriesCodes(indicator))
    .orderBy('year')
    .execute();
  return pointsOf(rows, indicator);
}

/**
 * The series of every park of a class (a province's parks of one level) or of an aggregate's scope, in
 * one query rather than one per park: a class target covers hundreds of parks at national scale. Parks
 * in id order, each with its series (empty when it reported nothing).
 */
export async function seriesOfParks(db: Kysely<Database>, parks: readonly ScopePark[], indicator: Indicator, basis: ValueBasis, scope: { provinceCode: string; levels: ParkLevel[] }): Promise<{ park: ScopePark; points: ParkPoint[] }[]> {
  const rows = await db.selectFrom(countedValues(db, basis).as('v'))
    .innerJoin('parks as p', 'p.id', 'v.park_id')
    .select(['v.park_id as parkId', 'v.indicator_code as indicator_code', 'v.year as year', 'v.value as value'])
    .where('p.province_code', '=', scope.provinceCode)
    .where('p.level', 'in', scope.levels)
    .where('v.indicator_code', 'in', seriesCodes(indicator))
    .execute();
  const rowsOf = new Map<number, typeof rows>();
  for (const r of rows) {
    const list = rowsOf.get(r.parkId!) ?? [];
    list.push(r);
    rowsOf.set(r.parkId!, list);
  }
  return parks.map((park) => ({ park, points: pointsOf(rowsOf.get(park.id) ?? [], indicator) }));
}

/** A park of a scope, with what decides whether it should report in a year. */
export interface ScopePark {
  id: number;
  name: string;
  approvalYear: number | null;
}

/** Whether a park should report figures of a year: approved by then (or of unknown date). */
export const shouldReport = (park: Pick<ScopePark, 'approvalYear'>, year: number) => park.approvalYear === null || park.approvalYear <= year;

/** The parks of a province at these levels, in id order. */
export async function parksOfScope(db: Kysely<Database>, provinceCode: string, levels: readonly ParkLevel[]): Promise<ScopePark[]> {
  const rows = await db.selectFrom('parks').select(['id', 'name', 'approval_year'])
    .where('province_code', '=', provinceCode).where('level', 'in', [...levels]).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, approvalYear: r.approval_year }));
}

export interface AggregatePoint {
  year: number;
  value: number;
  parksIncluded: number;
  parksExpected: number;
  provisional: boolean;
  /** ratio: Σ numerator and Σ denominator; share: Σ parks and the province total; sum: Σ. */
  numerator?: number;
  denominator?: number;
  /** share: where the province's total comes from (its source, else its note: 浙江省统计公报 2024). */
  denominatorSource?: string;
  /** The parks the point includes, by id (server-side only: for what is missing). */
  included: number[];
}

export interface AggregateScope {
  provinceCode: string;
  parkLevel: ParkLevel | null;
}

function scopedValues(db: Kysely<Database>, scope: AggregateScope, basis: ValueBasis, alias: 'v' | 'n') {
  return db.selectFrom(countedValues(db, basis).as(alias))
    .innerJoin('parks as p', 'p.id', `${alias}.park_id`)
    .where('p.province_code', '=', scope.provinceCode)
    .where('p.level', 'in', levelsAtLeast(scope.parkLevel));
}

/** How many parks of the scope should report in each year: those approved by then (or of unknown date). */
async function expectedParksByYear(db: Kysely<Database>, scope: AggregateScope): Promise<(year: number) => number> {
  const rows = await db.selectFrom('parks')
    .select(['approval_year', (eb) => eb.fn.countAll<number>().as('n')])
    .where('province_code', '=', scope.provinceCode)
    .where('level', 'in', levelsAtLeast(scope.parkLevel))
    .groupBy('approval_year')
    .execute();
  return (year) => rows.reduce((s, r) => s + (r.approval_year === null || r.approval_year <= year ? Number(r.n) : 0), 0);
}

function withCoverage(points: Omit<AggregatePoint, 'parksExpected' | 'provisional'>[], expected: (year: number) => number): AggregatePoint[] {
  return points.map((p) => {
    const parksExpected = Math.max(expected(p.year), p.parksIncluded);
    return { ...p, parksExpected, provisional: !isComplete({ parksIncluded: p.parksIncluded, parksExpected }) };
  });
}

/**
 * Σ of doubles in the order given, with Neumaier's compensation. The aggregates add in JavaScript
 * rather than with SQL's sum(): sum() adds in whatever order the query plan reads the rows, and with a
 * different algorithm on each database (compensated on SQLite, plain on PostgreSQL), so the last
 * digits of a sum over a few hundred parks differed between the two. Here both get the same rows in
 * the same order (year, park) and the same arithmetic: the same bytes in every answer.
 */
export function exactSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  return sum + compensation;
}

/** One indicator's figures of every park of the scope, by year (ascending), then park (ascending). */
function scopedFigures(db: Kysely<Database>, scope: AggregateScope, basis: ValueBasis, code: string) {
  return scopedValues(db, scope, basis, 'v')
    .select(['v.year as year', 'v.park_id as parkId', 'v.value as value'])
    .where('v.indicator_code', '=', code)
    .orderBy('v.year')
    .orderBy('v.park_id')
    .execute();
}

/** Rows in year order → [year, the rows of that year], in order. */
function groupByYear<R extends { year: number }>(rows: R[]): [number, R[]][] {
  const out: [number, R[]][] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (last && last[0] === r.year) last[1].push(r);
    else out.push([r.year, [r]]);
  }
  return out;
}

/** A park an aggregate built from parts had to leave out in a year, and why. */
export interface ExcludedFigure {
  parkId: number;
  year: number;
  reason: 'ratio_only' | 'missing_numerator' | 'missing_denominator';
  /** The ratio as the park reported it, when it did. */
  reportedValue: number | null;
}

/**
 * A ratio of sums over the scope by year (Σ numerator / Σ denominator over the parks that reported
 * both parts, with a positive denominator), read in one query. With `excluded`, also the parks that
 * reported something for the ratio (a part, or the ratio itself) but were left out, by year then park.
 */
export async function ratioOfSums(db: Kysely<Database>, indicator: Indicator, scope: AggregateScope, basis: ValueBasis, options: { excluded: boolean }): Promise<{ points: AggregatePoint[]; excluded: ExcludedFigure[] }> {
  const numCode = indicator.numerator!;
  const denCode = indicator.denominator!;
  const [expected, rows] = await Promise.all([
    expectedParksByYear(db, scope),
    scopedValues(db, scope, basis, 'v')
      .select(['v.year as year', 'v.park_id as parkId', 'v.indicator_code as code', 'v.value as value'])
      .where('v.indicator_code', 'in', options.excluded ? [numCode, denCode, indicator.code] : [numCode, denCode])
      .orderBy('v.year')
      .orderBy('v.park_id')
      .execute(),
  ]);
  const points: Omit<AggregatePoint, 'parksExpected' | 'provisional'>[] = [];
  const excluded: ExcludedFigure[] = [];
  let year = NaN;
  let nums: number[] = [];
  let dens: number[] = [];
  let included: number[] = [];
  const closeYear = () => {
    if (nums.length) {
      const num = exactSum(nums);
      const den = exactSum(dens);
      points.push({ year, value: ratioFromParts(indicator, num, den)!, numerator: num, denominator: den, parksIncluded: nums.length, included });
    }
    nums = [];
    dens = [];
    included = [];
  };
  // Rows come in (year, park) order: each run of rows is one park's figures in one year.
  for (let i = 0; i < rows.length;) {
    const { year: y, parkId } = rows[i]!;
    if (y !== year) {
      closeYear();
      year = y;
    }
    let num: number | undefined;
    let den: number | undefined;
    let reported: number | undefined;
    for (; i < rows.length && rows[i]!.year === y && rows[i]!.parkId === parkId; i++) {
      const r = rows[i]!;
      if (r.code === numCode) num = r.value;
      else if (r.code === denCode) den = r.value;
      else reported = r.value;
    }
    if (num !== undefined && den !== undefined && den > 0) {
      nums.push(num);
      dens.push(den);
      included.push(parkId!);
    } else if (options.excluded) {
      const reason = reported !== undefined && num === undefined && den === undefined ? 'ratio_only' as const
        : num === undefined ? 'missing_numerator' as const : 'missing_denominator' as const;
      excluded.push({ parkId: parkId!, year: y, reason, reportedValue: reported ?? null });
    }
  }
  closeYear();
  return { points: withCoverage(points, expected), excluded };
}

/** The aggregate over the parks of a province, by year, the way the indicator aggregates. */
export async function aggregateSeries(db: Kysely<Database>, indicator: Indicator, scope: AggregateScope, basis: ValueBasis): Promise<AggregatePoint[]> {
  if (indicator.aggregation === 'ratio_of_sums' && indicator.numerator && indicator.denominator) {
    return (await ratioOfSums(db, indicator, scope, basis, { excluded: false })).points;
  }

  const summed = indicator.aggregation === 'share_of_province' ? indicator.shareOf : indicator.aggregation === 'sum' ? indicator.code : undefined;
  if (!summed) return [];
  const [expected, figures] = await Promise.all([expectedParksByYear(db, scope), scopedFigures(db, scope, basis, summed)]);
  const sums = groupByYear(figures)
    .map(([year, rows]) => ({ year, total: exactSum(rows.map((r) => r.value)), included: rows.map((r) => r.parkId!) }));

  if (indicator.aggregation === 'sum') {
    return withCoverage(sums.map((r) => ({ year: r.year, value: r.total, numerator: r.total, parksIncluded: r.included.length, included: r.included })), expected);
  }
  // Share of the province: Σ parks / the province's own total of the same year.
  const [totalRows, sourceRows] = await Promise.all([
    db.selectFrom(countedValues(db, basis).as('v'))
      .select(['year', 'value'])
      .where('subject_key', '=', `region:${scope.provinceCode}`)
      .where('indicator_code', '=', summed)
      .execute(),
    db.selectFrom('reported_values as r').leftJoin('sources as s', 's.code', 'r.source_code')
      .select(['r.year', 'r.note', 's.title'])
      .where('r.subject_key', '=', `region:${scope.provinceCode}`)
      .where('r.indicator_code', '=', summed)
      .execute(),
  ]);
  const totals = new Map(totalRows.map((r) => [r.year, r.value]));
  const sourceOf = new Map(sourceRows.flatMap((r) => (r.title || r.note ? [[r.year, (r.title || r.note)!] as const] : [])));
  return withCoverage(sums.flatMap((r) => {
    const total = totals.get(r.year);
    const source = sourceOf.get(r.year);
    return total && total > 0
      ? [{ year: r.year, value: (r.total / total) * 100, numerator: r.total, denominator: total, ...(source ? { denominatorSource: source } : {}), parksIncluded: r.included.length, included: r.included }]
      : [];
  }), expected);
}

export interface ParkFigures {
  parkId: number;
  parkName: string;
  year: number;
  /** indicator code → value */
  values: Record<string, number>;
}

/** Every park of the scope with the figures it reported for these indicators, per year (or in one year). */
export async function parkFiguresInScope(db: Kysely<Database>, codes: string[], scope: AggregateScope, basis: ValueBasis, year?: number): Promise<ParkFigures[]> {
  let query = scopedValues(db, scope, basis, 'v');
  if (year !== undefined) query = query.where('v.year', '=', year);
  const rows = await query
    .select(['v.park_id as parkId', 'p.name as parkName', 'v.year as year', 'v.indicator_code as code', 'v.value as value'])
    .where('v.indicator_code', 'in', codes)
    .orderBy('v.year')
    .orderBy('v.park_id')
    .execute();
  const byKey = new Map<string, ParkFigures>();
  for (const r of rows) {
    const key = `${r.parkId}:${r.year}`;
    const entry = byKey.get(key) ?? { parkId: r.parkId!, parkName: r.parkName, year: r.year, values: {} };
    entry.values[r.code] = r.value;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

export interface CoverageRegion {
  code: string;
  name: string;
  /** Parks of the required level in the region, with their approval year. */
  parks: { id: number; name: string; level: ParkLevel; approvalYear: number | null }[];
  /** The first year the region counts as covered; null when it is not covered. */
  coveredSince: number | null;
}

/** The regions of a coverage set with the parks that cover them (approval year ≤ the year asked). */
export async function coverageRegions(db: Kysely<Database>, targetId: number, parkLevel: ParkLevel | null): Promise<CoverageRegion[]> {
  const regions = await db.selectFrom('target_regions as tr')
    .innerJoin('regions as r', 'r.code', 'tr.region_code')
    .select(['r.code', 'r.name', 'r.level'])
    .where('tr.target_id', '=', targetId)
    .orderBy('r.code')
    .execute();
  if (regions.length === 0) return [];
  const codes = regions.map((r) => r.code);
  const parks = await db.selectFrom('parks')
    .select(['id', 'name', 'level', 'approval_year', 'city_code', 'county_code'])
    .where('level', 'in', levelsAtLeast(parkLevel))
    .where((eb) => eb.or([eb('city_code', 'in', codes), eb('county_code', 'in', codes)]))
    .orderBy('approval_year', (ob) => ob.asc().nullsFirst()) // as SQLite does; PostgreSQL would put NULLs last
    .orderBy('id')
    .execute();
  return regions.map((r) => {
    const inRegion = parks.filter((p) => (r.level === 'county' ? p.county_code : p.city_code) === r.code);
    const years = inRegion.map((p) => p.approval_year ?? -Infinity);
    return {
      code: r.code,
      name: r.name,
      parks: inRegion.map((p) => ({ id: p.id, name: p.name, level: p.level, approvalYear: p.approval_year })),
      // A park of unknown approval date counts as covering from the start.
      coveredSince: years.length ? (Math.min(...years) === -Infinity ? 0 : Math.min(...years)) : null,
    };
  });
}
