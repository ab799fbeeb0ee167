import { z } from 'zod';
import { IdParam, ProgressDetail, ProgressEntry, ProgressQuery, Target, TargetsQuery } from '../../shared/schemas.ts';
import { jsonRoute, notFound, resourceRouter } from '../http.ts';
import { listTargets, publicTarget } from '../services/catalog.ts';
import { progressDetail, progressOfTargets } from '../services/progress.ts';

export const targets = resourceRouter()
  .openapi(
    jsonRoute({ method: 'get', path: '/', tags: ['targets'], summary: '目标列表 (targets)', query: TargetsQuery, response: z.array(Target) }),
    async (c) => c.json((await listTargets(c.var.deps.db, c.req.valid('query'))).map(publicTarget), 200),
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
      const detail = await progressDetail({ db: deps.db, currentYear: deps.clock.now().getUTCFullYear(), basis: c.req.valid('query').basis }, id);
      if (!detail) throw notFound('目标', 'target', id);
      return c.json(detail, 200);
    },
  );

export const progress = resourceRouter().openapi(
  jsonRoute({
    method: 'get', path: '/', tags: ['progress'],
    summary: '全部目标进展 (progress of every target)', query: ProgressQuery, response: z.array(ProgressEntry),
    description: 'One entry per target with every output of the progress method; coverage targets list covered and uncovered regions, aggregates the parks included and expected.',
  }),
  async (c) => {
    const { deps } = c.var;
    const { basis, ...filter } = c.req.valid('query');
    return c.json(await progressOfTargets({ db: deps.db, currentYear: deps.clock.now().getUTCFullYear(), basis }, filter), 200);
  },
);
