import { EntryParams, EntrySheet } from '../../shared/schemas.ts';
import { currentUser, requireRole } from '../auth.ts';
import { jsonRoute, notFound, resourceRouter } from '../http.ts';
import { entrySheet } from '../services/entry.ts';

export const entry = resourceRouter().openapi(
  {
    ...jsonRoute({ method: 'get', path: '/{parkId}/{year}', tags: ['values'], params: EntryParams, response: EntrySheet, summary: '填报表 (the entry form of one park and year: figures, last year, derived ratios, targets fed)' }),
    middleware: [requireRole('admin', 'planner', 'park_manager', 'viewer')] as const,
  },
  async (c) => {
    const { parkId, year } = c.req.valid('param');
    const sheet = await entrySheet(c.var.deps.db, parkId, year, currentUser(c), c.var.deps.clock.now());
    if (!sheet) throw notFound('园区', 'park', parkId);
    return c.json(sheet, 200);
  },
);
