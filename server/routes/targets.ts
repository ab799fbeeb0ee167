// /api/targets: the targets of the plans, their history, and each one's progress in detail.
import { z } from 'zod';
import { type ProgressDetailT, CreateTargetsBody, IdParam, ProgressDetail, ProgressQuery, Target, TargetRevision, TargetsQuery, UpdateTargetBody } from '../../shared/schemas.ts';
import { actorOf, requireRole } from '../access.ts';
import { notFound } from '../errors.ts';
import { jsonRoute, resourceRouter, sendPreparedJson, preparedAnswers } from '../http.ts';
import { listTargets, publicTarget } from '../services/catalog.ts';
import { readDataVersion } from '../services/data-version.ts';
import { progressDetail } from '../services/progress.ts';
import { createTargets, targetHistory, updateTarget } from '../services/target-writes.ts';
import { yearInChina } from '../clock.ts';

const planners = requireRole('admin', 'planner');
const TARGET = { zh: '目标', en: 'target' };
// One target's progress, kept prepared per data version like the list.
const details = preparedAnswers(512);

export const targets = resourceRouter()
  .openapi(
    jsonRoute({ method: 'get', path: '/', tags: ['targets'], summary: '目标列表 (targets, each with the horizons it replaces or is replaced by)', query: TargetsQuery, response: z.array(Target) }),
    async (c) => c.json((await listTargets(c.var.deps.db, c.req.valid('query'))).map(publicTarget), 200),
  )
  .openapi(
    {
      ...jsonRoute({
        method: 'post', path: '/', tags: ['targets'], body: CreateTargetsBody, response: z.object({ targets: z.array(Target) }), created: true,
        summary: '新增目标 (one or many targets of a plan, all or nothing; planners)',
        description: 'Each target is checked (indicator, scope and its park or regions, unit, value, years, quote span in the plan’s text, the target it replaces); any problem refuses the whole batch with 422 and `problems` naming the item and field. Every target starts its history.',
      }),
      middleware: [planners] as const,
    },
    async (c) => {
      const { db, clock } = c.var.deps;
      const ids = await createTargets(db, c.req.valid('json'), actorOf(c), clock.now());
      return c.json({ targets: (await listTargets(db, { ids })).map(publicTarget) }, 201);
    },
  )
  .openapi(
    jsonRoute({ method: 'get', path: '/{id}', tags: ['targets'], summary: '单个目标 (one target with its other horizons)', params: IdParam, response: Target }),
    async (c) => {
      const { id } = c.req.valid('param');
      const [target] = await listTargets(c.var.deps.db, { ids: [id] });
      if (!target) throw notFound(TARGET, id);
      return c.json(publicTarget(target), 200);
    },
  )
  .openapi(
    {
      ...jsonRoute({
        method: 'patch', path: '/{id}', tags: ['targets'], params: IdParam, body: UpdateTargetBody, response: Target,
        summary: '修改目标 (edit a target with the version you saw; 409 when stale; planners)',
        description: 'Send the fields that change, the `version` you saw and a `reason`. The whole target before and after is kept in its history.',
      }),
      middleware: [planners] as const,
    },
    async (c) => {
      const { db, clock } = c.var.deps;
      const { id } = c.req.valid('param');
      await updateTarget(db, id, c.req.valid('json'), actorOf(c), clock.now());
      const [target] = await listTargets(db, { ids: [id] });
      return c.json(publicTarget(target!), 200);
    },
  )
  .openapi(
    jsonRoute({ method: 'get', path: '/{id}/history', tags: ['targets'], params: IdParam, response: z.array(TargetRevision), summary: '目标修改记录 (every change of a target: the whole before and after, who, when, why)' }),
    async (c) => {
      const { id } = c.req.valid('param');
      const history = await targetHistory(c.var.deps.db, id);
      if (!history) throw notFound(TARGET, id);
      return c.json(history, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get', path: '/{id}/progress', tags: ['progress'],
      summary: '单个目标进展 (one target: progress, yearly series, straight path, projection, per-park breakdown)',
      params: IdParam, query: ProgressQuery.pick({ basis: true }), response: ProgressDetail,
    }),
    async (c) => {
      const { deps } = c.var;
      const { id } = c.req.valid('param');
      const ctx = { db: deps.db, currentYear: yearInChina(deps.clock.now()), basis: c.req.valid('query').basis };
      const detail = await details(deps.db, JSON.stringify([ctx.currentYear, ctx.basis, id]), await readDataVersion(deps.db), () => progressDetail(ctx, id));
      if (!detail) throw notFound(TARGET, id);
      return sendPreparedJson<ProgressDetailT>(c, detail);
    },
  );
