// A region's own totals (the province's, a city's), the denominators of the share targets ("zones'
// share of the province's above-scale industrial value added"): which indicators a region reports, and
// its entry form for one year. They are written like a park's figures (value-writes.ts, `regionCode`).
import type { Kysely } from 'kysely';
import type { Indicator } from '../../shared/indicators.ts';
import type { RegionEntrySheetT } from '../../shared/schemas.ts';
import type { Database } from '../db/schema.ts';
import { indicatorRef, indicatorsByCode } from './catalog.ts';
import type { SessionUser } from './sessions.ts';
import { canWriteRegion } from './value-writes.ts';
import { lockOf } from './review-levels.ts';

/** The indicators a region's total is needed for: what every share-of-the-province indicator divides by. */
export function regionIndicatorCodes(indicators: Iterable<Indicator>): string[] {
  const all = [...indicators];
  const codes = new Set(all.flatMap((i) => (i.aggregation === 'share_of_province' && i.shareOf ? [i.shareOf] : [])));
  return all.filter((i) => codes.has(i.code)).map((i) => i.code);
}

export async function regionSheet(db: Kysely<Database>, code: string, year: number, user: SessionUser | null): Promise<RegionEntrySheetT | null> {
  const region = await db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code']).where('code', '=', code).executeTakeFirst();
  if (!region || (region.level !== 'province' && region.level !== 'city')) return null;
  const provinceCode = region.level === 'province' ? region.code : region.parent_code ?? `${region.code.slice(0, 2)}0000`;
  const indicators = await indicatorsByCode(db);
  const codes = regionIndicatorCodes(indicators.values());
  const [values, targets] = await Promise.all([
    db.selectFrom('reported_values').selectAll()
      .where('subject_key', '=', `region:${code}`).where('indicator_code', 'in', codes).where('year', '<=', year)
      .orderBy('year', 'desc').execute(),
    // The province's share targets: the totals of the province feed them.
    region.level === 'province'
      ? db.selectFrom('targets').select(['id', 'code', 'indicator_code']).where('region_code', '=', provinceCode).where('scope', '=', 'province_aggregate').orderBy('id').execute()
      : [],
  ]);
  const rows = codes.map((c) => {
    const i = indicators.get(c)!;
    const current = values.find((v) => v.indicator_code === c && v.year === year);
    const last = values.find((v) => v.indicator_code === c && v.year < year && v.approved_value !== null);
    return {
      indicator: { ...indicatorRef(i), definitionZh: i.definitionZh ?? null },
      current: current ? {
        id: current.id, value: current.value, version: current.version, status: current.status, note: current.note,
        reviewComment: current.review_comment, enteredBy: current.entered_by_name, enteredAt: current.entered_at,
        // A region's approved total is locked as a park's figure is (rounds are the parks': no round locks a total).
        locked: lockOf({ status: current.status, indicator: c, year, reopenedAt: current.reopened_at }, null, [])?.kind ?? null,
      } : null,
      lastYear: last ? { year: last.year, value: last.approved_value! } : null,
      targets: targets.filter((t) => indicators.get(t.indicator_code)?.shareOf === c).map((t) => ({ id: t.id, code: t.code })),
    };
  });
  return {
    region: { code: region.code, name: region.name, level: region.level, provinceCode },
    year,
    canWrite: !!user && canWriteRegion(user),
    rows,
  };
}
