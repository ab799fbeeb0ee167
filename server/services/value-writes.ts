// Every change to a reported figure goes through here: checked (permission, park, indicator, unit,
// plausibility, the version the writer saw), then written all-or-nothing in one transaction with a
// revision per figure and an audit entry. The form, the JSON API and the Excel import all use it.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Indicator } from '../../shared/indicators.ts';
import { canConvert, convert, isUnit, type Unit } from '../../shared/units.ts';
import type { ValueInputT, ValueProblemT } from '../../shared/schemas.ts';
import type { Database, ValueStatus } from '../db/schema.ts';
import { ApiError } from '../http.ts';
import { audit, type Actor } from './audit.ts';
import { bumpDataVersion, provincesOf } from './data-version.ts';
import { canWritePark, type SessionUser } from './auth.ts';
import { indicatorsByCode } from './catalog.ts';
import { subjectKey } from './subjects.ts';

/** A figure more than this many times (or less than 1/this of) the year before is flagged: 万元 vs 亿元. */
export const JUMP_FACTOR = 5;

export interface PlannedWrite {
  index: number;
  parkId: number;
  indicator: string;
  year: number;
  value: number;
  note: string | null;
  sourceCode: string | null;
  existing: { id: number; value: number; version: number; status: ValueStatus; note: string | null } | null;
  /** Nothing to write: the same value, note and status are already stored. */
  unchanged: boolean;
}

export interface WritePlan {
  writes: PlannedWrite[];
  problems: ValueProblemT[];
}

const jumpMessage = (value: number, other: number, year: number) =>
  `${value} 与${year}年的 ${other} 相差超过${JUMP_FACTOR}倍, 可能是单位错误(万元/亿元); 如确认无误请勾选确认并填写说明 (differs more than ×${JUMP_FACTOR} from ${year}: confirm with a note)`;

/**
 * Checks a batch without writing anything: every problem with the item's index and field, in
 * Chinese and English, and what would be written. Permission is checked per item too.
 */
export async function planValueWrites(db: Kysely<Database>, user: SessionUser, items: ValueInputT[], status: ValueStatus, now: Date): Promise<WritePlan> {
  const problems: ValueProblemT[] = [];
  const problem = (index: number, field: string, code: string, message: string, current?: ValueProblemT['current']) =>
    problems.push({ index, field, code, message, ...(current ? { current } : {}) });

  const parkIds = [...new Set(items.map((i) => i.parkId))];
  const [parks, indicators, sources] = await Promise.all([
    parkIds.length ? db.selectFrom('parks').select(['id', 'name']).where('id', 'in', parkIds).execute() : [],
    indicatorsByCode(db),
    db.selectFrom('sources').select('code').execute(),
  ]);
  const parkName = new Map(parks.map((p) => [p.id, p.name]));
  const codes = [...new Set(items.map((i) => i.indicator))];
  const years = [...new Set(items.map((i) => i.year))];
  const neighbourYears = [...new Set(items.flatMap((i) => [i.year - 1, i.year + 1]))].filter((y) => !years.includes(y));
  const some = parkIds.length > 0 && codes.length > 0;
  // The stored figures of the batch's own years, for versions and what would change; and the
  // neighbouring years' values for the jump check (read from the index alone: no row lookups).
  const [stored, neighbours] = await Promise.all([
    some ? db.selectFrom('reported_values')
      .select(['id', 'park_id', 'indicator_code', 'year', 'value', 'version', 'status', 'note', 'entered_by_name', 'entered_at'])
      .where('park_id', 'in', parkIds).where('indicator_code', 'in', codes).where('year', 'in', years)
      .execute() : [],
    some && neighbourYears.length ? db.selectFrom('reported_values')
      .select(['park_id', 'indicator_code', 'year', 'value'])
      .where('park_id', 'in', parkIds).where('indicator_code', 'in', codes).where('year', 'in', neighbourYears)
      .execute() : [],
  ]);
  const storedAt = new Map(stored.map((s) => [`${s.park_id}:${s.indicator_code}:${s.year}`, s]));
  const storedValueAt = new Map<string, number>([...neighbours, ...stored].map((s) => [`${s.park_id}:${s.indicator_code}:${s.year}`, s.value]));
  const sourceCodes = new Set(sources.map((s) => s.code));
  const batchAt = new Map<string, number>();
  items.forEach((item, index) => batchAt.set(`${item.parkId}:${item.indicator}:${item.year}`, index));

  const writes: PlannedWrite[] = [];
  const currentYear = now.getUTCFullYear();
  items.forEach((item, index) => {
    const key = `${item.parkId}:${item.indicator}:${item.year}`;
    const before = problems.length;
    if (!parkName.has(item.parkId)) problem(index, 'parkId', 'unknown_park', `园区 ${item.parkId} 不存在 (unknown park)`);
    else if (!canWritePark(user, item.parkId)) problem(index, 'parkId', 'forbidden_park', `无权填报“${parkName.get(item.parkId)}”的数据 (you may not write this park's figures)`);
    const indicator = indicators.get(item.indicator);
    if (!indicator) problem(index, 'indicator', 'unknown_indicator', `指标“${item.indicator}”不存在 (unknown indicator)`);
    else if (indicator.kind === 'coverage') problem(index, 'indicator', 'not_reported', `“${indicator.nameZh}”由园区名录计算, 不需填报 (computed from the park register)`);
    if (item.year > currentYear) problem(index, 'year', 'future_year', `${item.year}年尚未到来, 不能填报 (a future year)`);
    if (batchAt.get(key) !== index) problem(index, 'year', 'duplicate', `同一园区、指标、年份重复出现 (duplicate of item ${batchAt.get(key)})`);
    if (item.sourceCode && !sourceCodes.has(item.sourceCode)) problem(index, 'sourceCode', 'unknown_source', `来源“${item.sourceCode}”不存在 (unknown source)`);

    let value = item.value;
    if (indicator) {
      const unit = item.unit ?? indicator.unit;
      if (!isUnit(unit) || !canConvert(unit, indicator.unit)) {
        problem(index, 'unit', 'wrong_unit', `单位“${unit}”不适用于“${indicator.nameZh}”, 应为 ${indicator.unit} 或可换算的单位 (wrong unit)`);
      } else {
        value = convert(item.value, unit as Unit, indicator.unit);
      }
      if (value < 0) problem(index, 'value', 'negative', `“${indicator.nameZh}”不能为负数 (must not be negative)`);
      if ((indicator.kind === 'count' || indicator.kind === 'rank') && !Number.isInteger(value)) problem(index, 'value', 'not_integer', `“${indicator.nameZh}”应为整数 (must be a whole number)`);
      if (indicator.kind === 'rank' && value < 1) problem(index, 'value', 'rank_below_one', '排名从1开始 (ranks start at 1)');
      if ((indicator.kind === 'percent' || indicator.kind === 'share') && value > 100) problem(index, 'value', 'over_100', `“${indicator.nameZh}”不能超过100% (a share over 100%)`);
    }

    const existing = storedAt.get(key) ?? null;
    if (existing) {
      const current = { value: existing.value, version: existing.version, status: existing.status, enteredBy: existing.entered_by_name, enteredAt: existing.entered_at };
      if (item.version === undefined) problem(index, 'version', 'version_required', `该数据已存在(第${existing.version}版), 修改时须带上所见版本号 (the figure exists: send the version you saw)`, current);
      else if (item.version !== existing.version) problem(index, 'version', 'stale', `该数据已被 ${existing.entered_by_name} 于 ${existing.entered_at} 修改为 ${existing.value}, 请刷新后再改 (changed by someone else since you loaded it)`, current);
    }
    // Against the neighbouring years (stored, or in this batch): the year before, else the year after.
    const neighbour = (year: number) => {
      const i = batchAt.get(`${item.parkId}:${item.indicator}:${year}`);
      if (i !== undefined) return { year, value: inIndicatorUnit(items[i]!, indicator) };
      const storedValue = storedValueAt.get(`${item.parkId}:${item.indicator}:${year}`);
      return storedValue !== undefined ? { year, value: storedValue } : undefined;
    };
    const other = neighbour(item.year - 1) ?? neighbour(item.year + 1);
    if (other && other.value !== undefined && other.value > 0 && value > 0 && (value / other.value >= JUMP_FACTOR || other.value / value >= JUMP_FACTOR)
      && !(item.confirm && item.note?.trim())) {
      problem(index, 'value', 'implausible_jump', jumpMessage(value, other.value, other.year));
    }
    if (problems.length > before) return;
    const note = item.note?.trim() || null;
    writes.push({
      index, parkId: item.parkId, indicator: item.indicator, year: item.year, value, note, sourceCode: item.sourceCode ?? null,
      existing: existing && { id: existing.id, value: existing.value, version: existing.version, status: existing.status, note: existing.note },
      unchanged: !!existing && existing.value === value && existing.status === status && (note === null || note === existing.note),
    });
  });
  return { writes, problems };
}

/** A batch item's value in its indicator's unit, so the jump check compares like with like (5000万元 next to 0.6亿元). */
function inIndicatorUnit(item: ValueInputT, indicator: Indicator | undefined): number | undefined {
  if (!indicator) return item.value;
  const unit = item.unit ?? indicator.unit;
  return isUnit(unit) && canConvert(unit, indicator.unit) ? convert(item.value, unit, indicator.unit) : undefined;
}

/** Refuses the whole batch when anything is wrong: 403 for another park, 409 for a newer version, else 422. */
export function throwIfProblems(plan: WritePlan): void {
  if (plan.problems.length === 0) return;
  const codes = new Set(plan.problems.map((p) => p.code));
  const [status, code, message]: [403 | 409 | 422, string, string] = codes.has('forbidden_park')
    ? [403, 'forbidden', '无权填报其中部分园区的数据, 未写入任何数据 (not allowed for some parks; nothing was written)']
    : codes.has('stale') || codes.has('version_required')
      ? [409, 'conflict', '部分数据已被他人修改或需带版本号, 未写入任何数据 (a newer version exists; nothing was written)']
      : [422, 'invalid_values', `${plan.problems.length} 处数据未通过校验, 未写入任何数据 (figures failed the checks; nothing was written)`];
  throw new ApiError(status, code, message, plan.problems.map((p) => ({ path: `${p.index}.${p.field}`, message: p.message })), { problems: plan.problems });
}

export interface AppliedWrite {
  id: number;
  parkId: number;
  indicator: string;
  year: number;
  value: number;
  status: ValueStatus;
  version: number;
  changed: boolean;
}

/** Rows per multi-row INSERT: 13 columns × 500 stays far below SQLite's 32766 bound parameters (and PostgreSQL's 65535). */
const INSERT_CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insert(rows.slice(i, i + INSERT_CHUNK));
}

/**
 * Writes a checked plan inside the caller's transaction: values, one revision each, one audit entry.
 * New figures and revisions go in multi-row statements (an import brings thousands at once); each
 * changed figure is one UPDATE that names the version it was checked at.
 * `auditDetail` adds to the audit entry (the import names its file).
 */
export async function applyValueWrites(trx: Transaction<Database>, plan: WritePlan, status: ValueStatus, actor: Actor, now: Date, reason: string | null, via: string, auditDetail?: Record<string, unknown>): Promise<AppliedWrite[]> {
  const at = now.toISOString();
  const noteOf = (w: PlannedWrite) => w.note ?? w.existing?.note ?? null;
  const keyOf = (parkId: number | null, indicator: string, year: number) => `${parkId}:${indicator}:${year}`;
  const written = new Map<PlannedWrite, AppliedWrite>();

  for (const w of plan.writes) {
    if (!w.unchanged && w.existing) {
      // The version in the WHERE makes a concurrent writer that slipped in since the check lose, not overwrite.
      const result = await trx.updateTable('reported_values').set({
        value: w.value, status, note: noteOf(w), version: w.existing.version + 1, entered_by: actor.userId, entered_by_name: actor.username, entered_at: at, updated_at: at,
        ...(w.sourceCode ? { source_code: w.sourceCode } : {}), review_comment: null, reviewed_by_name: null, reviewed_at: null,
      }).where('id', '=', w.existing.id).where('version', '=', w.existing.version).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new ApiError(409, 'conflict', '数据刚被他人修改, 未写入任何数据 (changed concurrently; nothing was written)');
      }
      written.set(w, { id: w.existing.id, parkId: w.parkId, indicator: w.indicator, year: w.year, value: w.value, status, version: w.existing.version + 1, changed: true });
    } else if (w.unchanged) {
      written.set(w, { id: w.existing!.id, parkId: w.parkId, indicator: w.indicator, year: w.year, value: w.value, status, version: w.existing!.version, changed: false });
    }
  }

  const inserts = plan.writes.filter((w) => !w.unchanged && !w.existing);
  const insertedId = new Map<string, number>();
  await insertChunked(inserts, async (chunk) => {
    const rows = await trx.insertInto('reported_values').values(chunk.map((w) => ({
      subject_key: subjectKey({ kind: 'park', parkId: w.parkId, regionCode: null }), park_id: w.parkId, region_code: null,
      indicator_code: w.indicator, year: w.year, value: w.value, status, note: noteOf(w), source_code: w.sourceCode,
      entered_by: actor.userId, entered_by_name: actor.username, entered_at: at, updated_at: at,
    }))).returning(['id', 'park_id', 'indicator_code', 'year']).execute();
    // Ids by key, not by position: neither database promises RETURNING in VALUES order.
    for (const r of rows) insertedId.set(keyOf(r.park_id, r.indicator_code, r.year), r.id);
  });
  for (const w of inserts) {
    const id = insertedId.get(keyOf(w.parkId, w.indicator, w.year))!;
    written.set(w, { id, parkId: w.parkId, indicator: w.indicator, year: w.year, value: w.value, status, version: 1, changed: true });
  }

  // A new figure's first revision is the row just inserted: copied in SQL, one id a row instead of
  // twelve bound values (an import's revisions went 3–8× faster).
  await insertChunked(inserts.map((w) => written.get(w)!.id), (ids) => trx.insertInto('value_revisions')
    .columns(['value_id', 'version', 'old_value', 'new_value', 'old_status', 'new_status', 'note', 'source_code', 'reason', 'changed_by', 'changed_by_name', 'changed_at'])
    .expression((eb) => eb.selectFrom('reported_values').select([
      'id', sql<number>`1`.as('version'), sql<null>`null`.as('old_value'), 'value', sql<null>`null`.as('old_status'), 'status', 'note', 'source_code',
      sql<string | null>`cast(${reason} as text)`.as('reason'), 'entered_by', 'entered_by_name', 'entered_at',
    ]).where('id', 'in', ids))
    .execute());
  const updated = plan.writes.filter((w) => !w.unchanged && w.existing);
  await insertChunked(updated, (chunk) => trx.insertInto('value_revisions').values(chunk.map((w) => ({
    value_id: written.get(w)!.id, version: written.get(w)!.version, old_value: w.existing!.value, new_value: w.value, old_status: w.existing!.status, new_status: status,
    note: noteOf(w), source_code: w.sourceCode, reason, changed_by: actor.userId, changed_by_name: actor.username, changed_at: at,
  }))).execute());

  const out = plan.writes.map((w) => written.get(w)!);
  const changed = out.filter((w) => w.changed);
  if (changed.length) {
    await bumpDataVersion(trx, { kind: 'province', provinces: await provincesOf(trx, { parkIds: changed.map((w) => w.parkId) }) });
    await audit(trx, actor, now, status === 'submitted' ? 'submit_values' : 'save_values', 'reported_values', null, {
      via, reason, count: changed.length, ...auditDetail,
      values: changed.slice(0, 200).map((w) => ({ id: w.id, parkId: w.parkId, indicator: w.indicator, year: w.year, value: w.value, version: w.version })),
    });
  }
  return out;
}

export async function writeValues(db: Kysely<Database>, user: SessionUser, items: ValueInputT[], status: 'draft' | 'submitted', actor: Actor, now: Date, reason: string | null): Promise<AppliedWrite[]> {
  const plan = await planValueWrites(db, user, items, status, now);
  throwIfProblems(plan);
  return db.transaction().execute((trx) => applyValueWrites(trx, plan, status, actor, now, reason, 'api'));
}

// --- review ---------------------------------------------------------------------------------------

export async function reviewValues(db: Kysely<Database>, items: { id: number; version: number }[], action: 'approve' | 'return', comment: string | null, actor: Actor, now: Date): Promise<AppliedWrite[]> {
  if (action === 'return' && !comment) {
    throw new ApiError(400, 'invalid_request', '退回时请填写原因 (a comment is required to send figures back)', [{ path: 'comment', message: 'required' }]);
  }
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('reported_values').selectAll().where('id', 'in', items.map((i) => i.id)).execute();
    const problems = items.flatMap((item, index) => {
      const row = rows.find((r) => r.id === item.id);
      if (!row) return [{ path: `${index}.id`, message: `数据 ${item.id} 不存在 (unknown value)` }];
      if (row.version !== item.version) return [{ path: `${index}.version`, message: `数据已被 ${row.entered_by_name} 修改为第${row.version}版 (changed since you loaded it)` }];
      if (row.status !== 'submitted') return [{ path: `${index}.status`, message: `只能审核已提交的数据, 当前为 ${row.status} (only submitted figures can be reviewed)` }];
      return [];
    });
    if (problems.length) {
      const stale = problems.some((p) => p.path.endsWith('.version'));
      throw new ApiError(stale ? 409 : 422, stale ? 'conflict' : 'invalid_values', `${problems.length} 条数据无法审核, 未做任何更改 (nothing was changed)`, problems);
    }
    const status: ValueStatus = action === 'approve' ? 'approved' : 'draft';
    const out: AppliedWrite[] = [];
    for (const row of rows) {
      await trx.updateTable('reported_values').set({
        status, version: row.version + 1, review_comment: comment,
        ...(action === 'approve' ? { approved_value: row.value } : {}), reviewed_by_name: actor.username, reviewed_at: at, updated_at: at,
      }).where('id', '=', row.id).where('version', '=', row.version).execute();
      await trx.insertInto('value_revisions').values({
        value_id: row.id, version: row.version + 1, old_value: row.value, new_value: row.value, old_status: row.status, new_status: status,
        note: row.note, source_code: row.source_code, reason: comment ?? (action === 'approve' ? '审核通过' : null),
        changed_by: actor.userId, changed_by_name: actor.username, changed_at: at,
      }).execute();
      out.push({ id: row.id, parkId: row.park_id!, indicator: row.indicator_code, year: row.year, value: row.value, status, version: row.version + 1, changed: true });
    }
    await bumpDataVersion(trx, { kind: 'province', provinces: await provincesOf(trx, { parkIds: rows.flatMap((r) => (r.park_id === null ? [] : [r.park_id])), regionCodes: rows.map((r) => r.region_code) }) });
    await audit(trx, actor, now, action === 'approve' ? 'approve_values' : 'return_values', 'reported_values', null, { comment, ids: rows.map((r) => r.id) });
    return out;
  });
}

export async function valueHistory(db: Kysely<Database>, valueId: number) {
  const rows = await db.selectFrom('value_revisions').selectAll().where('value_id', '=', valueId).orderBy('version').execute();
  return rows.map((r) => ({
    version: r.version, oldValue: r.old_value, newValue: r.new_value, oldStatus: r.old_status, newStatus: r.new_status,
    note: r.note, reason: r.reason, source: r.source_code, changedBy: r.changed_by_name, changedAt: r.changed_at,
  }));
}
