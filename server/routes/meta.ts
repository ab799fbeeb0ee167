// GET /api/meta: what the web needs to know about the database: demo or real data, the provinces with
// their parks and targets, the plans and their horizons, the years with figures.
import { Meta } from '../../shared/schemas.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { readMeta } from '../services/dashboard.ts';
import { yearInChina } from '../clock.ts';

export const meta = resourceRouter().openapi(
  jsonRoute({
    method: 'get', path: '/', tags: ['dashboard'], response: Meta,
    summary: '产品与数据概况 (meta: demo or real data, provinces with parks and targets, plans and their horizons, years with figures)',
  }),
  async (c) => {
    const { deps } = c.var;
    return c.json(await readMeta(deps.db, deps.databaseKind, yearInChina(deps.clock.now())), 200);
  },
);

