// Plans and their targets: create, edit with the version the writer saw, and keep every change of a
// target (its whole before and after) in target_revisions. As with figures, everything is checked
// first, each problem with its item and field in Chinese and English; then one transaction writes the
// rows, their history and an audit entry. A batch of targets is written all or nothing.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Indicator } from '../../shared/indicators.ts';
import { DEFAULT_TOLERANCE } from '../../shared/progress.ts';
import type { CreatePlanBody, CreateTargetsBody, TargetInputT, TargetProblemT, UpdatePlanBody, UpdateTargetBody } from '../../shared/schemas.ts';
import { checkTargetValues, ruleMessage } from '../../shared/target-rules.ts';
import type { Database, ParkLevel, PlansTable, TargetScope, TargetsTable } from '../db/schema.ts';
import { ApiError } from '../http.ts';
import { audit, type Actor } from './audit.ts';
import { indicatorsByCode } from './catalog.ts';
import { bumpDataVersion } from './data-version.ts';

type PlanRow = Pick<PlansTable, 'code' | 'region_code' | 'document_text'> & { id: number | null };
type TargetColumns = Omit<TargetsTable, 'id' | 'version' | 'created_at' | 'updated_at' | 'plan_id'>;

/** A target as its history keeps it: every field a planner can change, the region set included. */
export interface TargetSnapshot {
  code: string;
  planId: number;
  indicator: string;
  scope: TargetScope;
  parkId: number | null;
  regionCode: string | null;
  parkLevel: ParkLevel | null;
  subjectLabel: string;
  regionSetLabel: string | null;
  regionCodes: string[];
  comparator: string;
  targetValue: number | null;
  tolerance: number | null;
  unit: string;
  targetYear: number;
  baselineYear: number | null;
  baselineValue: number | null;
  stretchValue: number | null;
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  quoteLocation: string | null;
  note: string | null;
  supersedesId: number | null;
}

function snapshot(planId: number, row: TargetColumns, regionCodes: string[]): TargetSnapshot {
  return {
    code: row.code, planId, indicator: row.indicator_code, scope: row.scope, parkId: row.park_id, regionCode: row.region_code,
    parkLevel: row.park_level, subjectLabel: row.subject_label, regionSetLabel: row.region_set_label, regionCodes: [...regionCodes].sort(),
    comparator: row.comparator, targetValue: row.target_value, tolerance: row.tolerance, unit: row.unit, targetYear: row.target_year,
    baselineYear: row.baseline_year, baselineValue: row.baseline_value, stretchValue: row.stretch_value ?? null, quote: row.quote, quoteStart: row.quote_start, quoteEnd: row.quote_end,
    quoteLocation: row.quote_location, note: row.note, supersedesId: row.supersedes_id,
  };
}

const LEVEL_ZH: Record<ParkLevel, string> = { national: '国家', provincial: '省级', other: '其他' };

interface CheckItem {
  index: number | null;
  input: TargetInputT;
  /** The units the target and baseline values are given in (an edit keeps stored values in the indicator's unit). */
  units: { target: string | undefined; baseline: string | undefined };
  /** The target being edited: it may keep its own code and successor. */
  selfId?: number;
}

interface CheckedTarget {
  index: number | null;
  columns: TargetColumns;
  regionCodes: string[];
  extraction: TargetInputT['extraction'];
}

/**
 * Checks targets against the catalogue, the park register, the regions, the plan's text and the other
 * horizons, without writing anything. Codes left out are made from the plan's code.
 */
async function checkTargets(db: Kysely<Database>, plan: PlanRow, items: CheckItem[]): Promise<{ checked: CheckedTarget[]; problems: TargetProblemT[] }> {
  const problems: TargetProblemT[] = [];
  const inputs = items.map((i) => i.input);
  const parkIds = [...new Set(inputs.map((i) => i.parkId).filter((id): id is number => typeof id === 'number'))];
  const regionCodes = [...new Set([...inputs.flatMap((i) => [i.regionCode ?? null, ...(i.regionCodes ?? [])]), plan.region_code].filter((c): c is string => !!c))];
  const predecessorIds = [...new Set(inputs.map((i) => i.supersedesId).filter((id): id is number => typeof id === 'number'))];
  const givenCodes = inputs.map((i) => i.code).filter((c): c is string => !!c);
  const [indicators, parks, regions, predecessors, successors, takenCodes, planCodes] = await Promise.all([
    indicatorsByCode(db),
    parkIds.length ? db.selectFrom('parks').select(['id', 'name', 'level', 'province_code']).where('id', 'in', parkIds).execute() : [],
    regionCodes.length ? db.selectFrom('regions as r').leftJoin('regions as p', 'p.code', 'r.parent_code')
      .select(['r.code', 'r.name', 'r.level', 'r.parent_code', 'p.parent_code as grandparent_code']).where('r.code', 'in', regionCodes).execute() : [],
    predecessorIds.length ? db.selectFrom('targets').select(['id', 'code', 'indicator_code', 'target_year']).where('id', 'in', predecessorIds).execute() : [],
    predecessorIds.length ? db.selectFrom('targets').select(['id', 'code', 'supersedes_id']).where('supersedes_id', 'in', predecessorIds).execute() : [],
    givenCodes.length ? db.selectFrom('targets').select(['id', 'code']).where('code', 'in', givenCodes).execute() : [],
    db.selectFrom('targets').select('code').where('code', 'like', `${plan.code}-%`).execute(),
  ]);
  const regionOf = new Map(regions.map((r) => [r.code, r]));
  const provinceOf = (code: string | null | undefined): string | null => {
    const r = code ? regionOf.get(code) : undefined;
    if (!r) return null;
    return r.level === 'province' ? r.code : r.level === 'city' ? r.parent_code : r.level === 'county' ? r.grandparent_code : null;
  };
  const planProvince = provinceOf(plan.region_code);
  const usedCodes = new Set(planCodes.map((c) => c.code));
  let nextNumber = usedCodes.size + 1;
  const nextCode = () => {
    while (usedCodes.has(`${plan.code}-${nextNumber}`)) nextNumber++;
    return `${plan.code}-${nextNumber}`;
  };

  const checked: CheckedTarget[] = [];
  const codesInBatch = new Map<string, number | null>();
  const supersededInBatch = new Map<number, number | null>();
  for (const item of items) {
    const { index, input: i, units, selfId } = item;
    const problem = (field: string, code: string, message: string) => problems.push({ index, field, code, message });
    const indicator: Indicator | undefined = indicators.get(i.indicator);
    // The target's own values, by the rules the web's target forms check too; values in the indicator's unit.
    const rules = checkTargetValues({
      indicatorCode: i.indicator, indicator, scope: i.scope, comparator: i.comparator, targetValue: i.targetValue ?? null, unit: units.target,
      tolerance: i.tolerance ?? null, targetYear: i.targetYear, baselineYear: i.baselineYear ?? null, baselineValue: i.baselineValue ?? null,
      baselineUnit: units.baseline, stretchValue: i.stretchValue ?? null, ...(i.scope === 'park' ? { parkIds: [i.parkId ?? null] } : {}), parkLevel: i.parkLevel ?? null,
      regionCount: new Set(i.regionCodes ?? []).size,
    });
    for (const p of rules.problems) problem(p.field, p.code, ruleMessage(p));

    // Scope: one park, a class of parks in a province, all parks of a province, or a region set.
    let parkId: number | null = null;
    let regionCode: string | null = null;
    let parkLevel: ParkLevel | null = i.parkLevel ?? null;
    let setCodes: string[] = [];
    let defaultLabel = '';
    const province = (required: boolean) => {
      const code = i.regionCode ?? planProvince;
      if (!code) {
        if (required) problem('regionCode', 'region_required', '请指定省份 regionCode (the province is required; the plan has none)');
        return null;
      }
      const r = regionOf.get(code);
      if (!r) problem('regionCode', 'unknown_region', `地区代码 ${code} 不存在 (unknown region)`);
      else if (r.level !== 'province') problem('regionCode', 'not_a_province', `${r.name}(${code})不是省级行政区 (must be a province)`);
      return code;
    };
    if (i.scope === 'park') {
      parkLevel = null;
      const park = parks.find((p) => p.id === i.parkId);
      if (i.parkId != null && !park) problem('parkId', 'unknown_park', `园区 ${i.parkId} 不存在 (unknown park)`);
      parkId = i.parkId ?? null;
      defaultLabel = park?.name ?? '';
    } else if (i.scope === 'park_class' || i.scope === 'province_aggregate') {
      regionCode = province(true);
      const name = regionCode ? regionOf.get(regionCode)?.name ?? '' : '';
      defaultLabel = `${name}${i.scope === 'park_class' ? `各${parkLevel ? LEVEL_ZH[parkLevel] : ''}` : parkLevel === 'national' ? '国家' : ''}高新区`;
    } else {
      regionCode = province(false);
      setCodes = [...new Set(i.regionCodes ?? [])];
      const unknown = setCodes.filter((c) => !regionOf.has(c));
      if (unknown.length) problem('regionCodes', 'unknown_region', `地区代码不存在: ${unknown.join(', ')} (unknown regions)`);
      const wrongLevel = setCodes.filter((c) => regionOf.has(c) && !['city', 'county'].includes(regionOf.get(c)!.level));
      if (wrongLevel.length) problem('regionCodes', 'not_city_or_county', `集合只能包含市或县: ${wrongLevel.join(', ')} (a set holds cities or counties)`);
      if (regionCode && regionOf.get(regionCode)?.level === 'province') {
        const outside = setCodes.filter((c) => regionOf.has(c) && provinceOf(c) !== regionCode);
        if (outside.length) problem('regionCodes', 'outside_province', `不属于${regionOf.get(regionCode)!.name}: ${outside.join(', ')} (regions outside the province)`);
      }
      defaultLabel = i.regionSetLabel ?? `${regionCode ? regionOf.get(regionCode)?.name ?? '' : ''}${setCodes.length ? `${setCodes.length}个地区` : '地区集合'}`;
    }

    const { targetValue, baselineValue, stretchValue } = rules;
    const tolerance = i.comparator === 'about' ? i.tolerance ?? DEFAULT_TOLERANCE : null;

    // The quote: where it stands in the plan's text, when the plan keeps its text.
    let quote = i.quote ?? null;
    const quoteStart = i.quoteStart ?? null;
    const quoteEnd = i.quoteEnd ?? null;
    if ((quoteStart === null) !== (quoteEnd === null)) {
      problem(quoteStart === null ? 'quoteStart' : 'quoteEnd', 'span_incomplete', '引文位置需同时给出起止 quoteStart 与 quoteEnd (give both ends of the span)');
    } else if (quoteStart !== null && quoteEnd !== null) {
      const text = plan.document_text;
      if (text === null) problem('quoteStart', 'no_document_text', '该规划未保存原文, 不能给出引文位置 (the plan keeps no document text)');
      else if (quoteEnd <= quoteStart || quoteEnd > text.length) problem('quoteEnd', 'span_out_of_range', `引文位置 ${quoteStart}–${quoteEnd} 超出原文范围 (0–${text.length}) (the span is outside the text)`);
      else {
        const words = text.slice(quoteStart, quoteEnd);
        if (quote === null) quote = words;
        else if (quote !== words) problem('quote', 'quote_mismatch', `引文与原文该位置不符: 原文为“${words.slice(0, 60)}” (the quote differs from the text at its span)`);
      }
    }

    // Another horizon of the same aim: 2025 → 2027.
    if (i.supersedesId != null) {
      const before = predecessors.find((p) => p.id === i.supersedesId);
      const taken = successors.find((s) => s.supersedes_id === i.supersedesId && s.id !== selfId);
      if (i.supersedesId === selfId) problem('supersedesId', 'supersedes_self', '目标不能接替自己 (a target cannot replace itself)');
      else if (!before) problem('supersedesId', 'unknown_target', `目标 ${i.supersedesId} 不存在 (unknown target)`);
      else {
        if (indicator && before.indicator_code !== indicator.code) problem('supersedesId', 'supersedes_other_indicator', `被接替的目标 ${before.code} 是另一指标(${before.indicator_code}) (it measures another indicator)`);
        if (before.target_year >= i.targetYear) problem('supersedesId', 'supersedes_not_earlier', `被接替的目标 ${before.code} 的目标年 ${before.target_year} 不早于 ${i.targetYear} (it must have an earlier horizon)`);
        if (taken) problem('supersedesId', 'already_superseded', `目标 ${before.code} 已被 ${taken.code} 接替 (already replaced by another target)`);
        else if (supersededInBatch.has(i.supersedesId)) problem('supersedesId', 'already_superseded', `本批第 ${supersededInBatch.get(i.supersedesId)} 项已接替目标 ${before.code} (another item of this batch replaces it)`);
      }
      supersededInBatch.set(i.supersedesId, index);
    }

    // The code: given (unique), kept on an edit, or the plan's code and a number.
    let code = i.code;
    if (code) {
      const owner = takenCodes.find((t) => t.code === code);
      if ((owner && owner.id !== selfId) || codesInBatch.has(code)) problem('code', 'code_taken', `编号“${code}”已被使用 (the code is taken)`);
    } else {
      code = nextCode();
    }
    codesInBatch.set(code, index);
    usedCodes.add(code);

    checked.push({
      index,
      regionCodes: setCodes,
      extraction: i.extraction,
      columns: {
        code, indicator_code: i.indicator, scope: i.scope, park_id: parkId, region_code: regionCode, park_level: parkLevel,
        subject_label: i.subjectLabel ?? (defaultLabel || i.indicator), region_set_label: i.scope === 'coverage' ? i.regionSetLabel ?? null : null,
        comparator: i.comparator, target_value: targetValue, tolerance, unit: indicator?.unit ?? units.target ?? '',
        target_year: i.targetYear, baseline_year: i.baselineYear ?? null, baseline_value: baselineValue, stretch_value: stretchValue,
        quote, quote_location: i.quoteLocation ?? null, quote_start: quoteStart, quote_end: quoteEnd,
        note: i.note ?? null, supersedes_id: i.supersedesId ?? null,
      },
    });
  }
  return { checked, problems };
}

function throwIfProblems(problems: TargetProblemT[], what: string): void {
  if (problems.length === 0) return;
  throw new ApiError(422, 'invalid_targets', `${problems.length} 处未通过校验, 未写入任何数据 (${what} failed the checks; nothing was written)`,
    problems.map((p) => ({ path: p.index === null ? p.field : `targets.${p.index}.${p.field}`, message: p.message })), { problems });
}

/** A duplicate code or a second successor that slipped in between the check and the write. */
async function uniquely<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (/unique|UNIQUE|duplicate key/.test(String((err as Error).message))) {
      throw new ApiError(409, 'conflict', '编号或接替关系刚被他人占用, 未写入任何数据 (a code or successor was taken concurrently; nothing was written)');
    }
    throw err;
  }
}

function creationReason(reason: string | null, extraction: TargetInputT['extraction']): string | null {
  const from = extraction ? `采纳自动提取的候选 ${extraction.candidateId} (置信度 ${extraction.confidence}) (accepted from extraction)` : null;
  return [reason, from].filter(Boolean).join('; ') || null;
}

async function insertTargets(trx: Transaction<Database>, planId: number, targets: CheckedTarget[], actor: Actor, now: Date, reason: string | null): Promise<number[]> {
  const at = now.toISOString();
  const ids: number[] = [];
  for (const t of targets) {
    const { id } = await trx.insertInto('targets').values({ ...t.columns, plan_id: planId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    if (t.regionCodes.length) await trx.insertInto('target_regions').values(t.regionCodes.map((code) => ({ target_id: id, region_code: code }))).execute();
    await trx.insertInto('target_revisions').values({
      target_id: id, version: 1, action: 'create', before: null, after: JSON.stringify(snapshot(planId, t.columns, t.regionCodes)),
      reason: creationReason(reason, t.extraction), changed_by: actor.userId, changed_by_name: actor.username, changed_at: at,
    }).execute();
    ids.push(id);
  }
  return ids;
}

const itemsOf = (inputs: TargetInputT[]): CheckItem[] => inputs.map((input, index) => ({ index, input, units: { target: input.unit, baseline: input.unit } }));

// --- targets -----------------------------------------------------------------------------------------

/** Several targets of one plan, all or nothing (accepting extraction candidates is one call). */
export async function createTargets(db: Kysely<Database>, body: z.infer<typeof CreateTargetsBody>, actor: Actor, now: Date): Promise<number[]> {
  const plan = await db.selectFrom('plans').select(['id', 'code', 'region_code', 'document_text']).where('id', '=', body.planId).executeTakeFirst();
  if (!plan) throwIfProblems([{ index: null, field: 'planId', code: 'unknown_plan', message: `规划 ${body.planId} 不存在 (unknown plan)` }], 'the batch');
  const { checked, problems } = await checkTargets(db, plan!, itemsOf(body.targets));
  throwIfProblems(problems, 'targets');
  return uniquely(() => db.transaction().execute(async (trx) => {
    const ids = await insertTargets(trx, plan!.id, checked, actor, now, body.reason ?? null);
    await audit(trx, actor, now, 'create_targets', 'target', null, { planId: plan!.id, reason: body.reason ?? null, ids, codes: checked.map((c) => c.columns.code) });
    await bumpDataVersion(trx, { kind: 'targets' });
    return ids;
  }));
}

async function regionCodesOf(db: Kysely<Database>, targetId: number): Promise<string[]> {
  return (await db.selectFrom('target_regions').select('region_code').where('target_id', '=', targetId).orderBy('region_code').execute()).map((r) => r.region_code);
}

async function lastChange(db: Kysely<Database>, targetId: number): Promise<{ by: string; at: string } | null> {
  const r = await db.selectFrom('target_revisions').select(['changed_by_name', 'changed_at']).where('target_id', '=', targetId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return r ? { by: r.changed_by_name, at: r.changed_at } : null;
}

/** Changes a target from the version the writer saw; keeps the whole before and after. */
export async function updateTarget(db: Kysely<Database>, id: number, body: z.infer<typeof UpdateTargetBody>, actor: Actor, now: Date): Promise<void> {
  const current = await db.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw new ApiError(404, 'not_found', `未找到目标 ${id} (target ${id} not found)`);
  const { version, reason, extraction, ...changes } = body;
  if (version !== current.version) {
    const last = await lastChange(db, id);
    throw new ApiError(409, 'conflict', `目标已被${last ? ` ${last.by} 于 ${last.at} ` : '他人'}修改(当前第${current.version}版), 请刷新后再改 (changed since you loaded it)`, undefined, { current: { version: current.version, ...(last ? { changedBy: last.by, changedAt: last.at } : {}) } });
  }
  const plan = await db.selectFrom('plans').select(['id', 'code', 'region_code', 'document_text']).where('id', '=', current.plan_id).executeTakeFirstOrThrow();
  const currentCodes = await regionCodesOf(db, id);
  const given = <K extends keyof typeof changes>(k: K) => Object.prototype.hasOwnProperty.call(changes, k) && changes[k] !== undefined;
  const merged: TargetInputT = {
    code: current.code, indicator: current.indicator_code, scope: current.scope, parkId: current.park_id, regionCode: current.region_code,
    parkLevel: current.park_level, subjectLabel: current.subject_label, regionSetLabel: current.region_set_label, regionCodes: currentCodes,
    comparator: current.comparator as TargetInputT['comparator'], targetValue: current.target_value,
    // a tolerance belongs to about: switching to another comparator drops it unless one is sent
    tolerance: given('comparator') && changes.comparator !== 'about' && !given('tolerance') ? null : current.tolerance,
    targetYear: current.target_year, baselineYear: current.baseline_year, baselineValue: current.baseline_value, stretchValue: current.stretch_value,
    // a new span replaces the quote with the text's words unless a quote is sent with it
    quote: (given('quoteStart') || given('quoteEnd')) && !given('quote') ? null : current.quote,
    quoteStart: current.quote_start, quoteEnd: current.quote_end, quoteLocation: current.quote_location, note: current.note, supersedesId: current.supersedes_id,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  };
  const units = { target: given('targetValue') ? changes.unit : current.unit, baseline: given('baselineValue') ? changes.unit : current.unit };
  const { checked, problems } = await checkTargets(db, plan, [{ index: null, input: merged, units, selfId: id }]);
  throwIfProblems(problems, 'the target');
  const next = checked[0]!;
  const before = snapshot(plan.id, current, currentCodes);
  const after = snapshot(plan.id, next.columns, next.regionCodes);
  if (JSON.stringify(before) === JSON.stringify(after)) return; // nothing changes: no new version
  const at = now.toISOString();
  await uniquely(() => db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('targets').set({ ...next.columns, version: current.version + 1, updated_at: at })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ApiError(409, 'conflict', '目标刚被他人修改, 未写入 (changed concurrently; nothing was written)');
    if (JSON.stringify(before.regionCodes) !== JSON.stringify(after.regionCodes)) {
      await trx.deleteFrom('target_regions').where('target_id', '=', id).execute();
      if (next.regionCodes.length) await trx.insertInto('target_regions').values(next.regionCodes.map((code) => ({ target_id: id, region_code: code }))).execute();
    }
    await trx.insertInto('target_revisions').values({
      target_id: id, version: current.version + 1, action: 'update', before: JSON.stringify(before), after: JSON.stringify(after),
      reason: creationReason(reason ?? null, extraction), changed_by: actor.userId, changed_by_name: actor.username, changed_at: at,
    }).execute();
    const changed = Object.keys(after).filter((k) => JSON.stringify(before[k as keyof TargetSnapshot]) !== JSON.stringify(after[k as keyof TargetSnapshot]));
    await audit(trx, actor, now, 'update', 'target', id, { code: after.code, version: current.version + 1, reason: reason ?? null, changed });
    await bumpDataVersion(trx, { kind: 'targets' });
  }));
}

/** Every revision of a target, oldest first, with the fields that changed; null for an unknown target. */
export async function targetHistory(db: Kysely<Database>, id: number) {
  const target = await db.selectFrom('targets').select('id').where('id', '=', id).executeTakeFirst();
  if (!target) return null;
  const rows = await db.selectFrom('target_revisions').selectAll().where('target_id', '=', id).orderBy('version').execute();
  return rows.map((r) => {
    const before = r.before ? JSON.parse(r.before) as Record<string, unknown> : null;
    const after = JSON.parse(r.after) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])];
    return {
      version: r.version, action: r.action, before, after,
      changes: before ? fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null })) : [],
      reason: r.reason, changedBy: r.changed_by_name, changedAt: r.changed_at,
    };
  });
}

// --- plans -------------------------------------------------------------------------------------------

type PlanInput = z.infer<typeof CreatePlanBody>;

async function checkPlanRefs(db: Kysely<Database>, input: Partial<PlanInput>, exceptId?: number): Promise<void> {
  const problems: TargetProblemT[] = [];
  if (input.regionCode && !(await db.selectFrom('regions').select('code').where('code', '=', input.regionCode).executeTakeFirst())) {
    problems.push({ index: null, field: 'regionCode', code: 'unknown_region', message: `地区代码 ${input.regionCode} 不存在 (unknown region)` });
  }
  if (input.sourceCode && !(await db.selectFrom('sources').select('code').where('code', '=', input.sourceCode).executeTakeFirst())) {
    problems.push({ index: null, field: 'sourceCode', code: 'unknown_source', message: `来源“${input.sourceCode}”不存在 (unknown source)` });
  }
  throwIfProblems(problems, 'the plan');
  if (input.code) {
    let q = db.selectFrom('plans').select('id').where('code', '=', input.code);
    if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
    if (await q.executeTakeFirst()) throw new ApiError(409, 'code_taken', `已有编号为“${input.code}”的规划 (a plan with this code exists)`);
  }
}

function planColumns(input: Partial<PlanInput>) {
  return {
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.issuer !== undefined ? { issuer: input.issuer } : {}),
    ...(input.documentNumber !== undefined ? { document_number: input.documentNumber } : {}),
    ...(input.issuedOn !== undefined ? { issued_on: input.issuedOn } : {}),
    ...(input.regionCode !== undefined ? { region_code: input.regionCode } : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...(input.sourceCode !== undefined ? { source_code: input.sourceCode } : {}),
    ...(input.documentText !== undefined ? { document_text: input.documentText } : {}),
  };
}

const planAuditDetail = (input: Partial<PlanInput>) => {
  const { documentText, targets: _, ...rest } = input;
  return { ...rest, ...(documentText !== undefined ? { documentLength: documentText?.length ?? 0 } : {}) };
};

/** A plan, with its targets when given (all or nothing). Answers the new plan's id. */
export async function createPlan(db: Kysely<Database>, input: PlanInput, actor: Actor, now: Date): Promise<number> {
  await checkPlanRefs(db, input);
  const placeholder = `PLAN-NEW-${randomUUID()}`;
  const draftPlan: PlanRow = { id: null, code: input.code ?? placeholder, region_code: input.regionCode ?? null, document_text: input.documentText ?? null };
  const { checked, problems } = input.targets?.length ? await checkTargets(db, draftPlan, itemsOf(input.targets)) : { checked: [], problems: [] };
  throwIfProblems(problems, 'targets');
  const at = now.toISOString();
  return uniquely(() => db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('plans').values({
      code: input.code ?? placeholder, title: input.title, issuer: input.issuer ?? null, document_number: input.documentNumber ?? null,
      issued_on: input.issuedOn ?? null, region_code: input.regionCode ?? null, source_code: input.sourceCode ?? null, url: input.url ?? null,
      note: input.note ?? null, document_text: input.documentText ?? null, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    const code = input.code ?? `PLAN-${id}`;
    if (!input.code) await trx.updateTable('plans').set({ code }).where('id', '=', id).execute();
    // codes made before the plan had its own: PLAN-NEW-… → PLAN-<id>-n
    const targets = checked.map((t) => ({ ...t, columns: { ...t.columns, code: t.columns.code.replace(placeholder, code) } }));
    const ids = await insertTargets(trx, id, targets, actor, now, null);
    await audit(trx, actor, now, 'create', 'plan', id, { ...planAuditDetail(input), code, targetIds: ids });
    await bumpDataVersion(trx, { kind: 'targets' });
    return id;
  }));
}

/** Edits a plan from the version the writer saw; new document text must keep its targets' quotes in place. */
export async function updatePlan(db: Kysely<Database>, id: number, input: z.infer<typeof UpdatePlanBody>, actor: Actor, now: Date): Promise<void> {
  const current = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw new ApiError(404, 'not_found', `未找到规划 ${id} (plan ${id} not found)`);
  const { version, ...changes } = input;
  if (version !== current.version) {
    throw new ApiError(409, 'conflict', `规划已被他人修改(当前第${current.version}版), 请刷新后再改 (changed since you loaded it)`, undefined, { current: { version: current.version } });
  }
  await checkPlanRefs(db, changes, id);
  if (changes.documentText !== undefined && changes.documentText !== current.document_text) {
    const spans = await db.selectFrom('targets').select(['code', 'quote', 'quote_start', 'quote_end']).where('plan_id', '=', id).where('quote_start', 'is not', null).execute();
    const broken = spans.filter((t) => changes.documentText == null || changes.documentText.slice(t.quote_start!, t.quote_end!) !== t.quote);
    throwIfProblems(broken.map((t) => ({
      index: null, field: 'documentText', code: 'breaks_quote_span',
      message: `目标 ${t.code} 的引文“${(t.quote ?? '').slice(0, 40)}”在新原文中不在原位置 ${t.quote_start}–${t.quote_end}; 请先修改该目标的引文位置 (the new text moves this target's quote: update its span first)`,
    })), 'the plan');
  }
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('plans').set({ ...planColumns(changes), version: current.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ApiError(409, 'conflict', '规划刚被他人修改 (changed concurrently)');
    const { document_text: text, ...before } = current;
    await audit(trx, actor, now, 'update', 'plan', id, { before: { ...before, documentLength: text?.length ?? 0 }, changes: planAuditDetail(changes) });
    await bumpDataVersion(trx, { kind: 'targets' });
  });
}
