// GET /api/entry/:parkId/:year: the entry form of one park and year.
import { EntryParams, EntrySheet } from '../../shared/schemas.ts';
import { currentUser, requireRole } from '../access.ts';
import { notFound } from '../errors.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { entrySheet } from '../services/entry.ts';

export const entry = resourceRouter().openapi(
  {
    ...jsonRoute({ method: 'get', path: '/{parkId}/{year}', tags: ['values'], params: EntryParams, response: EntrySheet, summary: '填报表 (the entry form of one park and year: figures, last year, derived ratios, targets fed)' }),
    middleware: [requireRole('admin', 'planner', 'park_manager', 'city_reviewer', 'viewer')] as const,
  },
  async (c) => {
    const { parkId, year } = c.req.valid('param');
    const sheet = await entrySheet(c.var.deps.db, parkId, year, currentUser(c), c.var.deps.clock.now());
    if (!sheet) throw notFound({ zh: '园区', en: 'park' }, parkId);
    return c.json(sheet, 200);
  },
);
