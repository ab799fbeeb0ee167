// GET /api/entry/:parkId/:year: the entry form of one park and year; /api/entry/regions/:code/:year: a region's own totals.
import { EntryParams, EntrySheet, RegionEntryParams, RegionEntrySheet } from '../../shared/schemas.ts';
import { currentUser, requireRole } from '../access.ts';
import { notFound } from '../errors.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { entrySheet } from '../services/entry.ts';
import { regionSheet } from '../services/region-figures.ts';

export const entry = resourceRouter().openapi(
  {
    ...jsonRoute({ method: 'get', path: '/regions/{code}/{year}', tags: ['values'], params: RegionEntryParams, response: RegionEntrySheet, summary: '地区合计填报表 (the form of a province’s or city’s own totals for one year: the denominators of share targets, with their source)' }),
    middleware: [requireRole('admin', 'planner', 'park_manager', 'viewer')] as const,
  },
  async (c) => {
    const { code, year } = c.req.valid('param');
    const sheet = await regionSheet(c.var.deps.db, code, year, currentUser(c));
    if (!sheet) throw notFound({ zh: '省或市', en: 'province or city' }, code);
    return c.json(sheet, 200);
  },
).openapi(
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
