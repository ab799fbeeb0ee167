// Read-only catalogue resources: health, regions, indicators, plans.
import { z } from 'zod';
import { Health, Indicator, Plan, Region, RegionsQuery } from '../../shared/schemas.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { listIndicators, listPlans } from '../services/catalog.ts';

export const health = resourceRouter().openapi(
  jsonRoute({ method: 'get', path: '/', tags: ['system'], summary: '服务状态 (health)', response: Health }),
  async (c) => {
    const { deps } = c.var;
    await deps.db.selectFrom('regions').select('code').limit(1).execute();
    return c.json({ status: 'ok' as const, database: deps.databaseKind }, 200);
  },
);

export const regions = resourceRouter().openapi(
  jsonRoute({ method: 'get', path: '/', tags: ['catalogue'], summary: '行政区划 (GB/T 2260 regions)', query: RegionsQuery, response: z.array(Region) }),
  async (c) => {
    const { level, parent } = c.req.valid('query');
    let q = c.var.deps.db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code as parentCode']);
    if (level) q = q.where('level', '=', level);
    if (parent) q = q.where('parent_code', '=', parent);
    return c.json(await q.orderBy('code').execute(), 200);
  },
);

export const indicators = resourceRouter().openapi(
  jsonRoute({ method: 'get', path: '/', tags: ['catalogue'], summary: '指标目录 (indicator catalogue)', response: z.array(Indicator) }),
  async (c) => {
    const list = await listIndicators(c.var.deps.db);
    return c.json(list.map((i) => ({
      code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, unit: i.unit, direction: i.direction, kind: i.kind, aggregation: i.aggregation,
      numerator: i.numerator ?? null, denominator: i.denominator ?? null, factor: i.factor ?? null, shareOf: i.shareOf ?? null, definitionZh: i.definitionZh ?? null,
    })), 200);
  },
);

export const plans = resourceRouter().openapi(
  jsonRoute({ method: 'get', path: '/', tags: ['targets'], summary: '规划与政策文件 (plans: the documents targets come from)', response: z.array(Plan) }),
  async (c) => c.json(await listPlans(c.var.deps.db), 200),
);
