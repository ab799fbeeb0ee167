// Candidate targets from a pasted policy text (planners and admins): the extractor of shared/extract.ts,
// with the drafts the page sends back to POST /api/targets to accept them.
import { ExtractBody, ExtractResult } from '../../shared/schemas.ts';
import { requireRole } from '../access.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { extractWithDrafts } from '../services/extraction.ts';

export const extraction = resourceRouter().openapi(
  {
    ...jsonRoute({
      method: 'post', path: '/', tags: ['targets'], body: ExtractBody, response: ExtractResult,
      summary: '从政策文本提取候选目标 (candidate targets from a policy text, each with its span, indicator, comparator, value, unit, year, scope and confidence; planners)',
      description: 'Rule-based and deterministic. A candidate needs a year the text states or implies (relative years count from `documentYear`, its first year) and a value the text states (清零 = 0, 全覆盖 = every member of the set). Aims without a number are listed in `qualitative`; numbers without a year in `withheld`. Nothing is written.',
    }),
    middleware: [requireRole('admin', 'planner')] as const,
  },
  async (c) => c.json(await extractWithDrafts(c.var.deps.db, c.req.valid('json')), 200),
);
