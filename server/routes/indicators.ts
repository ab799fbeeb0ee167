// GET /api/indicators: the indicator catalogue (shared/indicators.ts, and any added to the database).
import { z } from 'zod';
import { Indicator } from '../../shared/schemas.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { listIndicators } from '../services/catalog.ts';

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
