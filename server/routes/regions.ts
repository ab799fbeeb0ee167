// GET /api/regions: provinces, cities and counties with their GB/T 2260 codes. The full list is
// thousands of rows that change only with the catalogue: kept prepared (bytes, gzip, ETag).
import { z } from 'zod';
import { CodeParam, Region, RegionsQuery, UpdateRegionBody } from '../../shared/schemas.ts';
import { actorOf, requireRole } from '../access.ts';
import { jsonRoute, preparedAnswers, resourceRouter, sendPreparedJson } from '../http.ts';
import { setReviewLevels } from '../services/review-levels.ts';
import { listRegions } from '../services/catalog.ts';
import { readVersions } from '../services/data-version.ts';

const answers = preparedAnswers();

export const regions = resourceRouter().openapi(
  jsonRoute({ method: 'get', path: '/', tags: ['catalogue'], summary: '行政区划 (GB/T 2260 regions)', query: RegionsQuery, response: z.array(Region) }),
  async (c) => {
    const { db } = c.var.deps;
    const query = c.req.valid('query');
    const { catalogue } = await readVersions(db);
    const prepared = await answers(db, JSON.stringify([query.level ?? null, query.parent ?? null]), catalogue, () => listRegions(db, query));
    return sendPreparedJson<z.infer<typeof Region>[]>(c, prepared!);
  },
).openapi(
  {
    ...jsonRoute({
      method: 'patch', path: '/{code}', tags: ['catalogue'], params: CodeParam, body: UpdateRegionBody, response: Region,
      summary: '审核层级 (a province’s review levels: 1, planners approve; 2, a city reviewer first, then planners; planners, admins)',
    }),
    middleware: [requireRole('admin', 'planner')] as const,
  },
  async (c) => c.json(await setReviewLevels(c.var.deps.db, c.req.valid('param').code, c.req.valid('json').reviewLevels, actorOf(c), c.var.deps.clock.now()), 200),
);
