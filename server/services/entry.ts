// The entry form for one park and year: every figure the park reports, its current value and state,
// last year's value beside it, the ratios computed from them, and the targets each feeds.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { ANNUAL_INDICATORS, type Indicator } from '../../shared/indicators.ts';
import type { EntrySheet } from '../../shared/schemas.ts';
import type { Database } from '../db/schema.ts';
import { canWritePark, type SessionUser } from './sessions.ts';
import { indicatorRef, indicatorsByCode } from './catalog.ts';
import { isOverdue } from './rounds.ts';
import { lockOf, type ClosedRound } from './review-levels.ts';

type Sheet = z.infer<typeof EntrySheet>;

export async function entrySheet(db: Kysely<Database>, parkId: number, year: number, user: SessionUser | null, now: Date): Promise<Sheet | null> {
  const park = await db.selectFrom('parks as p').leftJoin('regions as c', 'c.code', 'p.city_code')
    .select(['p.id', 'p.name', 'p.level', 'p.province_code', 'c.name as city_name']).where('p.id', '=', parkId).executeTakeFirst();
  if (!park) return null;
  const [indicators, round, targets] = await Promise.all([
    indicatorsByCode(db),
    db.selectFrom('reporting_rounds').selectAll().where('year', '=', year).where('province_code', '=', park.province_code).executeTakeFirst(),
    // Targets of this park, and those over all parks of its province or of its class.
    db.selectFrom('targets').select(['id', 'code', 'indicator_code', 'scope', 'park_level'])
      .where((eb) => eb.or([
        eb('park_id', '=', parkId),
        eb.and([eb('region_code', '=', park.province_code), eb('scope', 'in', ['province_aggregate', 'park_class'])]),
      ]))
      .orderBy('id').execute(),
  ]);

  // What feeds a target: a reported indicator itself, or the parts of a ratio or share.
  const feeds = (i: Indicator): string[] => i.kind === 'ratio' ? [i.numerator!, i.denominator!] : i.kind === 'share' ? [i.shareOf!] : i.kind === 'coverage' ? [] : [i.code];
  const targetsOf = new Map<string, { id: number; code: string }[]>();
  for (const t of targets) {
    const indicator = indicators.get(t.indicator_code)!;
    for (const code of new Set([...feeds(indicator), indicator.code])) {
      targetsOf.set(code, [...(targetsOf.get(code) ?? []), { id: t.id, code: t.code }]);
    }
  }
  const base = round ? (JSON.parse(round.indicator_codes) as string[]) : [...ANNUAL_INDICATORS];
  // A figure sent back is always on the form, where its comment is read and it is fixed.
  const returned = await db.selectFrom('reported_values').select('indicator_code')
    .where('park_id', '=', parkId).where('year', '=', year).where('status', '=', 'draft').where('review_comment', 'is not', null).execute();
  const codes = [...new Set([...base, ...targets.flatMap((t) => feeds(indicators.get(t.indicator_code)!)), ...returned.map((r) => r.indicator_code)])]
    .filter((c) => indicators.has(c) && indicators.get(c)!.kind !== 'coverage');

  const values = await db.selectFrom('reported_values').selectAll()
    .where('park_id', '=', parkId).where('indicator_code', 'in', codes).where('year', '<=', year)
    .orderBy('year', 'desc').execute();
  const closed: ClosedRound[] = round?.closed_at ? [{ year, provinceCode: park.province_code, indicatorCodes: base, closedAt: round.closed_at }] : [];
  const rows = codes.map((code) => {
    const i = indicators.get(code)!;
    const current = values.find((v) => v.indicator_code === code && v.year === year);
    const last = values.find((v) => v.indicator_code === code && v.year < year && v.approved_value !== null);
    return {
      indicator: { ...indicatorRef(i), definitionZh: i.definitionZh ?? null },
      current: current ? {
        id: current.id, value: current.value, version: current.version, status: current.status, note: current.note,
        reviewComment: current.review_comment, enteredBy: current.entered_by_name, enteredAt: current.entered_at,
        locked: lockOf({ status: current.status, indicator: code, year, reopenedAt: current.reopened_at }, park.province_code, closed)?.kind ?? null,
      } : null,
      lastYear: last ? { year: last.year, value: last.approved_value! } : null,
      targets: targetsOf.get(code) ?? [],
    };
  });
  const derived = [...indicators.values()]
    .filter((i) => i.kind === 'ratio' && codes.includes(i.numerator!) && codes.includes(i.denominator!))
    .map((i) => ({ indicator: indicatorRef(i), numerator: i.numerator!, denominator: i.denominator!, factor: i.factor ?? 1, targets: targetsOf.get(i.code) ?? [] }));
  return {
    park: { id: park.id, name: park.name, level: park.level, provinceCode: park.province_code, cityName: park.city_name },
    year,
    round: round ? { id: round.id, deadline: round.deadline, overdue: !round.closed_at && isOverdue(round.deadline, now), closedAt: round.closed_at } : null,
    canWrite: !!user && canWritePark(user, parkId),
    rows,
    derived,
  };
}
