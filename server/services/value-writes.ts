// Every change to a reported figure goes through here: checked (permission, park, indicator, unit,
// plausibility, the version the writer saw), then written all-or-nothing in one transaction with a
// revision per figure and an audit entry. The form, the JSON API and the Excel import all use it.
import { sql, type Kysely, type Transaction } from 'kysely';
import { figureProblems } from '../../shared/figure-checks.ts';
import { formatChinaTime } from '../../shared/format.ts';
import type { Indicator } from '../../shared/indicators.ts';
import { checkFigure, JUMP_FACTOR, relatedIndicators, type PlausibilityProblem, type YearValue } from '../../shared/plausibility.ts';
import { canConvert, convert, isUnit, type Unit } from '../../shared/units.ts';
import type { ValueInputT, ValueProblemT } from '../../shared/schemas.ts';
import type { Database, ValueStatus } from '../db/schema.ts';
import { conflict, DomainError, forbidden, invalid, type Bilingual } from '../errors.ts';
import { audit, type Actor } from './audit.ts';
import { bumpDataVersion, provincesOf } from './data-version.ts';
import { canWritePark, type SessionUser } from './sessions.ts';
import { indicatorsByCode } from './catalog.ts';
import { subjectKey } from './subjects.ts';
import { closedRounds, lockMessages, lockOf, reviewLevelsOf } from './review-levels.ts';
import { yearInChina } from '../clock.ts';

export { JUMP_FACTOR };

export interface PlannedWrite {
  index: number;
  /** The park's id, or null for a region's own total (`regionCode`). */
  parkId: number | null;
  regionCode: string | null;
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

/** How a warning is passed, in the words of the form and API or of the import's columns. */
const CONFIRM_HINT: Record<'form' | 'import', { ask: Bilingual; noteMissing: Bilingual }> = {
  form: {
    ask: { zh: '如确认无误, 请勾选“确认”并填写说明', en: 'if it is right, confirm it with a note' },
    noteMissing: { zh: '已勾选确认, 但还须填写说明', en: 'confirmed, but a note that explains it is needed too' },
  },
  import: {
    ask: { zh: '导入时: 如确认无误, 在“确认”列填“是”, 并在“备注”列说明原因', en: 'to import it: if it is right, write 是 in the 确认 column and explain it in the 备注 column' },
    noteMissing: { zh: '已在“确认”列确认, 但“备注”为空: 请写明原因', en: 'confirmed in the 确认 column, but the 备注 is empty: say why' },
  },
};

export interface PlanOptions {
  /** Whose words the warnings end with: the form's checkbox and note, or the import's columns. */
  confirmHint?: 'form' | 'import';
}

/** Who an item is about, as stored (park:12, region:330000): the key of its figures. */
export function itemSubject(item: Pick<ValueInputT, 'parkId' | 'regionCode'>): string {
  return item.regionCode !== undefined ? subjectKey({ kind: 'region', parkId: null, regionCode: item.regionCode }) : subjectKey({ kind: 'park', parkId: item.parkId ?? null, regionCode: null });
}

/** May this user write a region's own totals (the province's, a city's)? Planners and admins. */
export function canWriteRegion(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'planner';
}

/** Every item names exactly one subject, a park or a region: 400 otherwise, naming the items. */
export function checkSubjects(items: Pick<ValueInputT, 'parkId' | 'regionCode'>[], prefix = ''): void {
  const details = items.flatMap((item, index) => {
    const both = item.parkId !== undefined && item.regionCode !== undefined;
    if (!both && (item.parkId !== undefined || item.regionCode !== undefined)) return [];
    return [{
      path: `${prefix}${index}.${both ? 'regionCode' : 'parkId'}`,
      messages: both
        ? { zh: '园区 (parkId) 与地区 (regionCode) 只能填一个', en: 'give parkId or regionCode, not both' }
        : { zh: '须填写园区 (parkId) 或地区 (regionCode) 之一', en: 'give parkId (a park) or regionCode (a region’s own total)' },
    }];
  });
  if (details.length === 0) return;
  throw invalid('invalid_request', {
    zh: `${details.length} 项数据未说明是哪个园区或地区的: 每项须且只能填写 parkId 或 regionCode 之一`,
    en: `${details.length} item${details.length > 1 ? 's' : ''} must name exactly one of parkId (a park) and regionCode (a region)`,
  }, details);
}

/**
 * Checks a batch without writing anything: every problem with the item's index and field, in
 * Chinese and English, and what would be written. Permission is checked per item too.
 */
export async function planValueWrites(db: Kysely<Database>, user: SessionUser, items: ValueInputT[], status: ValueStatus, now: Date, options: PlanOptions = {}): Promise<WritePlan> {
  const problems: ValueProblemT[] = [];
  // `message` is the Chinese until the HTTP layer sets it to the request's language.
  const problem = (index: number, field: string, code: string, messages: Bilingual, current?: ValueProblemT['current'], extra: Partial<ValueProblemT> = {}) =>
    problems.push({ index, field, code, message: messages.zh, messages, grade: 'error', ...(current ? { current } : {}), ...extra });
  const hint = CONFIRM_HINT[options.confirmHint ?? 'form'];

  checkSubjects(items);
  const parkIds = [...new Set(items.flatMap((i) => (i.parkId !== undefined ? [i.parkId] : [])))];
  const regionCodes = [...new Set(items.flatMap((i) => (i.regionCode !== undefined ? [i.regionCode] : [])))];
  const [parks, regions, indicators, sources] = await Promise.all([
    parkIds.length ? db.selectFrom('parks').select(['id', 'name', 'province_code']).where('id', 'in', parkIds).execute() : [],
    regionCodes.length ? db.selectFrom('regions').select(['code', 'name', 'level']).where('code', 'in', regionCodes).execute() : [],
    indicatorsByCode(db),
    db.selectFrom('sources').select('code').execute(),
  ]);
  const parkName = new Map(parks.map((p) => [p.id, p.name]));
  const region = new Map(regions.map((r) => [r.code, r]));
  const parkProvince = new Map(parks.map((p) => [p.id, p.province_code]));
  const codes = [...new Set(items.map((i) => i.indicator))];
  const years = [...new Set(items.map((i) => i.year))];
  const regionKeys = regionCodes.map((code) => itemSubject({ regionCode: code }));
  // The stored figures of the batch's own years, for versions and what would change; and what the
  // plausibility checks compare with (the subject's other years, its other figures of the same year).
  const storedColumns = ['id', 'subject_key', 'indicator_code', 'year', 'value', 'version', 'status', 'note', 'entered_by_name', 'entered_at', 'reopened_at'] as const;
  const [stored, regionStored, context] = await Promise.all([
    parkIds.length && codes.length ? db.selectFrom('reported_values').select(storedColumns)
      .where('park_id', 'in', parkIds).where('indicator_code', 'in', codes).where('year', 'in', years)
      .execute() : [],
    regionKeys.length && codes.length ? db.selectFrom('reported_values').select(storedColumns)
      .where('subject_key', 'in', regionKeys).where('indicator_code', 'in', codes).where('year', 'in', years)
      .execute() : [],
    plausibilityContext(db, items, parkIds, regionKeys, codes, years, indicators),
  ]);
  const rounds = stored.length ? await closedRounds(db, parks.map((p) => p.province_code), years) : [];
  const storedAt = new Map([...stored, ...regionStored].map((s) => [`${s.subject_key}:${s.indicator_code}:${s.year}`, s]));
  const sourceCodes = new Set(sources.map((s) => s.code));
  const batchAt = new Map<string, number>();
  items.forEach((item, index) => batchAt.set(`${itemSubject(item)}:${item.indicator}:${item.year}`, index));

  const writes: PlannedWrite[] = [];
  const currentYear = yearInChina(now);
  items.forEach((item, index) => {
    const subject = itemSubject(item);
    const key = `${subject}:${item.indicator}:${item.year}`;
    const before = problems.length;
    if (item.regionCode !== undefined) {
      const r = region.get(item.regionCode);
      if (!r) problem(index, 'regionCode', 'unknown_region', { zh: `地区代码 ${item.regionCode} 不存在`, en: `Unknown region ${item.regionCode}` });
      else if (r.level !== 'province' && r.level !== 'city') {
        problem(index, 'regionCode', 'unknown_region', { zh: `“${r.name}”不是省或市: 只能填报省、市的合计数据`, en: `${r.name} is not a province or a city: only their totals are reported` });
      } else if (!canWriteRegion(user)) {
        // The same code as a park the user may not write: the batch is refused with 403.
        problem(index, 'regionCode', 'forbidden_park', { zh: `无权填报“${r.name}”的合计数据: 地区数据由省级规划人员填报`, en: `You may not write the totals of ${r.name}: planners enter a region's figures` });
      }
    } else if (!parkName.has(item.parkId!)) problem(index, 'parkId', 'unknown_park', { zh: `园区 ${item.parkId} 不存在`, en: `Unknown park ${item.parkId}` });
    else if (!canWritePark(user, item.parkId!)) {
      problem(index, 'parkId', 'forbidden_park', { zh: `无权填报“${parkName.get(item.parkId!)}”的数据`, en: `You may not write the figures of ${parkName.get(item.parkId!)}` });
    }
    const indicator = indicators.get(item.indicator);
    if (!indicator) problem(index, 'indicator', 'unknown_indicator', { zh: `指标“${item.indicator}”不存在`, en: `Unknown indicator ${item.indicator}` });
    else if (indicator.kind === 'coverage') {
      problem(index, 'indicator', 'not_reported', { zh: `“${indicator.nameZh}”由园区名录计算, 不需填报`, en: `${indicator.nameEn} is computed from the park register, not reported` });
    }
    if (item.year > currentYear) problem(index, 'year', 'future_year', { zh: `${item.year}年尚未到来, 不能填报`, en: `${item.year} is a future year` });
    if (batchAt.get(key) !== index) {
      problem(index, 'year', 'duplicate', { zh: `同一${item.regionCode !== undefined ? '地区' : '园区'}、指标、年份与第 ${batchAt.get(key)} 项重复`, en: `Same ${item.regionCode !== undefined ? 'region' : 'park'}, indicator and year as item ${batchAt.get(key)}` });
    }
    if (item.sourceCode && !sourceCodes.has(item.sourceCode)) problem(index, 'sourceCode', 'unknown_source', { zh: `来源“${item.sourceCode}”不存在`, en: `Unknown source ${item.sourceCode}` });

    let value = item.value;
    let unitOk = false;
    if (indicator) {
      const unit = item.unit ?? indicator.unit;
      if (!isUnit(unit) || !canConvert(unit, indicator.unit)) {
        problem(index, 'unit', 'wrong_unit', {
          zh: `单位“${unit}”不适用于“${indicator.nameZh}”, 应为 ${indicator.unit} 或可换算的单位`,
          en: `The unit ${unit} does not fit ${indicator.nameEn}: use ${indicator.unit} or a unit that converts to it`,
        });
      } else {
        value = convert(item.value, unit as Unit, indicator.unit);
        unitOk = true;
      }
    }

    // The plausibility checks only for a figure that could otherwise be written (its park, indicator, unit, year).
    const checkable = problems.length === before && !!indicator && unitOk;
    const existing = storedAt.get(key) ?? null;
    if (existing) {
      const current = { value: existing.value, version: existing.version, status: existing.status, enteredBy: existing.entered_by_name, enteredAt: existing.entered_at };
      if (item.version === undefined) {
        problem(index, 'version', 'version_required', {
          zh: `该数据已存在(第${existing.version}版), 修改时须带上所见版本号`,
          en: `The figure exists (version ${existing.version}): send the version you saw to change it`,
        }, current);
      } else if (item.version !== existing.version) {
        problem(index, 'version', 'stale', {
          zh: `该数据已被 ${existing.entered_by_name} 于 ${formatChinaTime(existing.entered_at)} (北京时间) 修改为 ${existing.value}, 请刷新后再改`,
          en: `${existing.entered_by_name} changed it to ${existing.value} at ${formatChinaTime(existing.entered_at)} (China time), since you loaded it: reload and edit again`,
        }, current);
      }
    }
    // An approved figure, or one of a closed round, changes only after a planner reopens it. Sending
    // the stored value again is no change (a re-import), and is let through as unchanged.
    const lock = problems.length === before && existing && lockOf({ status: existing.status, indicator: item.indicator, year: item.year, reopenedAt: existing.reopened_at }, item.parkId !== undefined ? parkProvince.get(item.parkId) ?? null : null, rounds);
    const sameAsLocked = !!lock && !!existing && existing.value === value && (!item.note?.trim() || item.note.trim() === existing.note);
    if (lock && !sameAsLocked) {
      const whose = item.parkId !== undefined ? parkName.get(item.parkId) ?? '' : region.get(item.regionCode!)?.name ?? '';
      const name = indicator ? { zh: `${whose} ${item.year}年“${indicator.nameZh}”`, en: `${indicator.nameEn} ${item.year} of ${whose}` } : { zh: '该数据', en: 'This figure' };
      problem(index, 'value', 'locked', lockMessages(lock, name), {
        value: existing.value, version: existing.version, status: existing.status, enteredBy: existing.entered_by_name, enteredAt: existing.entered_at,
      });
    }
    if (indicator && checkable) {
      // A stored figure sent again unchanged (submitting a draft) passed its checks when it was written.
      const findings = existing && existing.value === value ? figureProblems(indicator, value).map((p): PlausibilityProblem => ({ ...p, grade: 'error' }))
        : checkFigure({ indicator, value, year: item.year, ...context.around(item), indicatorOf: (code) => indicators.get(code) });
      const confirmed = !!item.confirm && !!item.note?.trim();
      for (const p of findings) {
        if (p.grade === 'warning' && confirmed) continue;
        const extra = { grade: p.grade, ...(p.suggestion ? { suggestion: p.suggestion } : {}), ...(p.against ? { against: p.against } : {}) };
        if (p.grade === 'error') problem(index, 'value', p.code, p.messages, undefined, extra);
        else if (item.confirm) problem(index, 'note', p.code, { zh: `${p.messages.zh}; ${hint.noteMissing.zh}`, en: `${p.messages.en}; ${hint.noteMissing.en}` }, undefined, extra);
        else problem(index, 'value', p.code, { zh: `${p.messages.zh}; ${hint.ask.zh}`, en: `${p.messages.en}; ${hint.ask.en}` }, undefined, extra);
      }
    }
    if (problems.length > before) return;
    const note = item.note?.trim() || null;
    writes.push({
      index, parkId: item.parkId ?? null, regionCode: item.regionCode ?? null, indicator: item.indicator, year: item.year, value, note, sourceCode: item.sourceCode ?? null,
      existing: existing && { id: existing.id, value: existing.value, version: existing.version, status: existing.status, note: existing.note },
      unchanged: sameAsLocked || (!!existing && existing.value === value && existing.status === status && (note === null || note === existing.note)),
    });
  });
  return { writes, problems };
}

/** A batch item's value in its indicator's unit, so the checks compare like with like (5000万元 next to 0.6亿元). */
function inIndicatorUnit(item: ValueInputT, indicator: Indicator | undefined): number | undefined {
  if (!indicator) return item.value;
  const unit = item.unit ?? indicator.unit;
  return isUnit(unit) && canConvert(unit, indicator.unit) ? convert(item.value, unit, indicator.unit) : undefined;
}

/**
 * What the plausibility checks compare a batch's figures with: each park's other years of the same
 * indicator (the nearest before and after, whatever the gap) and its figures of the same year of the
 * related indicators (GDP for R&D spending, land area for tax), stored or in the batch (the batch wins).
 */
/** Years either side of a batch's own whose figures are read at once; older ones only for a series with none nearer. */
const NEAR_YEARS = 2;

/**
 * What the checks need of the parks' series: the nearest year before and after each figure, whatever
 * the gap. Read from the index alone (no row lookups): the years near the batch's, any later ones
 * (usually none: the latest year is the one being reported), and the older years only of a series with
 * no figure in reach before the batch's first year — an import of a new year reads two years, not fifteen.
 */
async function parkHistory(db: Kysely<Database>, items: readonly ValueInputT[], parkIds: number[], codes: string[], years: number[]) {
  const first = Math.min(...years);
  const [lo, hi] = [first - NEAR_YEARS, Math.max(...years) + NEAR_YEARS];
  const series = (parks: number[], indicators: string[]) => db.selectFrom('reported_values').select(['park_id', 'indicator_code', 'year', 'value'])
    .where('park_id', 'in', parks).where('indicator_code', 'in', indicators);
  const [near, later] = await Promise.all([
    series(parkIds, codes).where('year', '>=', lo).where('year', '<=', hi).execute(),
    series(parkIds, codes).where('year', '>', hi).execute(),
  ]);
  const reached = new Set(near.filter((r) => r.year < first).map((r) => `${r.park_id}:${r.indicator_code}`));
  const short = items.filter((i) => i.parkId !== undefined && !reached.has(`${i.parkId}:${i.indicator}`));
  if (short.length === 0) return [...near, ...later];
  const older = await series([...new Set(short.map((i) => i.parkId!))], [...new Set(short.map((i) => i.indicator))]).where('year', '<', lo).execute();
  return [...older, ...near, ...later];
}

async function plausibilityContext(db: Kysely<Database>, items: readonly ValueInputT[], parkIds: number[], regionKeys: string[], codes: string[], years: number[], indicators: Map<string, Indicator>) {
  const related = [...new Set(codes.flatMap((c) => relatedIndicators(c, (code) => indicators.get(code))))];
  const none = Promise.resolve([] as { park_id: number | null; subject_key?: string; indicator_code: string; year: number; value: number }[]);
  const [history, relatedRows, regionRows] = await Promise.all([
    parkIds.length && codes.length ? parkHistory(db, items, parkIds, codes, years) : none,
    parkIds.length && related.length ? db.selectFrom('reported_values').select(['park_id', 'indicator_code', 'year', 'value'])
      .where('park_id', 'in', parkIds).where('indicator_code', 'in', related).where('year', 'in', years).execute() : none,
    // A region's own totals: few, read whole.
    regionKeys.length && codes.length ? db.selectFrom('reported_values').select(['park_id', 'subject_key', 'indicator_code', 'year', 'value'])
      .where('subject_key', 'in', regionKeys).where('indicator_code', 'in', [...codes, ...related]).execute() : none,
  ]);
  const valueAt = new Map<string, number>();
  const yearsOf = new Map<string, Map<number, number>>();
  const put = (subject: string, code: string, year: number, value: number) => {
    valueAt.set(`${subject}:${code}:${year}`, value);
    const series = yearsOf.get(`${subject}:${code}`) ?? new Map<number, number>();
    series.set(year, value);
    yearsOf.set(`${subject}:${code}`, series);
  };
  for (const r of [...history, ...relatedRows]) if (r.park_id !== null) put(subjectKey({ kind: 'park', parkId: r.park_id, regionCode: null }), r.indicator_code, r.year, r.value);
  for (const r of regionRows) if (r.subject_key) put(r.subject_key, r.indicator_code, r.year, r.value);
  for (const item of items) {
    const v = inIndicatorUnit(item, indicators.get(item.indicator));
    if (v !== undefined && Number.isFinite(v)) put(itemSubject(item), item.indicator, item.year, v);
  }
  return {
    around(item: ValueInputT): { history: YearValue[]; sameYear: Record<string, number>; subject: 'park' | 'region' } {
      const subject = itemSubject(item);
      const series = yearsOf.get(`${subject}:${item.indicator}`) ?? new Map<number, number>();
      const sameYear: Record<string, number> = {};
      for (const code of relatedIndicators(item.indicator, (c) => indicators.get(c))) {
        const v = valueAt.get(`${subject}:${code}:${item.year}`);
        if (v !== undefined) sameYear[code] = v;
      }
      return { history: [...series].filter(([year]) => year !== item.year).map(([year, value]) => ({ year, value })), sameYear, subject: item.regionCode !== undefined ? 'region' : 'park' };
    },
  };
}

/** Refuses the whole batch when anything is wrong: 403 for another park, 409 for a newer version, else 422. */
export function throwIfProblems(plan: WritePlan): void {
  if (plan.problems.length === 0) return;
  const codes = new Set(plan.problems.map((p) => p.code));
  const n = plan.problems.length;
  const [kind, code, messages]: [DomainError['kind'], string, Bilingual] = codes.has('forbidden_park')
    ? ['forbidden', 'forbidden', { zh: '无权填报其中部分园区的数据, 未写入任何数据', en: 'You may not write the figures of some of these parks; nothing was written' }]
    : codes.has('locked')
      ? ['conflict', 'locked', plan.problems.length === 1 ? plan.problems.find((p) => p.code === 'locked')!.messages! : {
        zh: `${plan.problems.filter((p) => p.code === 'locked').length} 项数据已审核通过或所属填报轮次已关闭, 已锁定, 未写入任何数据: 如需修改, 请联系省级规划人员说明原因并重新开放`,
        en: `${plan.problems.filter((p) => p.code === 'locked').length} figures are locked (approved, or in a closed round); nothing was written: ask a planner to reopen them with a reason`,
      }]
    : codes.has('stale') || codes.has('version_required')
      ? ['conflict', 'conflict', { zh: '部分数据已被他人修改或需带版本号, 未写入任何数据', en: 'Some figures changed since you loaded them or need their version; nothing was written' }]
      : ['checks_failed', 'invalid_values', { zh: `${n} 处数据未通过校验, 未写入任何数据`, en: `${n} figure${n > 1 ? 's' : ''} failed the checks; nothing was written` }];
  throw new DomainError(kind, code, messages, {
    details: plan.problems.map((p) => ({ path: `${p.index}.${p.field}`, messages: p.messages ?? { zh: p.message, en: p.message } })),
    extra: { problems: plan.problems },
  });
}

export interface AppliedWrite {
  id: number;
  parkId: number | null;
  regionCode: string | null;
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
  const keyOf = (subject: string, indicator: string, year: number) => `${subject}:${indicator}:${year}`;
  const subjectOf = (w: PlannedWrite) => subjectKey(w.regionCode !== null ? { kind: 'region', parkId: null, regionCode: w.regionCode } : { kind: 'park', parkId: w.parkId, regionCode: null });
  const written = new Map<PlannedWrite, AppliedWrite>();

  for (const w of plan.writes) {
    if (!w.unchanged && w.existing) {
      // The version in the WHERE makes a concurrent writer that slipped in since the check lose, not overwrite.
      const result = await trx.updateTable('reported_values').set({
        value: w.value, status, note: noteOf(w), version: w.existing.version + 1, entered_by: actor.userId, entered_by_name: actor.username, entered_at: at, updated_at: at,
        ...(w.sourceCode ? { source_code: w.sourceCode } : {}), review_comment: null, reviewed_by_name: null, reviewed_at: null,
      }).where('id', '=', w.existing.id).where('version', '=', w.existing.version).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw conflict('conflict', { zh: '数据刚被他人修改, 未写入任何数据', en: 'A figure was changed by someone else just now; nothing was written' });
      }
      written.set(w, { id: w.existing.id, parkId: w.parkId, regionCode: w.regionCode, indicator: w.indicator, year: w.year, value: w.value, status, version: w.existing.version + 1, changed: true });
    } else if (w.unchanged) {
      written.set(w, { id: w.existing!.id, parkId: w.parkId, regionCode: w.regionCode, indicator: w.indicator, year: w.year, value: w.value, status, version: w.existing!.version, changed: false });
    }
  }

  const inserts = plan.writes.filter((w) => !w.unchanged && !w.existing);
  const insertedId = new Map<string, number>();
  await insertChunked(inserts, async (chunk) => {
    const rows = await trx.insertInto('reported_values').values(chunk.map((w) => ({
      subject_key: subjectOf(w), park_id: w.parkId, region_code: w.regionCode,
      indicator_code: w.indicator, year: w.year, value: w.value, status, note: noteOf(w), source_code: w.sourceCode,
      entered_by: actor.userId, entered_by_name: actor.username, entered_at: at, updated_at: at,
    }))).returning(['id', 'subject_key', 'indicator_code', 'year']).execute();
    // Ids by key, not by position: neither database promises RETURNING in VALUES order.
    for (const r of rows) insertedId.set(keyOf(r.subject_key, r.indicator_code, r.year), r.id);
  });
  for (const w of inserts) {
    const id = insertedId.get(keyOf(subjectOf(w), w.indicator, w.year))!;
    written.set(w, { id, parkId: w.parkId, regionCode: w.regionCode, indicator: w.indicator, year: w.year, value: w.value, status, version: 1, changed: true });
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
    await bumpDataVersion(trx, { kind: 'province', provinces: await provincesOf(trx, { parkIds: changed.flatMap((w) => (w.parkId === null ? [] : [w.parkId])), regionCodes: changed.map((w) => w.regionCode) }) });
    await audit(trx, actor, now, status === 'submitted' ? 'submit_values' : 'save_values', 'reported_values', null, {
      via, reason, count: changed.length, ...auditDetail,
      values: changed.slice(0, 200).map((w) => ({ id: w.id, ...(w.regionCode !== null ? { regionCode: w.regionCode } : { parkId: w.parkId }), indicator: w.indicator, year: w.year, value: w.value, version: w.version })),
    });
  }
  return out;
}

/** What a write of these figures would answer, writing nothing: the form's live check. */
export async function checkValues(db: Kysely<Database>, user: SessionUser, items: ValueInputT[], status: 'draft' | 'submitted', now: Date): Promise<ValueProblemT[]> {
  return (await planValueWrites(db, user, items, status, now)).problems;
}

export async function writeValues(db: Kysely<Database>, user: SessionUser, items: ValueInputT[], status: 'draft' | 'submitted', actor: Actor, now: Date, reason: string | null): Promise<AppliedWrite[]> {
  const plan = await planValueWrites(db, user, items, status, now);
  throwIfProblems(plan);
  return db.transaction().execute((trx) => applyValueWrites(trx, plan, status, actor, now, reason, 'api'));
}

// --- review ---------------------------------------------------------------------------------------

/**
 * Approves or sends back submitted figures. In a province reviewing in two levels, a city reviewer
 * approves its cities' parks' submitted figures first (they become city_approved), and planners then
 * approve what the city approved; in one level, planners approve what was submitted. Only the last
 * level's approval makes a figure count (approved_value) and locks it. Sending back works at either
 * level and needs a comment.
 */
export async function reviewValues(db: Kysely<Database>, user: SessionUser, items: { id: number; version: number }[], action: 'approve' | 'return', comment: string | null, actor: Actor, now: Date): Promise<AppliedWrite[]> {
  if (action === 'return' && !comment) {
    throw invalid('invalid_request', { zh: '退回时请填写原因', en: 'Say why when sending figures back: a comment is required' },
      [{ path: 'comment', messages: { zh: '退回时必填', en: 'required to send figures back' } }]);
  }
  const at = now.toISOString();
  const isCity = user.role === 'city_reviewer';
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('reported_values as v').leftJoin('parks as p', 'p.id', 'v.park_id')
      .selectAll('v').select(['p.name as park_name', 'p.city_code', 'p.province_code'])
      .where('v.id', 'in', items.map((i) => i.id)).execute();
    const levels = await reviewLevelsOf(trx, rows.flatMap((r) => (r.province_code ? [r.province_code] : [])));
    // A city reviewer reviews only its own cities' parks: anything else refuses the whole batch.
    if (isCity) {
      const foreign = rows.filter((r) => r.city_code === null || !user.cityCodes.includes(r.city_code));
      if (foreign.length) {
        const names = [...new Set(foreign.map((r) => r.park_name ?? r.region_code ?? String(r.id)))].join('、');
        throw forbidden('forbidden_city', {
          zh: `无权审核“${names}”的数据: 市级审核员只能审核所辖城市园区的数据, 未做任何更改`,
          en: `You may not review the figures of ${names}: a city reviewer reviews only the parks of its own cities; nothing was changed`,
        });
      }
    }
    const problems = items.flatMap((item, index) => {
      const row = rows.find((r) => r.id === item.id);
      if (!row) return [{ path: `${index}.id`, messages: { zh: `数据 ${item.id} 不存在`, en: `Unknown figure ${item.id}` } }];
      if (row.version !== item.version) {
        return [{ path: `${index}.version`, messages: { zh: `数据已被 ${row.entered_by_name} 修改为第${row.version}版`, en: `${row.entered_by_name} changed it since you loaded it (now version ${row.version})` } }];
      }
      const twoLevels = row.province_code !== null && levels.get(row.province_code) === 2;
      const who = row.park_name ?? row.region_code ?? '';
      if (isCity && !twoLevels) {
        return [{ path: `${index}.id`, messages: { zh: `“${who}”所在省份实行一级审核, 由省级规划人员审核`, en: `The province of ${who} reviews in one level: planners review its figures` } }];
      }
      const reviewable: ValueStatus[] = isCity ? ['submitted'] : action === 'return' ? ['submitted', 'city_approved'] : twoLevels ? ['city_approved'] : ['submitted', 'city_approved'];
      if (!reviewable.includes(row.status)) {
        if (!isCity && twoLevels && action === 'approve' && row.status === 'submitted') {
          return [{ path: `${index}.status`, messages: { zh: `“${who}”的数据尚未经市级审核通过: 该省实行两级审核, 请等待市级审核`, en: `${who}: the city has not approved this figure yet (the province reviews in two levels)` } }];
        }
        return [{ path: `${index}.status`, messages: { zh: `只能审核待审核的数据, 当前为“${STATUS_ZH[row.status]}”`, en: `Only figures waiting for review can be reviewed; this one is ${STATUS_EN[row.status]}` } }];
      }
      return [];
    });
    if (problems.length) {
      const stale = problems.some((p) => p.path.endsWith('.version'));
      const n = problems.length;
      throw new DomainError(stale ? 'conflict' : 'checks_failed', stale ? 'conflict' : 'invalid_values',
        n === 1 ? problems[0]!.messages : { zh: `${n} 条数据无法审核, 未做任何更改`, en: `${n} figures cannot be reviewed; nothing was changed` }, { details: problems });
    }
    const out: AppliedWrite[] = [];
    for (const row of rows) {
      const status: ValueStatus = action === 'return' ? 'draft' : isCity ? 'city_approved' : 'approved';
      const final = status === 'approved';
      await trx.updateTable('reported_values').set({
        status, version: row.version + 1, review_comment: comment,
        ...(final ? { approved_value: row.value, reopened_at: null } : {}), reviewed_by_name: actor.username, reviewed_at: at, updated_at: at,
      }).where('id', '=', row.id).where('version', '=', row.version).execute();
      await trx.insertInto('value_revisions').values({
        value_id: row.id, version: row.version + 1, old_value: row.value, new_value: row.value, old_status: row.status, new_status: status,
        note: row.note, source_code: row.source_code, reason: comment ?? (status === 'approved' ? '审核通过' : status === 'city_approved' ? '市级审核通过' : null),
        changed_by: actor.userId, changed_by_name: actor.username, changed_at: at,
      }).execute();
      out.push({ id: row.id, parkId: row.park_id, regionCode: row.subject_key.startsWith('region:') ? row.region_code : null, indicator: row.indicator_code, year: row.year, value: row.value, status, version: row.version + 1, changed: true });
    }
    await bumpDataVersion(trx, { kind: 'province', provinces: await provincesOf(trx, { parkIds: rows.flatMap((r) => (r.park_id === null ? [] : [r.park_id])), regionCodes: rows.map((r) => r.region_code) }) });
    const auditAction = action === 'return' ? (isCity ? 'city_return_values' : 'return_values') : isCity ? 'city_approve_values' : 'approve_values';
    await audit(trx, actor, now, auditAction, 'reported_values', null, { comment, ids: rows.map((r) => r.id), level: isCity ? 'city' : 'province' });
    return out;
  });
}

const STATUS_ZH: Record<ValueStatus, string> = { draft: '草稿', submitted: '已提交', city_approved: '市级已通过', approved: '已通过' };
const STATUS_EN: Record<ValueStatus, string> = { draft: 'a draft', submitted: 'submitted', city_approved: 'approved by the city', approved: 'approved' };

export async function valueHistory(db: Kysely<Database>, valueId: number) {
  const rows = await db.selectFrom('value_revisions').selectAll().where('value_id', '=', valueId).orderBy('version').execute();
  return rows.map((r) => ({
    version: r.version, oldValue: r.old_value, newValue: r.new_value, oldStatus: r.old_status, newStatus: r.new_status,
    note: r.note, reason: r.reason, source: r.source_code, changedBy: r.changed_by_name, changedAt: r.changed_at,
  }));
}
