// Catalogue resources: health, regions, indicators (read-only), and plans (read; planners write).
import { z } from 'zod';
import { CreatePlanBody, Health, IdParam, Indicator, Plan, PlanDetail, Region, RegionsQuery, UpdatePlanBody } from '../../shared/schemas.ts';
import { actorOf, requireRole } from '../auth.ts';
import { jsonRoute, notFound, resourceRouter } from '../http.ts';
import { listIndicators, listPlans, planDetail } from '../services/catalog.ts';
import { createPlan, updatePlan } from '../services/target-writes.ts';

export const health = resourceRouter().openapi(
  jsonRoute({ method: 'get', path: '/', tags: ['system'], summary: '服务状态 (health)', response: Health }),
  async (c) => {
    const { deps } = c.var;
    await deps.db.selectFrom('regions').select('code').limit(1).execute();
    return c.json({ status: 'ok' as const, database: deps.databaseKind }, 200);
  },
);

export const regions = resourceRouter().openapi(
  jsonRoute({ method: 'get', path: '/', tags: ['catalogue'], summary: '行政区划 (GB/T 2260 regions)', query: RegionsQuery, response: z.array(Region) }),
  async (c) => {
    const { level, parent } = c.req.valid('query');
    let q = c.var.deps.db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code as parentCode']);
    if (level) q = q.where('level', '=', level);
    if (parent) q = q.where('parent_code', '=', parent);
    return c.json(await q.orderBy('code').execute(), 200);
  },
);

export const indicators = resourceRouter().openapi(
  jsonRoute({ method: 'get', path: '/', tags: ['catalogue'], summary: '指标目录 (indicator catalogue)', response: z.array(Indicator) }),
  async (c) => {
    const list = await listIndicators(c.var.deps.db);
    return c.json(list.map((i) => ({
      code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, unit: i.unit, direction: i.direction, kind: i.kind, aggregation: i.aggregation,
      numerator: i.numerator ?? null, denominator: i.denominator ?? null, factor: i.factor ?? null, shareOf: i.shareOf ?? null, definitionZh: i.definitionZh ?? null,
    })), 200);
  },
);

const planners = requireRole('admin', 'planner');

export const plans = resourceRouter()
  .openapi(
    jsonRoute({ method: 'get', path: '/', tags: ['targets'], summary: '规划与政策文件 (plans: the documents targets come from)', response: z.array(Plan) }),
    async (c) => c.json(await listPlans(c.var.deps.db), 200),
  )
  .openapi(
    jsonRoute({ method: 'get', path: '/{id}', tags: ['targets'], summary: '规划详情 (one plan with its document text and its targets)', params: IdParam, response: PlanDetail }),
    async (c) => {
      const { id } = c.req.valid('param');
      const plan = await planDetail(c.var.deps.db, id);
      if (!plan) throw notFound('规划', 'plan', id);
      return c.json(plan, 200);
    },
  )
  .openapi(
    {
      ...jsonRoute({
        method: 'post', path: '/', tags: ['targets'], body: CreatePlanBody, response: PlanDetail, created: true,
        summary: '新建规划 (a plan: title, issuer, document number, date, link, its text; with targets, all or nothing; planners)',
        description: 'Targets sent with the plan are checked like `POST /api/targets`; their quote spans point into `documentText`. A code left out becomes `PLAN-<id>`, target codes `<plan code>-<n>`.',
      }),
      middleware: [planners] as const,
    },
    async (c) => {
      const { db, clock } = c.var.deps;
      const id = await createPlan(db, c.req.valid('json'), actorOf(c), clock.now());
      return c.json((await planDetail(db, id))!, 201);
    },
  )
  .openapi(
    {
      ...jsonRoute({
        method: 'patch', path: '/{id}', tags: ['targets'], params: IdParam, body: UpdatePlanBody, response: PlanDetail,
        summary: '修改规划 (edit a plan with the version you saw; 409 when stale; planners)',
        description: 'New `documentText` is refused (422) when a target’s quote would no longer sit at its span.',
      }),
      middleware: [planners] as const,
    },
    async (c) => {
      const { db, clock } = c.var.deps;
      const { id } = c.req.valid('param');
      await updatePlan(db, id, c.req.valid('json'), actorOf(c), clock.now());
      return c.json((await planDetail(db, id))!, 200);
    },
  );
