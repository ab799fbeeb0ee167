// Plans: the policy documents targets come from. Read (with their text and targets), created (with
// their targets, all or nothing: the same checks as POST /api/targets), and edited from the version
// the writer saw; new document text must keep every target's quote at its span.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreatePlanBody, Plan, PlanDetail, TargetProblemT, UpdatePlanBody } from '../../shared/schemas.ts';
import type { Database } from '../db/schema.ts';
import { conflict, notFound, type Bilingual } from '../errors.ts';
import { audit, type Actor } from './audit.ts';
import { listTargets, publicTarget, sourcesByCode } from './catalog.ts';
import { bumpDataVersion } from './data-version.ts';
import { checkTargets, insertTargets, itemsOf, throwIfProblems, uniquely, type PlanRow } from './target-writes.ts';

type PlanOut = z.infer<typeof Plan>;
type PlanInput = z.infer<typeof CreatePlanBody>;

const THE_PLAN: Bilingual = { zh: '规划', en: 'The plan' };
const problem = (field: string, code: string, messages: Bilingual): TargetProblemT => ({ index: null, field, code, message: messages.zh, messages });

export async function listPlans(db: Kysely<Database>): Promise<PlanOut[]> {
  const [plans, sources, counts] = await Promise.all([
    db.selectFrom('plans')
      .select(['id', 'code', 'title', 'issuer', 'document_number', 'issued_on', 'region_code', 'source_code', 'url', 'note', 'version',
        sql<number>`coalesce(length(document_text), 0)`.as('document_length')])
      .orderBy('id').execute(),
    sourcesByCode(db),
    db.selectFrom('targets').select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('plan_id').execute(),
  ]);
  const countOf = new Map(counts.map((c) => [c.plan_id, Number(c.n)]));
  return plans.map((p) => ({
    id: p.id, code: p.code, title: p.title, issuer: p.issuer, documentNumber: p.document_number, issuedOn: p.issued_on,
    regionCode: p.region_code, url: p.url, note: p.note, source: p.source_code ? sources.get(p.source_code) ?? null : null,
    targetCount: countOf.get(p.id) ?? 0, version: p.version, documentLength: Number(p.document_length),
  }));
}

/** One plan with its document text and its targets; null for an unknown plan. */
export async function planDetail(db: Kysely<Database>, id: number): Promise<z.infer<typeof PlanDetail> | null> {
  const plan = (await listPlans(db)).find((p) => p.id === id);
  if (!plan) return null;
  const [row, targets] = await Promise.all([
    db.selectFrom('plans').select('document_text').where('id', '=', id).executeTakeFirstOrThrow(),
    listTargets(db, { plan: String(id) }),
  ]);
  return { ...plan, documentText: row.document_text, targets: targets.map(publicTarget) };
}

async function checkPlanRefs(db: Kysely<Database>, input: Partial<PlanInput>, exceptId?: number): Promise<void> {
  const problems: TargetProblemT[] = [];
  if (input.regionCode && !(await db.selectFrom('regions').select('code').where('code', '=', input.regionCode).executeTakeFirst())) {
    problems.push(problem('regionCode', 'unknown_region', { zh: `地区代码 ${input.regionCode} 不存在`, en: `Unknown region ${input.regionCode}` }));
  }
  if (input.sourceCode && !(await db.selectFrom('sources').select('code').where('code', '=', input.sourceCode).executeTakeFirst())) {
    problems.push(problem('sourceCode', 'unknown_source', { zh: `来源“${input.sourceCode}”不存在`, en: `Unknown source ${input.sourceCode}` }));
  }
  throwIfProblems(problems, THE_PLAN);
  if (input.code) {
    let q = db.selectFrom('plans').select('id').where('code', '=', input.code);
    if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
    if (await q.executeTakeFirst()) throw conflict('code_taken', { zh: `已有编号为“${input.code}”的规划`, en: `A plan with the code ${input.code} exists` });
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
  throwIfProblems(problems, { zh: '目标', en: 'The targets' });
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
  if (!current) throw notFound({ zh: '规划', en: 'plan' }, id);
  const { version, ...changes } = input;
  if (version !== current.version) {
    throw conflict('conflict', {
      zh: `规划已被他人修改(当前第${current.version}版), 请刷新后再改`,
      en: `The plan changed since you loaded it (now version ${current.version}): reload and edit again`,
    }, { current: { version: current.version } });
  }
  await checkPlanRefs(db, changes, id);
  if (changes.documentText !== undefined && changes.documentText !== current.document_text) {
    const spans = await db.selectFrom('targets').select(['code', 'quote', 'quote_start', 'quote_end']).where('plan_id', '=', id).where('quote_start', 'is not', null).execute();
    const broken = spans.filter((t) => changes.documentText == null || changes.documentText.slice(t.quote_start!, t.quote_end!) !== t.quote);
    throwIfProblems(broken.map((t) => problem('documentText', 'breaks_quote_span', {
      zh: `目标 ${t.code} 的引文“${(t.quote ?? '').slice(0, 40)}”在新原文中不在原位置 ${t.quote_start}–${t.quote_end}; 请先修改该目标的引文位置`,
      en: `The new text moves the quote of ${t.code} (“${(t.quote ?? '').slice(0, 40)}”) from its span ${t.quote_start}–${t.quote_end}: update the target’s span first`,
    })), THE_PLAN);
  }
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('plans').set({ ...planColumns(changes), version: current.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('conflict', { zh: '规划刚被他人修改', en: 'The plan was changed by someone else just now' });
    const { document_text: text, ...before } = current;
    await audit(trx, actor, now, 'update', 'plan', id, { before: { ...before, documentLength: text?.length ?? 0 }, changes: planAuditDetail(changes) });
    await bumpDataVersion(trx, { kind: 'targets' });
  });
}
