// Review by level and locks (issue 13). A province reviews its parks' figures in one level (planners
// approve what parks submit) or two (a city reviewer approves first, then planners approve what the
// city approved). An approved figure, and every figure of a closed reporting round, is locked: it
// changes only after a planner reopens it with a reason, which its history and the audit log keep.
import type { Kysely } from 'kysely';
import type { Database, ValueStatus } from '../db/schema.ts';
import { conflict, invalid, notFound, type Bilingual } from '../errors.ts';
import { audit, type Actor } from './audit.ts';
import { bumpDataVersion, provinceOfRegion } from './data-version.ts';
import type { SessionUser } from './sessions.ts';
import { listValues } from './values.ts';
import type { ReportedValueT } from '../../shared/schemas.ts';

export type ReviewLevels = 1 | 2;

export async function setReviewLevels(db: Kysely<Database>, code: string, levels: ReviewLevels, actor: Actor, now: Date) {
  const region = await db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code', 'review_levels']).where('code', '=', code).executeTakeFirst();
  if (!region) throw notFound({ zh: '行政区', en: 'region' }, code);
  if (region.level !== 'province') {
    throw invalid('not_a_province', { zh: `“${region.name}”不是省份: 审核层级按省设置`, en: `${region.name} is not a province: review levels are set per province` },
      [{ path: 'reviewLevels', messages: { zh: '只能为省份设置', en: 'only for a province' } }]);
  }
  if (region.review_levels !== levels) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('regions').set({ review_levels: levels }).where('code', '=', code).execute();
      await bumpDataVersion(trx, { kind: 'catalogue' });
      await audit(trx, actor, now, 'set_review_levels', 'region', code, { name: region.name, from: region.review_levels, to: levels });
    });
  }
  return { code: region.code, name: region.name, level: region.level, parentCode: region.parent_code, reviewLevels: levels };
}

/** Review levels by province code (1 when a province has none set). */
export async function reviewLevelsOf(db: Kysely<Database>, provinceCodes: readonly string[]): Promise<Map<string, ReviewLevels>> {
  const codes = [...new Set(provinceCodes)];
  const rows = codes.length ? await db.selectFrom('regions').select(['code', 'review_levels']).where('code', 'in', codes).execute() : [];
  return new Map(rows.map((r) => [r.code, r.review_levels === 2 ? 2 : 1]));
}

// --- locks -------------------------------------------------------------------------------------

export interface ClosedRound {
  year: number;
  provinceCode: string;
  indicatorCodes: string[];
  closedAt: string;
}

/** The closed rounds of these provinces and years. */
export async function closedRounds(db: Kysely<Database>, provinceCodes: readonly string[], years: readonly number[]): Promise<ClosedRound[]> {
  if (provinceCodes.length === 0 || years.length === 0) return [];
  const rows = await db.selectFrom('reporting_rounds').select(['year', 'province_code', 'indicator_codes', 'closed_at'])
    .where('closed_at', 'is not', null).where('province_code', 'in', [...new Set(provinceCodes)]).where('year', 'in', [...new Set(years)]).execute();
  return rows.map((r) => ({ year: r.year, provinceCode: r.province_code, indicatorCodes: JSON.parse(r.indicator_codes) as string[], closedAt: r.closed_at! }));
}

export interface LockedFigure {
  status: ValueStatus;
  indicator: string;
  year: number;
  reopenedAt: string | null;
}

export type Lock = { kind: 'approved' } | { kind: 'round_closed'; round: ClosedRound };

/**
 * Why a stored figure may not change now, or null: it is approved, or it belongs to a closed round
 * (and was not reopened since the round closed).
 */
export function lockOf(figure: LockedFigure, provinceCode: string | null, rounds: readonly ClosedRound[]): Lock | null {
  if (figure.status === 'approved') return { kind: 'approved' };
  const round = provinceCode === null ? undefined
    : rounds.find((r) => r.provinceCode === provinceCode && r.year === figure.year && r.indicatorCodes.includes(figure.indicator));
  if (round && !(figure.reopenedAt && figure.reopenedAt >= round.closedAt)) return { kind: 'round_closed', round };
  return null;
}

export function lockMessages(lock: Lock, what: { zh: string; en: string }): Bilingual {
  return lock.kind === 'approved'
    ? {
      zh: `${what.zh}已审核通过, 已锁定: 如需修改, 请联系省级规划人员说明原因并重新开放该数据`,
      en: `${what.en} is approved and locked: to change it, ask a planner to reopen it with a reason`,
    }
    : {
      zh: `${what.zh}属于已关闭的${lock.round.year}年填报轮次, 已锁定: 如需修改, 请联系省级规划人员说明原因并重新开放该数据`,
      en: `${what.en} belongs to the closed reporting round of ${lock.round.year} and is locked: to change it, ask a planner to reopen it with a reason`,
    };
}

/** The province of a stored figure: its park's, or its region's. */
async function provinceOfFigure(db: Kysely<Database>, row: { park_id: number | null; region_code: string | null }): Promise<string | null> {
  if (row.park_id !== null) {
    const park = await db.selectFrom('parks').select('province_code').where('id', '=', row.park_id).executeTakeFirst();
    return park?.province_code ?? null;
  }
  return row.region_code ? provinceOfRegion(row.region_code) : null;
}

/**
 * A planner reopens a locked figure with a reason: an approved one goes back to draft (its approved
 * value keeps counting until a change is approved), one of a closed round may be changed again.
 */
export async function reopenValue(db: Kysely<Database>, id: number, input: { reason: string; version?: number | undefined }, actor: Actor, now: Date) {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('reported_values').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound({ zh: '数据', en: 'figure' }, id);
    if (input.version !== undefined && input.version !== row.version) {
      throw conflict('stale', {
        zh: `数据已被 ${row.entered_by_name} 修改为第${row.version}版, 请刷新后再试`,
        en: `${row.entered_by_name} changed it since you loaded it (now version ${row.version}): reload and try again`,
      }, { current: { value: row.value, version: row.version, status: row.status, enteredBy: row.entered_by_name, enteredAt: row.entered_at } });
    }
    const province = await provinceOfFigure(trx, row);
    const rounds = province ? await closedRounds(trx, [province], [row.year]) : [];
    const lock = lockOf({ status: row.status, indicator: row.indicator_code, year: row.year, reopenedAt: row.reopened_at }, province, rounds);
    if (!lock) {
      throw conflict('not_locked', { zh: '该数据未锁定, 可以直接修改, 无需重新开放', en: 'This figure is not locked: it can be changed without reopening' });
    }
    const status: ValueStatus = row.status === 'approved' ? 'draft' : row.status;
    const version = row.version + 1;
    const result = await trx.updateTable('reported_values').set({ status, version, reopened_at: at, updated_at: at, review_comment: null })
      .where('id', '=', id).where('version', '=', row.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw conflict('conflict', { zh: '数据刚被他人修改, 请刷新后再试', en: 'The figure was changed by someone else just now: reload and try again' });
    }
    const reason = `重新开放: ${input.reason}`;
    await trx.insertInto('value_revisions').values({
      value_id: id, version, old_value: row.value, new_value: row.value, old_status: row.status, new_status: status,
      note: row.note, source_code: row.source_code, reason, changed_by: actor.userId, changed_by_name: actor.username, changed_at: at,
    }).execute();
    if (province) await bumpDataVersion(trx, { kind: 'province', provinces: [province] });
    await audit(trx, actor, now, 'reopen_value', 'reported_values', id, {
      reason: input.reason, lock: lock.kind, ...(lock.kind === 'round_closed' ? { roundYear: lock.round.year } : {}),
      parkId: row.park_id, regionCode: row.region_code, indicator: row.indicator_code, year: row.year, value: row.value, fromStatus: row.status, toStatus: status,
    });
    return { id, status, version, reopenedAt: at };
  });
}

// --- what waits for whom ---------------------------------------------------------------------------

/**
 * The figures waiting for this user's review: a city reviewer's, what its cities' parks submitted in
 * provinces reviewing in two levels; a planner's, what the city approved, and what was submitted
 * where one level reviews (and region figures, which only planners review).
 */
export async function reviewQueue(db: Kysely<Database>, user: SessionUser): Promise<ReportedValueT[]> {
  if (!['admin', 'planner', 'city_reviewer'].includes(user.role)) return [];
  const [submitted, cityApproved, parks, provinces] = await Promise.all([
    listValues(db, { status: 'submitted' }),
    user.role === 'city_reviewer' ? [] : listValues(db, { status: 'city_approved' }),
    db.selectFrom('parks').select(['id', 'city_code', 'province_code']).execute(),
    db.selectFrom('regions').select(['code', 'review_levels']).where('level', '=', 'province').execute(),
  ]);
  const parkOf = new Map(parks.map((p) => [p.id, p]));
  const twoLevels = new Set(provinces.filter((p) => p.review_levels === 2).map((p) => p.code));
  const inTwoLevels = (v: ReportedValueT) => {
    const park = v.subject.parkId === null ? undefined : parkOf.get(v.subject.parkId);
    return !!park && twoLevels.has(park.province_code);
  };
  if (user.role === 'city_reviewer') {
    return submitted.filter((v) => {
      const park = v.subject.parkId === null ? undefined : parkOf.get(v.subject.parkId);
      return !!park && park.city_code !== null && user.cityCodes.includes(park.city_code) && twoLevels.has(park.province_code);
    });
  }
  return [...cityApproved, ...submitted.filter((v) => !inTwoLevels(v))];
}
