// Reporting rounds: a planner opens a year's round with a deadline; the completeness board shows per
// park which figures are missing, draft, submitted or approved, and who is overdue; each user sees
// the tasks that are theirs.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { ANNUAL_INDICATORS } from '../../shared/indicators.ts';
import type { CreateRoundBody, Round, RoundBoard, Task } from '../../shared/schemas.ts';
import type { Database, ReportingRoundsTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';
import { conflict, invalid, type Bilingual } from '../errors.ts';
import { audit, type Actor } from './audit.ts';
import type { SessionUser } from './sessions.ts';
import { indicatorsByCode } from './catalog.ts';
import { bumpDataVersion } from './data-version.ts';
import { reviewLevelsOf, reviewQueue } from './review-levels.ts';

type RoundOut = z.infer<typeof Round>;
type BoardOut = z.infer<typeof RoundBoard>;
type TaskOut = z.infer<typeof Task>;

/** A task's words: `message` in Chinese until the HTTP layer sets it to the request's language. */
const texts = (messages: Bilingual) => ({ message: messages.zh, messages });

/** The deadline is the last day: overdue from the next day on, on China's calendar (UTC+8). */
export function isOverdue(deadline: string, now: Date): boolean {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10) > deadline;
}

function toRound(r: Selectable<ReportingRoundsTable> & { province_name: string }, now: Date): RoundOut {
  return {
    id: r.id, year: r.year, provinceCode: r.province_code, provinceName: r.province_name, deadline: r.deadline,
    indicatorCodes: JSON.parse(r.indicator_codes) as string[], note: r.note, openedAt: r.opened_at, closedAt: r.closed_at, closeReason: r.close_reason,
    overdue: !r.closed_at && isOverdue(r.deadline, now),
  };
}

function roundsQuery(db: Kysely<Database>) {
  return db.selectFrom('reporting_rounds as r').innerJoin('regions as g', 'g.code', 'r.province_code').selectAll('r').select('g.name as province_name');
}

export async function listRounds(db: Kysely<Database>, now: Date): Promise<RoundOut[]> {
  return (await roundsQuery(db).orderBy('r.year', 'desc').orderBy('r.id').execute()).map((r) => toRound(r, now));
}

export async function createRound(db: Kysely<Database>, input: z.infer<typeof CreateRoundBody>, actor: Actor, now: Date): Promise<RoundOut> {
  const indicators = await indicatorsByCode(db);
  const codes = input.indicatorCodes ?? [...ANNUAL_INDICATORS];
  const unknown = codes.filter((c) => !indicators.has(c) || indicators.get(c)!.kind === 'coverage');
  if (unknown.length) {
    const list = unknown.join(', ');
    throw invalid('invalid_request', { zh: `指标不可填报或不存在: ${list}`, en: `Unknown or not reportable indicators: ${list}` },
      [{ path: 'indicatorCodes', messages: { zh: `不可填报或不存在: ${list}`, en: `unknown or not reportable: ${list}` } }]);
  }
  const province = await db.selectFrom('regions').select('level').where('code', '=', input.provinceCode).executeTakeFirst();
  if (province?.level !== 'province') {
    throw invalid('invalid_request', { zh: `省份代码 ${input.provinceCode} 不存在`, en: `Unknown province ${input.provinceCode}` },
      [{ path: 'provinceCode', messages: { zh: '省份不存在', en: 'unknown province' } }]);
  }
  const exists = await db.selectFrom('reporting_rounds').select('id').where('year', '=', input.year).where('province_code', '=', input.provinceCode).executeTakeFirst();
  if (exists) throw conflict('round_exists', { zh: `${input.year}年的填报轮次已开启`, en: `A round for ${input.year} is already open` });
  const newId = await db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('reporting_rounds').values({
      year: input.year, province_code: input.provinceCode, deadline: input.deadline, indicator_codes: JSON.stringify(codes),
      note: input.note ?? null, opened_by: actor.userId, opened_at: now.toISOString(), closed_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, actor, now, 'open_round', 'reporting_round', id, { ...input, indicatorCodes: codes });
    return id;
  });
  return toRound(await roundsQuery(db).where('r.id', '=', newId).executeTakeFirstOrThrow(), now);
}

export async function roundBoard(db: Kysely<Database>, roundId: number, now: Date): Promise<BoardOut | null> {
  const row = await roundsQuery(db).where('r.id', '=', roundId).executeTakeFirst();
  if (!row) return null;
  const round = toRound(row, now);
  const [indicators, levels] = await Promise.all([indicatorsByCode(db), reviewLevelsOf(db, [round.provinceCode])]);
  const parks = await db.selectFrom('parks as p').leftJoin('regions as c', 'c.code', 'p.city_code')
    .select(['p.id', 'p.name', 'p.level', 'c.name as city_name'])
    .where('p.province_code', '=', round.provinceCode)
    .orderBy('p.city_code').orderBy('p.id').execute();
  const values = parks.length ? await db.selectFrom('reported_values')
    .select(['id', 'park_id', 'indicator_code', 'value', 'status', 'version', 'review_comment'])
    .where('year', '=', round.year)
    .where('indicator_code', 'in', round.indicatorCodes)
    .where('park_id', 'in', parks.map((p) => p.id))
    .execute() : [];
  const at = new Map(values.map((v) => [`${v.park_id}:${v.indicator_code}`, v]));
  const totals = { missing: 0, draft: 0, submitted: 0, city_approved: 0, approved: 0, parksComplete: 0, parksOverdue: 0 };
  const boardParks = parks.map((p) => {
    const counts = { missing: 0, draft: 0, submitted: 0, city_approved: 0, approved: 0 };
    const cells: BoardOut['parks'][number]['cells'] = {};
    for (const code of round.indicatorCodes) {
      const v = at.get(`${p.id}:${code}`);
      const state = v?.status ?? 'missing';
      counts[state] += 1;
      cells[code] = { state, value: v?.value ?? null, valueId: v?.id ?? null, version: v?.version ?? null, returned: !!(v && v.status === 'draft' && v.review_comment) };
    }
    const complete = counts.missing === 0 && counts.draft === 0;
    const overdue = round.overdue && !complete;
    for (const k of ['missing', 'draft', 'submitted', 'city_approved', 'approved'] as const) totals[k] += counts[k];
    if (complete) totals.parksComplete += 1;
    if (overdue) totals.parksOverdue += 1;
    return { parkId: p.id, parkName: p.name, cityName: p.city_name, level: p.level, cells, counts, complete, overdue };
  });
  return {
    round,
    reviewLevels: levels.get(round.provinceCode) ?? 1,
    indicators: round.indicatorCodes.map((code) => {
      const i = indicators.get(code)!;
      return { code, nameZh: i.nameZh, nameEn: i.nameEn, unit: i.unit };
    }),
    parks: boardParks,
    totals,
  };
}

/**
 * A planner closes a round: its figures are locked against edits from then on (see
 * services/review-levels.ts), each to be reopened with a reason if it must change.
 */
export async function closeRound(db: Kysely<Database>, roundId: number, reason: string | null, actor: Actor, now: Date): Promise<RoundOut | null> {
  const row = await roundsQuery(db).where('r.id', '=', roundId).executeTakeFirst();
  if (!row) return null;
  if (row.closed_at) {
    throw conflict('round_closed', { zh: `${row.year}年的填报轮次已于 ${row.closed_at.slice(0, 10)} 关闭`, en: `The round of ${row.year} was closed on ${row.closed_at.slice(0, 10)}` });
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('reporting_rounds').set({ closed_at: now.toISOString(), closed_by: actor.userId, close_reason: reason })
      .where('id', '=', roundId).where('closed_at', 'is', null).execute();
    await bumpDataVersion(trx, { kind: 'province', provinces: [row.province_code] });
    await audit(trx, actor, now, 'close_round', 'reporting_round', roundId, { year: row.year, provinceCode: row.province_code, reason });
  });
  return toRound(await roundsQuery(db).where('r.id', '=', roundId).executeTakeFirstOrThrow(), now);
}

/**
 * What is waiting for this user. Park managers: figures sent back for their parks (from the moment a
 * reviewer returns one, whether or not a round is open, each with the reviewer's comment) and, in open
 * rounds, the figures still to enter or submit. Reviewers: the figures waiting at their level (a city
 * reviewer its cities' parks), and for planners and admins the open rounds past their deadline with parks not complete.
 */
export async function tasksFor(db: Kysely<Database>, user: SessionUser, now: Date): Promise<TaskOut[]> {
  const tasks: TaskOut[] = [];
  const rounds = (await listRounds(db, now)).filter((r) => !r.closedAt);
  if (user.role === 'park_manager' && user.parkIds.length) {
    tasks.push(...await returnedTasks(db, user.parkIds, rounds));
    for (const round of rounds) {
      const board = await roundBoard(db, round.id, now);
      for (const p of board?.parks ?? []) {
        if (!user.parkIds.includes(p.parkId)) continue;
        const returned = Object.values(p.cells).filter((c) => c.returned).length;
        const open = p.counts.missing + p.counts.draft - returned;
        if (open <= 0) continue;
        tasks.push({
          kind: 'report', roundId: round.id, year: round.year, parkId: p.parkId, parkName: p.parkName, deadline: round.deadline, overdue: round.overdue, count: open,
          ...texts({
            zh: `${p.parkName} ${round.year}年还有 ${open} 项数据待填报或提交 (截止 ${round.deadline})`,
            en: `${p.parkName}: ${open} figure${open > 1 ? 's' : ''} of ${round.year} to enter or submit (due ${round.deadline})`,
          }),
        });
      }
    }
  }
  if (user.role === 'planner' || user.role === 'admin' || user.role === 'city_reviewer') {
    // What waits for this reviewer at their level: the same queue as the review page shows.
    const waiting = new Map<number, number>();
    for (const v of await reviewQueue(db, user)) waiting.set(v.year, (waiting.get(v.year) ?? 0) + 1);
    for (const [year, n] of [...waiting].sort(([a], [b]) => b - a)) {
      tasks.push({ kind: 'review', roundId: null, year, parkId: null, parkName: null, deadline: null, overdue: false, count: n, ...texts({
        zh: `${year}年有 ${n} 项已提交的数据待审核`,
        en: `${n} submitted figure${n > 1 ? 's' : ''} of ${year} to review`,
      }) });
    }
  }
  if (user.role === 'planner' || user.role === 'admin') {
    for (const round of rounds.filter((r) => r.overdue)) {
      const behind = (await roundBoard(db, round.id, now))?.totals.parksOverdue ?? 0;
      if (!behind) continue;
      tasks.push({
        kind: 'overdue', roundId: round.id, year: round.year, parkId: null, parkName: null, provinceName: round.provinceName, deadline: round.deadline, overdue: true, count: behind,
        ...texts({
          zh: `${round.provinceName} ${round.year}年填报轮次已过截止日期 (${round.deadline}), ${behind} 个园区未报齐`,
          en: `${round.provinceName}: the ${round.year} round is past its deadline (${round.deadline}); ${behind} park${behind > 1 ? 's' : ''} not complete`,
        }),
      });
    }
  }
  return tasks;
}

/** Figures sent back (a draft with the reviewer's comment) for these parks, one task per park and year. */
async function returnedTasks(db: Kysely<Database>, parkIds: number[], openRounds: RoundOut[]): Promise<TaskOut[]> {
  const rows = await db.selectFrom('reported_values as v').innerJoin('parks as p', 'p.id', 'v.park_id')
    .select(['v.id', 'v.park_id', 'v.year', 'v.indicator_code', 'v.value', 'v.review_comment', 'v.reviewed_by_name', 'v.reviewed_at', 'p.name as park_name', 'p.province_code'])
    .where('v.park_id', 'in', parkIds).where('v.status', '=', 'draft').where('v.review_comment', 'is not', null)
    .orderBy('v.year', 'desc').orderBy('v.park_id').orderBy('v.id').execute();
  if (!rows.length) return [];
  const indicators = await indicatorsByCode(db);
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.park_id}:${r.year}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const round = openRounds.find((r) => r.year === first.year && r.provinceCode === first.province_code);
    const n = group.length;
    const returned = group.map((r) => {
      const i = indicators.get(r.indicator_code);
      return {
        valueId: r.id, indicatorCode: r.indicator_code, nameZh: i?.nameZh ?? r.indicator_code, nameEn: i?.nameEn ?? r.indicator_code, unit: i?.unit ?? '',
        value: r.value, comment: r.review_comment!, reviewedBy: r.reviewed_by_name, reviewedAt: r.reviewed_at,
      };
    });
    const names = { zh: returned.map((f) => f.nameZh).join('、'), en: returned.map((f) => f.nameEn).join(', ') };
    return {
      kind: 'fix_returned' as const, roundId: round?.id ?? null, year: first.year, parkId: first.park_id!, parkName: first.park_name,
      deadline: round?.deadline ?? null, overdue: round?.overdue ?? false, count: n, returned,
      ...texts({
        zh: `${first.park_name} ${first.year}年有 ${n} 项数据被退回 (${names.zh}), 请修改后重新提交`,
        en: `${first.park_name}: ${n} figure${n > 1 ? 's' : ''} of ${first.year} sent back (${names.en}); fix and submit again`,
      }),
    };
  });
}
