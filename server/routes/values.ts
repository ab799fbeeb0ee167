// /api/values: reported figures, written in batches (all or nothing), reviewed, and their history.
import { z } from 'zod';
import { IdParam, PutValuesBody, PutValuesResult, ReportedValue, ReviewBody, ValueRevision, ValuesQuery } from '../../shared/schemas.ts';
import { actorOf, currentUser, requireRole } from '../access.ts';
import { notFound } from '../errors.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { listValues } from '../services/values.ts';
import { reviewValues, valueHistory, writeValues } from '../services/value-writes.ts';

const writers = requireRole('admin', 'planner', 'park_manager');
const reviewers = requireRole('admin', 'planner');

export const values = resourceRouter()
  .openapi(
    jsonRoute({
      method: 'get', path: '/', tags: ['values'], query: ValuesQuery, response: z.array(ReportedValue),
      summary: '填报数据 (reported values), each with its source, who entered it and when',
    }),
    async (c) => c.json(await listValues(c.var.deps.db, c.req.valid('query')), 200),
  )
  .openapi(
    {
      ...jsonRoute({
        method: 'put', path: '/', tags: ['values'], body: PutValuesBody, response: PutValuesResult,
        summary: '填报或修改数据 (write a batch of figures: all or nothing)',
        description: 'A batch of `{ parkId, indicator, year, value, unit?, note?, version? }` (or `{ values, status, reason }`). A region’s own total (the province’s, a city’s: the denominators of share targets) takes `regionCode` instead of `parkId`, exactly one of the two (400 otherwise); only planners and admins write those (403), with its source in `note` (浙江省统计公报 2024). Changing an existing figure needs the `version` you saw: an outdated one is refused with 409 and the current value. Park managers write only their own parks (403). A figure that jumps more than ×5 against the year before needs `confirm: true` and a note (422 otherwise). Every change keeps a revision.',
      }),
      middleware: [writers] as const,
    },
    async (c) => {
      const body = c.req.valid('json');
      const { values: items, status, reason } = Array.isArray(body) ? { values: body, status: 'draft' as const, reason: undefined } : body;
      const { db, clock } = c.var.deps;
      const written = await writeValues(db, currentUser(c), items, status, actorOf(c), clock.now(), reason ?? null);
      return c.json({ written }, 200);
    },
  )
  .openapi(
    { ...jsonRoute({ method: 'post', path: '/approve', tags: ['values'], body: ReviewBody, response: PutValuesResult, summary: '审核通过 (approve submitted figures; planners)' }), middleware: [reviewers] as const },
    async (c) => {
      const { items, comment } = c.req.valid('json');
      return c.json({ written: await reviewValues(c.var.deps.db, items, 'approve', comment ?? null, actorOf(c), c.var.deps.clock.now()) }, 200);
    },
  )
  .openapi(
    { ...jsonRoute({ method: 'post', path: '/return', tags: ['values'], body: ReviewBody, response: PutValuesResult, summary: '退回修改 (send submitted figures back with a comment; planners)' }), middleware: [reviewers] as const },
    async (c) => {
      const { items, comment } = c.req.valid('json');
      return c.json({ written: await reviewValues(c.var.deps.db, items, 'return', comment ?? null, actorOf(c), c.var.deps.clock.now()) }, 200);
    },
  )
  .openapi(
    jsonRoute({ method: 'get', path: '/{id}/history', tags: ['values'], params: IdParam, response: z.array(ValueRevision), summary: '数据修改记录 (every revision of one figure: old and new value, who, when, why)' }),
    async (c) => {
      const { id } = c.req.valid('param');
      const history = await valueHistory(c.var.deps.db, id);
      if (history.length === 0) throw notFound({ zh: '数据', en: 'figure' }, id);
      return c.json(history, 200);
    },
  );
