// Reading reported values with everything a planner needs to trust them: the subject, the source,
// who entered the figure and when.
import type { Kysely } from 'kysely';
import type { ReportedValueT } from '../../shared/schemas.ts';
import type { Database, ValueStatus } from '../db/schema.ts';
import { indicatorRef, indicatorsByCode, sourcesByCode } from './catalog.ts';

export interface ValueFilter {
  park?: number;
  region?: string;
  indicator?: string;
  from?: number;
  to?: number;
  status?: ValueStatus;
}

export async function listValues(db: Kysely<Database>, filter: ValueFilter): Promise<ReportedValueT[]> {
  let q = db.selectFrom('reported_values as v')
    .leftJoin('parks as p', 'p.id', 'v.park_id')
    .leftJoin('regions as r', 'r.code', 'v.region_code')
    .selectAll('v')
    .select(['p.name as park_name', 'r.name as region_name']);
  if (filter.park !== undefined) q = q.where('v.park_id', '=', filter.park);
  if (filter.region !== undefined) q = q.where('v.region_code', '=', filter.region);
  if (filter.indicator !== undefined) q = q.where('v.indicator_code', '=', filter.indicator);
  if (filter.from !== undefined) q = q.where('v.year', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('v.year', '<=', filter.to);
  if (filter.status !== undefined) q = q.where('v.status', '=', filter.status);
  const [rows, indicators, sources] = await Promise.all([
    q.orderBy('v.subject_key').orderBy('v.indicator_code').orderBy('v.year').execute(),
    indicatorsByCode(db),
    sourcesByCode(db),
  ]);
  return rows.map((v) => {
    const indicator = indicators.get(v.indicator_code)!;
    return {
      id: v.id,
      subject: {
        kind: v.subject_key.split(':')[0] as 'park' | 'region' | 'zones',
        parkId: v.park_id, parkName: v.park_name, regionCode: v.region_code, regionName: v.region_name,
      },
      indicator: indicatorRef(indicator),
      year: v.year,
      value: v.value,
      unit: indicator.unit,
      status: v.status,
      note: v.note,
      source: v.source_code ? sources.get(v.source_code) ?? null : null,
      enteredBy: v.entered_by_name,
      enteredAt: v.entered_at,
      version: v.version,
    };
  });
}

/** The latest figure of each indicator in a list sorted by indicator, then year. */
export function latestPerIndicator(values: ReportedValueT[]): ReportedValueT[] {
  const latest = new Map<string, ReportedValueT>();
  for (const v of values) {
    const seen = latest.get(v.indicator.code);
    if (!seen || v.year > seen.year) latest.set(v.indicator.code, v);
  }
  return [...latest.values()];
}
