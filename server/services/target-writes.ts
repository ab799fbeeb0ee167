// Writing targets: create, edit with the version the writer saw, and keep every change of a target (its
// whole before and after) in target_revisions. As with figures, everything is checked first, each
// problem with its item and field in Chinese and English; then one transaction writes the rows, their
// history and an audit entry. A batch of targets is written all or nothing. Plans, which may bring
// targets with them, use the same checks (plans.ts); targets are read with the catalogue (catalog.ts).
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { figureProblems } from '../../shared/figure-checks.ts';
import type { Indicator } from '../../shared/indicators.ts';
import { DEFAULT_TOLERANCE } from '../../shared/progress.ts';
import type { CreateTargetsBody, TargetInputT, TargetProblemT, UpdateTargetBody } from '../../shared/schemas.ts';
import { checkTargetValues } from '../../shared/target-rules.ts';
import type { Database, ParkLevel, PlansTable, TargetScope, TargetsTable } from '../db/schema.ts';
import { conflict, DomainError, notFound, type Bilingual } from '../errors.ts';
import { audit, type Actor } from './audit.ts';
import { indicatorsByCode } from './catalog.ts';
import { bumpDataVersion } from './data-version.ts';

export type PlanRow = Pick<PlansTable, 'code' | 'region_code' | 'document_text'> & { id: number | null };
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
export async function checkTargets(db: Kysely<Database>, plan: PlanRow, items: CheckItem[]): Promise<{ checked: CheckedTarget[]; problems: TargetProblemT[] }> {
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
    // `message` is the Chinese until the HTTP layer sets it to the request's language.
    const problem = (field: string, code: string, messages: Bilingual) => problems.push({ index, field, code, message: messages.zh, messages });
    const indicator: Indicator | undefined = indicators.get(i.indicator);
    // The target's own values, by the rules the web's target forms check too; values in the indicator's unit.
    const rules = checkTargetValues({
      indicatorCode: i.indicator, indicator, scope: i.scope, comparator: i.comparator, targetValue: i.targetValue ?? null, unit: units.target,
      tolerance: i.tolerance ?? null, targetYear: i.targetYear, baselineYear: i.baselineYear ?? null, baselineValue: i.baselineValue ?? null,
      baselineUnit: units.baseline, stretchValue: i.stretchValue ?? null, ...(i.scope === 'park' ? { parkIds: [i.parkId ?? null] } : {}), parkLevel: i.parkLevel ?? null,
      regionCount: new Set(i.regionCodes ?? []).size,
    });
    for (const p of rules.problems) problem(p.field, p.code, p.message);

    // Scope: one park, a class of parks in a province, all parks of a province, or a region set.
    let parkId: number | null = null;
    let regionCode: string | null = null;
    let parkLevel: ParkLevel | null = i.parkLevel ?? null;
    let setCodes: string[] = [];
    let defaultLabel = '';
    const province = (required: boolean) => {
      const code = i.regionCode ?? planProvince;
      if (!code) {
        if (required) problem('regionCode', 'region_required', { zh: '请指定省份 regionCode', en: 'The province (regionCode) is required: the plan has none' });
        return null;
      }
      const r = regionOf.get(code);
      if (!r) problem('regionCode', 'unknown_region', { zh: `地区代码 ${code} 不存在`, en: `Unknown region ${code}` });
      else if (r.level !== 'province') problem('regionCode', 'not_a_province', { zh: `${r.name}(${code})不是省级行政区`, en: `${r.name} (${code}) is not a province` });
      return code;
    };
    if (i.scope === 'park') {
      parkLevel = null;
      const park = parks.find((p) => p.id === i.parkId);
      if (i.parkId != null && !park) problem('parkId', 'unknown_park', { zh: `园区 ${i.parkId} 不存在`, en: `Unknown park ${i.parkId}` });
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
      if (unknown.length) problem('regionCodes', 'unknown_region', { zh: `地区代码不存在: ${unknown.join(', ')}`, en: `Unknown regions: ${unknown.join(', ')}` });
      const wrongLevel = setCodes.filter((c) => regionOf.has(c) && !['city', 'county'].includes(regionOf.get(c)!.level));
      if (wrongLevel.length) problem('regionCodes', 'not_city_or_county', { zh: `集合只能包含市或县: ${wrongLevel.join(', ')}`, en: `A set holds cities or counties only: ${wrongLevel.join(', ')}` });
      if (regionCode && regionOf.get(regionCode)?.level === 'province') {
        const outside = setCodes.filter((c) => regionOf.has(c) && provinceOf(c) !== regionCode);
        if (outside.length) problem('regionCodes', 'outside_province', { zh: `不属于${regionOf.get(regionCode)!.name}: ${outside.join(', ')}`, en: `Outside ${regionOf.get(regionCode)!.name}: ${outside.join(', ')}` });
      }
      defaultLabel = i.regionSetLabel ?? `${regionCode ? regionOf.get(regionCode)?.name ?? '' : ''}${setCodes.length ? `${setCodes.length}个地区` : '地区集合'}`;
    }

    const { targetValue, baselineValue, stretchValue } = rules;
    const tolerance = i.comparator === 'about' ? i.tolerance ?? DEFAULT_TOLERANCE : null;
    // Values a number can hold: finite, and inside what the indicator can be (shared/figure-checks.ts).
    for (const [field, value] of [['targetValue', targetValue], ['baselineValue', baselineValue], ['stretchValue', stretchValue]] as const) {
      if (value === null || !indicator) continue;
      // Only what the target rules did not already say (a value can be whole and still not finite).
      for (const fp of figureProblems(indicator, value)) if (!rules.problems.some((p) => p.field === field && p.code === fp.code)) problem(field, fp.code, fp.messages);
    }

    // The quote: where it stands in the plan's text, when the plan keeps its text.
    let quote = i.quote ?? null;
    const quoteStart = i.quoteStart ?? null;
    const quoteEnd = i.quoteEnd ?? null;
    if ((quoteStart === null) !== (quoteEnd === null)) {
      problem(quoteStart === null ? 'quoteStart' : 'quoteEnd', 'span_incomplete', { zh: '引文位置需同时给出起止 quoteStart 与 quoteEnd', en: 'Give both ends of the quote’s span (quoteStart and quoteEnd)' });
    } else if (quoteStart !== null && quoteEnd !== null) {
      const text = plan.document_text;
      if (text === null) problem('quoteStart', 'no_document_text', { zh: '该规划未保存原文, 不能给出引文位置', en: 'The plan keeps no document text for the quote to point into' });
      else if (quoteEnd <= quoteStart || quoteEnd > text.length) problem('quoteEnd', 'span_out_of_range', { zh: `引文位置 ${quoteStart}–${quoteEnd} 超出原文范围 (0–${text.length})`, en: `The span ${quoteStart}–${quoteEnd} is outside the text (0–${text.length})` });
      else {
        const words = text.slice(quoteStart, quoteEnd);
        if (quote === null) quote = words;
        else if (quote !== words) problem('quote', 'quote_mismatch', { zh: `引文与原文该位置不符: 原文为“${words.slice(0, 60)}”`, en: `The quote differs from the text at its span, which reads “${words.slice(0, 60)}”` });
      }
    }

    // Another horizon of the same aim: 2025 → 2027.
    if (i.supersedesId != null) {
      const before = predecessors.find((p) => p.id === i.supersedesId);
      const taken = successors.find((s) => s.supersedes_id === i.supersedesId && s.id !== selfId);
      if (i.supersedesId === selfId) problem('supersedesId', 'supersedes_self', { zh: '目标不能接替自己', en: 'A target cannot replace itself' });
      else if (!before) problem('supersedesId', 'unknown_target', { zh: `目标 ${i.supersedesId} 不存在`, en: `Unknown target ${i.supersedesId}` });
      else {
        if (indicator && before.indicator_code !== indicator.code) problem('supersedesId', 'supersedes_other_indicator', { zh: `被接替的目标 ${before.code} 是另一指标(${before.indicator_code})`, en: `The replaced target ${before.code} measures another indicator (${before.indicator_code})` });
        if (before.target_year >= i.targetYear) problem('supersedesId', 'supersedes_not_earlier', { zh: `被接替的目标 ${before.code} 的目标年 ${before.target_year} 不早于 ${i.targetYear}`, en: `The replaced target ${before.code} is due in ${before.target_year}, not before ${i.targetYear}` });
        if (taken) problem('supersedesId', 'already_superseded', { zh: `目标 ${before.code} 已被 ${taken.code} 接替`, en: `${before.code} is already replaced by ${taken.code}` });
        else if (supersededInBatch.has(i.supersedesId)) problem('supersedesId', 'already_superseded', { zh: `本批第 ${supersededInBatch.get(i.supersedesId)} 项已接替目标 ${before.code}`, en: `Item ${supersededInBatch.get(i.supersedesId)} of this batch already replaces ${before.code}` });
      }
      supersededInBatch.set(i.supersedesId, index);
    }

    // The code: given (unique), kept on an edit, or the plan's code and a number.
    let code = i.code;
    if (code) {
      const owner = takenCodes.find((t) => t.code === code);
      if ((owner && owner.id !== selfId) || codesInBatch.has(code)) problem('code', 'code_taken', { zh: `编号“${code}”已被使用`, en: `The code ${code} is taken` });
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

/** Refuses the whole write (422) when anything is wrong, naming each item and field. `what` failed: the targets, the plan, … */
export function throwIfProblems(problems: TargetProblemT[], what: Bilingual): void {
  if (problems.length === 0) return;
  const n = problems.length;
  throw new DomainError('checks_failed', 'invalid_targets', {
    zh: `${what.zh}有 ${n} 处未通过校验, 未写入任何数据`,
    en: `${what.en} failed the checks (${n} problem${n > 1 ? 's' : ''}); nothing was written`,
  }, {
    details: problems.map((p) => ({ path: p.index === null ? p.field : `targets.${p.index}.${p.field}`, messages: p.messages ?? { zh: p.message, en: p.message } })),
    extra: { problems },
  });
}

/** A duplicate code or a second successor that slipped in between the check and the write. */
export async function uniquely<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (/unique|UNIQUE|duplicate key/.test(String((err as Error).message))) {
      throw conflict('conflict', { zh: '编号或接替关系刚被他人占用, 未写入任何数据', en: 'A code or successor was taken by someone else just now; nothing was written' });
    }
    throw err;
  }
}

function creationReason(reason: string | null, extraction: TargetInputT['extraction']): string | null {
  const from = extraction ? `采纳自动提取的候选 ${extraction.candidateId} (置信度 ${extraction.confidence})` : null;
  return [reason, from].filter(Boolean).join('; ') || null;
}

export async function insertTargets(trx: Transaction<Database>, planId: number, targets: CheckedTarget[], actor: Actor, now: Date, reason: string | null): Promise<number[]> {
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

export const itemsOf = (inputs: TargetInputT[]): CheckItem[] => inputs.map((input, index) => ({ index, input, units: { target: input.unit, baseline: input.unit } }));

// --- targets -----------------------------------------------------------------------------------------

/** Several targets of one plan, all or nothing (accepting extraction candidates is one call). */
export async function createTargets(db: Kysely<Database>, body: z.infer<typeof CreateTargetsBody>, actor: Actor, now: Date): Promise<number[]> {
  const plan = await db.selectFrom('plans').select(['id', 'code', 'region_code', 'document_text']).where('id', '=', body.planId).executeTakeFirst();
  if (!plan) {
    const messages = { zh: `规划 ${body.planId} 不存在`, en: `Unknown plan ${body.planId}` };
    throwIfProblems([{ index: null, field: 'planId', code: 'unknown_plan', message: messages.zh, messages }], { zh: '本批目标', en: 'The batch' });
  }
  const { checked, problems } = await checkTargets(db, plan!, itemsOf(body.targets));
  throwIfProblems(problems, { zh: '目标', en: 'The targets' });
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
  if (!current) throw notFound({ zh: '目标', en: 'target' }, id);
  const { version, reason, extraction, ...changes } = body;
  if (version !== current.version) {
    const last = await lastChange(db, id);
    throw conflict('conflict', {
      zh: `目标已被${last ? ` ${last.by} 于 ${last.at} ` : '他人'}修改(当前第${current.version}版), 请刷新后再改`,
      en: `${last ? `${last.by} changed the target at ${last.at}` : 'Someone changed the target'} since you loaded it (now version ${current.version}): reload and edit again`,
    }, { current: { version: current.version, ...(last ? { changedBy: last.by, changedAt: last.at } : {}) } });
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
  throwIfProblems(problems, { zh: '目标', en: 'The target' });
  const next = checked[0]!;
  const before = snapshot(plan.id, current, currentCodes);
  const after = snapshot(plan.id, next.columns, next.regionCodes);
  if (JSON.stringify(before) === JSON.stringify(after)) return; // nothing changes: no new version
  const at = now.toISOString();
  await uniquely(() => db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('targets').set({ ...next.columns, version: current.version + 1, updated_at: at })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('conflict', { zh: '目标刚被他人修改, 未写入', en: 'The target was changed by someone else just now; nothing was written' });
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
