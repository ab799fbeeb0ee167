// /api/values: reported figures, written in batches (all or nothing), reviewed, and their history.
import { z } from 'zod';
import { CheckValuesResult, IdParam, PutValuesBody, PutValuesResult, ReopenBody, ReopenResult, ReportedValue, ReviewBody, ValueRevision, ValuesQuery, type ValueInputT } from '../../shared/schemas.ts';
import { actorOf, currentUser, requireRole } from '../access.ts';
import { notFound } from '../errors.ts';
import { jsonRoute, localize, requestLanguage, resourceRouter } from '../http.ts';
import { listValues } from '../services/values.ts';
import { checkValues, reviewValues, valueHistory, writeValues } from '../services/value-writes.ts';
import { reopenValue, reviewQueue } from '../services/review-levels.ts';

const writers = requireRole('admin', 'planner', 'park_manager');
const reviewers = requireRole('admin', 'planner', 'city_reviewer');
const planners = requireRole('admin', 'planner');

/** PUT /api/values and its check take a bare list (drafts) or `{ values, status, reason }`. */
function batchOf(body: z.infer<typeof PutValuesBody>): { values: ValueInputT[]; status: 'draft' | 'submitted'; reason?: string } {
  return Array.isArray(body) ? { values: body, status: 'draft' } : body;
}

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
        method: 'get', path: '/to-review', tags: ['values'], response: z.array(ReportedValue),
        summary: '待我审核 (the figures waiting for the signed-in user’s review: a city reviewer’s cities’ submitted figures in a two-level province; for planners what the city approved, or what was submitted in a one-level province)',
      }),
      middleware: [reviewers] as const,
    },
    async (c) => c.json(await reviewQueue(c.var.deps.db, currentUser(c)), 200),
  )
  .openapi(
    {
      ...jsonRoute({
        method: 'put', path: '/', tags: ['values'], body: PutValuesBody, response: PutValuesResult,
        summary: '填报或修改数据 (write a batch of figures: all or nothing)',
        description: 'A batch of `{ parkId, indicator, year, value, unit?, note?, version? }` (or `{ values, status, reason }`). A region’s own total (the province’s, a city’s: the denominators of share targets) takes `regionCode` instead of `parkId`, exactly one of the two (400 otherwise); only planners and admins write those (403), with its source in `note` (浙江省统计公报 2024). Changing an existing figure needs the `version` you saw: an outdated one is refused with 409 and the current value. Park managers write only their own parks (403). Every figure passes the plausibility checks: an `error` (impossible value, a part above its whole, not finite after conversion) refuses it; a `warning` (outside the usual range, a jump against the nearest reported year, an odd derived ratio) needs `confirm: true` and a note (422 otherwise), kept in its history. Each problem has its `grade` and, for a unit slip, a `suggestion`. Every change keeps a revision.',
      }),
      middleware: [writers] as const,
    },
    async (c) => {
      const { values: items, status, reason } = batchOf(c.req.valid('json'));
      const { db, clock } = c.var.deps;
      const written = await writeValues(db, currentUser(c), items, status, actorOf(c), clock.now(), reason ?? null);
      return c.json({ written }, 200);
    },
  )
  .openapi(
    {
      ...jsonRoute({
        method: 'post', path: '/check', tags: ['values'], body: PutValuesBody, response: CheckValuesResult,
        summary: '检查数据 (check a batch as PUT /api/values would, writing nothing)',
        description: 'The same body as PUT /api/values; answers the problems a write would meet (each with `grade` and, for a unit slip, `suggestion`), empty when it would be written. Nothing is written.',
      }),
      middleware: [writers] as const,
    },
    async (c) => {
      const { values: items, status } = batchOf(c.req.valid('json'));
      const { db, clock } = c.var.deps;
      const problems = await checkValues(db, currentUser(c), items, status, clock.now());
      return c.json(localize({ problems }, requestLanguage(c)), 200);
    },
  )
  .openapi(
    { ...jsonRoute({ method: 'post', path: '/approve', tags: ['values'], body: ReviewBody, response: PutValuesResult, summary: '审核通过 (approve figures: city reviewers what their cities’ parks submitted, in a province reviewing in two levels; planners what the city approved, or what was submitted in one level)' }), middleware: [reviewers] as const },
    async (c) => {
      const { items, comment } = c.req.valid('json');
      return c.json({ written: await reviewValues(c.var.deps.db, currentUser(c), items, 'approve', comment ?? null, actorOf(c), c.var.deps.clock.now()) }, 200);
    },
  )
  .openapi(
    { ...jsonRoute({ method: 'post', path: '/return', tags: ['values'], body: ReviewBody, response: PutValuesResult, summary: '退回修改 (send figures under review back with a comment; city reviewers for their cities, planners)' }), middleware: [reviewers] as const },
    async (c) => {
      const { items, comment } = c.req.valid('json');
      return c.json({ written: await reviewValues(c.var.deps.db, currentUser(c), items, 'return', comment ?? null, actorOf(c), c.var.deps.clock.now()) }, 200);
    },
  )
  .openapi(
    {
      ...jsonRoute({
        method: 'post', path: '/{id}/reopen', tags: ['values'], params: IdParam, body: ReopenBody, response: ReopenResult,
        summary: '重新开放 (reopen a locked figure with a reason: approved, or in a closed round; planners)',
        description: 'An approved figure goes back to draft (its approved value keeps counting until a change is approved); a figure of a closed round may be changed again. The reason is kept in the figure’s history and the audit log. 409 `not_locked` when the figure is not locked.',
      }),
      middleware: [planners] as const,
    },
    async (c) => c.json(await reopenValue(c.var.deps.db, c.req.valid('param').id, c.req.valid('json'), actorOf(c), c.var.deps.clock.now()), 200),
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
