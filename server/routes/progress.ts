// GET /api/progress: every target with every output of the progress method, kept prepared per data
// version (services/progress.ts) and sent as bytes, gzip or 304.
import { z } from 'zod';
import { type ProgressEntryT, ProgressEntry, ProgressQuery } from '../../shared/schemas.ts';
import { yearInChina } from '../clock.ts';
import { jsonRoute, preparedAnswers, resourceRouter, sendPreparedJson } from '../http.ts';
import { readDataVersion } from '../services/data-version.ts';
import { progressList } from '../services/progress.ts';

// Every target over every park is too much to compute per request at national scale; the answer only
// changes when the data does (or the calendar year): kept prepared (bytes, gzip, ETag) per data version.
const answers = preparedAnswers();

export const progress = resourceRouter().openapi(
  jsonRoute({
    method: 'get', path: '/', tags: ['progress'],
    summary: '全部目标进展 (progress of every target)', query: ProgressQuery, response: z.array(ProgressEntry),
    description: 'One entry per target with every output of the progress method; coverage targets list covered and uncovered regions, aggregates the parks included and expected.',
  }),
  async (c) => {
    const { deps } = c.var;
    const { basis, ...filter } = c.req.valid('query');
    const ctx = { db: deps.db, currentYear: yearInChina(deps.clock.now()), basis };
    const prepared = await answers(deps.db, JSON.stringify([ctx.currentYear, basis, filter]), await readDataVersion(deps.db), () => progressList(ctx, filter));
    return sendPreparedJson<ProgressEntryT[]>(c, prepared!);
  },
);
