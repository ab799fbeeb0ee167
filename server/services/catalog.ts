// Reading the catalogue tables (regions, sources, indicators, parks, targets) into the API's shapes.
// One place that knows how rows become the objects the web sees. (Plans are read and written in
// plans.ts; parks and targets are written in parks.ts and target-writes.ts.)
import type { Kysely, Selectable } from 'kysely';
import { seriesParts, type Indicator } from '../../shared/indicators.ts';
import type { Comparator, IndicatorName } from '../../shared/progress.ts';
import type { z } from 'zod';
import type { Park as ParkSchema, Region as RegionSchema, RegionsQuery, SourceRef as SourceRefSchema, Target as TargetSchema } from '../../shared/schemas.ts';
import type { Database, IndicatorsTable, SourcesTable } from '../db/schema.ts';
import { provinceOfRegion } from './data-version.ts';

type SourceRef = z.infer<typeof SourceRefSchema>;
type ParkOut = z.infer<typeof ParkSchema>;
type TargetOut = z.infer<typeof TargetSchema>;

export async function listRegions(db: Kysely<Database>, filter: z.infer<typeof RegionsQuery>): Promise<z.infer<typeof RegionSchema>[]> {
  let q = db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code as parentCode', 'review_levels']);
  if (filter.level) q = q.where('level', '=', filter.level);
  if (filter.parent) q = q.where('parent_code', '=', filter.parent);
  const rows = await q.orderBy('code').execute();
  return rows.map(({ review_levels, ...r }) => ({ ...r, reviewLevels: review_levels === 2 ? 2 : 1 }));
}

export function toSourceRef(row: Selectable<SourcesTable> | undefined | null): SourceRef | null {
  if (!row) return null;
  return { code: row.code, title: row.title, publisher: row.publisher, publishedOn: row.published_on, url: row.url, reliability: row.reliability };
}

export async function sourcesByCode(db: Kysely<Database>): Promise<Map<string, SourceRef>> {
  const rows = await db.selectFrom('sources').selectAll().execute();
  return new Map(rows.map((r) => [r.code, toSourceRef(r)!]));
}

export function toIndicator(row: Selectable<IndicatorsTable>): Indicator {
  return {
    code: row.code, nameZh: row.name_zh, nameEn: row.name_en, unit: row.unit as Indicator['unit'], direction: row.direction,
    kind: row.kind as Indicator['kind'], aggregation: row.aggregation as Indicator['aggregation'],
    ...(row.numerator_code ? { numerator: row.numerator_code } : {}),
    ...(row.denominator_code ? { denominator: row.denominator_code } : {}),
    ...(row.factor !== null ? { factor: row.factor } : {}),
    ...(row.share_of_code ? { shareOf: row.share_of_code } : {}),
    ...(row.definition_zh ? { definitionZh: row.definition_zh } : {}),
  };
}

export async function listIndicators(db: Kysely<Database>): Promise<Indicator[]> {
  return (await db.selectFrom('indicators').selectAll().orderBy('builtin', 'desc').execute()).map(toIndicator);
}

export async function indicatorsByCode(db: Kysely<Database>): Promise<Map<string, Indicator>> {
  return new Map((await listIndicators(db)).map((i) => [i.code, i]));
}

export function indicatorRef(i: Indicator) {
  return { code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, unit: i.unit, kind: i.kind };
}

export interface ParkFilter {
  ids?: number[];
  province?: string;
  city?: string;
  level?: 'national' | 'provincial' | 'other';
}

export async function listParks(db: Kysely<Database>, filter: ParkFilter = {}): Promise<ParkOut[]> {
  let q = db.selectFrom('parks as p')
    .innerJoin('regions as pr', 'pr.code', 'p.province_code')
    .leftJoin('regions as c', 'c.code', 'p.city_code')
    .leftJoin('regions as k', 'k.code', 'p.county_code')
    .leftJoin('sources as s', 's.code', 'p.source_code')
    .select([
      'p.id', 'p.name', 'p.aliases', 'p.level', 'p.province_code', 'pr.name as province_name', 'p.city_code', 'c.name as city_name',
      'p.county_code', 'k.name as county_name', 'p.approved_on', 'p.approval_year', 'p.note', 'p.version',
      's.code as s_code', 's.title as s_title', 's.publisher as s_publisher', 's.published_on as s_published_on', 's.url as s_url', 's.reliability as s_reliability',
    ]);
  if (filter.ids) q = q.where('p.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.province) q = q.where('p.province_code', '=', filter.province);
  if (filter.city) q = q.where('p.city_code', '=', filter.city);
  if (filter.level) q = q.where('p.level', '=', filter.level);
  // Unknown approval years first on either database (PostgreSQL sorts NULLs last unless told).
  const rows = await q.orderBy('p.province_code').orderBy('p.approval_year', (ob) => ob.asc().nullsFirst()).orderBy('p.id').execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, aliases: r.aliases ? r.aliases.split('；') : [], level: r.level,
    provinceCode: r.province_code, provinceName: r.province_name, cityCode: r.city_code, cityName: r.city_name,
    countyCode: r.county_code, countyName: r.county_name, approvedOn: r.approved_on, approvalYear: r.approval_year,
    source: r.s_code ? { code: r.s_code, title: r.s_title!, publisher: r.s_publisher, publishedOn: r.s_published_on, url: r.s_url, reliability: r.s_reliability! } : null,
    note: r.note, version: r.version,
  }));
}

export interface TargetFilter {
  ids?: number[];
  plan?: string;
  province?: string;
  park?: number;
  targetYear?: number;
}

/** A target as the API shows it, with its indicator resolved (the progress service needs both). */
export interface LoadedTarget extends TargetOut {
  indicatorFull: Indicator;
  /** The province whose figures the target is measured on (its region's, or its park's): see data-version.ts. */
  figuresProvince: string | null;
  /** The indicators its series is made of, with their names (what `missing` names). */
  seriesParts: IndicatorName[];
}

export async function listTargets(db: Kysely<Database>, filter: TargetFilter = {}): Promise<LoadedTarget[]> {
  let q = db.selectFrom('targets as t')
    .innerJoin('plans as pl', 'pl.id', 't.plan_id')
    .leftJoin('parks as p', 'p.id', 't.park_id')
    .leftJoin('regions as r', 'r.code', 't.region_code')
    .selectAll('t')
    .select(['pl.code as plan_code', 'pl.title as plan_title', 'pl.source_code as plan_source', 'p.name as park_name', 'p.province_code as park_province', 'r.name as region_name']);
  if (filter.ids) q = q.where('t.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.plan) {
    const plan = filter.plan;
    q = /^\d+$/.test(plan) ? q.where('t.plan_id', '=', Number(plan)) : q.where('pl.code', '=', plan);
  }
  if (filter.province) {
    const province = filter.province;
    q = q.where((eb) => eb.or([eb('t.region_code', '=', province), eb('p.province_code', '=', province)]));
  }
  if (filter.park !== undefined) q = q.where('t.park_id', '=', filter.park);
  if (filter.targetYear !== undefined) q = q.where('t.target_year', '=', filter.targetYear);
  const rows = await q.orderBy('t.id').execute();
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  const predecessorIds = rows.map((r) => r.supersedes_id).filter((id): id is number => id !== null);
  const [indicators, sources, setRows, links] = await Promise.all([
    indicatorsByCode(db),
    sourcesByCode(db),
    db.selectFrom('target_regions as tr').innerJoin('regions as r', 'r.code', 'tr.region_code')
      .select(['tr.target_id', 'r.code', 'r.name'])
      .where('tr.target_id', 'in', ids)
      .orderBy('r.code')
      .execute(),
    // The other horizons: what these targets replace, and what replaces them.
    db.selectFrom('targets as t').innerJoin('plans as pl', 'pl.id', 't.plan_id')
      .select(['t.id', 't.code', 't.target_year', 't.target_value', 't.comparator', 't.unit', 't.supersedes_id', 'pl.id as plan_id', 'pl.code as plan_code', 'pl.title as plan_title'])
      .where((eb) => eb.or([eb('t.id', 'in', predecessorIds.length ? predecessorIds : [-1]), eb('t.supersedes_id', 'in', ids)]))
      .orderBy('t.id')
      .execute(),
  ]);
  const linkOf = (l: (typeof links)[number]) => ({
    id: l.id, code: l.code, targetYear: l.target_year, targetValue: l.target_value, comparator: l.comparator as Comparator, unit: l.unit,
    plan: { id: l.plan_id, code: l.plan_code, title: l.plan_title },
  });
  return rows.map((t) => {
    const indicator = indicators.get(t.indicator_code)!;
    const predecessor = t.supersedes_id === null ? undefined : links.find((l) => l.id === t.supersedes_id);
    const successor = links.find((l) => l.supersedes_id === t.id);
    return {
      id: t.id,
      code: t.code,
      plan: { id: t.plan_id, code: t.plan_code, title: t.plan_title },
      indicator: indicatorRef(indicator),
      indicatorFull: indicator,
      seriesParts: seriesParts(indicator).map((code) => {
        const part = indicators.get(code);
        return { code, nameZh: part?.nameZh ?? code, nameEn: part?.nameEn ?? code };
      }),
      figuresProvince: t.region_code ? provinceOfRegion(t.region_code) : t.park_province ?? null,
      scope: {
        kind: t.scope,
        label: t.subject_label,
        parkId: t.park_id,
        parkName: t.park_name,
        regionCode: t.region_code,
        regionName: t.region_name,
        parkLevel: t.park_level,
        regionSetLabel: t.region_set_label,
        regions: setRows.filter((s) => s.target_id === t.id).map((s) => ({ code: s.code, name: s.name })),
      },
      comparator: t.comparator as Comparator,
      tolerance: t.tolerance,
      targetValue: t.target_value,
      unit: t.unit,
      targetYear: t.target_year,
      baselineYear: t.baseline_year,
      baselineValue: t.baseline_value,
      stretchValue: t.stretch_value,
      quote: t.quote,
      quoteLocation: t.quote_location,
      note: t.note,
      supersedesId: t.supersedes_id,
      source: t.plan_source ? sources.get(t.plan_source) ?? null : null,
      quoteStart: t.quote_start,
      quoteEnd: t.quote_end,
      version: t.version,
      supersededById: successor?.id ?? null,
      supersedes: predecessor ? linkOf(predecessor) : null,
      supersededBy: successor ? linkOf(successor) : null,
    };
  });
}

/** Drops the server-only fields before a target goes out. */
export function publicTarget({ indicatorFull: _, figuresProvince: _p, seriesParts: _s, ...target }: LoadedTarget): TargetOut {
  return target;
}
