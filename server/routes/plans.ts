// /api/plans: the policy documents targets come from (read by anyone; planners and admins write).
import { z } from 'zod';
import { CreatePlanBody, IdParam, Plan, PlanDetail, UpdatePlanBody } from '../../shared/schemas.ts';
import { actorOf, requireRole } from '../access.ts';
import { notFound } from '../errors.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { createPlan, listPlans, planDetail, updatePlan } from '../services/plans.ts';

const planners = requireRole('admin', 'planner');
const PLAN = { zh: '规划', en: 'plan' };

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
      if (!plan) throw notFound(PLAN, id);
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
