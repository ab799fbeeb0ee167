// GET /api/progress: every target with every output of the progress method, kept prepared per data
// version (services/progress.ts) and sent as bytes, gzip or 304.
import { z } from 'zod';
import { type ProgressEntryT, ProgressEntry, ProgressQuery } from '../../shared/schemas.ts';
import { jsonRoute, resourceRouter, sendPreparedJson } from '../http.ts';
import { progressOfTargets } from '../services/progress.ts';

export const progress = resourceRouter().openapi(
  jsonRoute({
    method: 'get', path: '/', tags: ['progress'],
    summary: '全部目标进展 (progress of every target)', query: ProgressQuery, response: z.array(ProgressEntry),
    description: 'One entry per target with every output of the progress method; coverage targets list covered and uncovered regions, aggregates the parks included and expected.',
  }),
  async (c) => {
    const { deps } = c.var;
    const { basis, ...filter } = c.req.valid('query');
    const prepared = await progressOfTargets({ db: deps.db, currentYear: deps.clock.now().getUTCFullYear(), basis }, filter);
    return sendPreparedJson<ProgressEntryT[]>(c, prepared);
  },
);
