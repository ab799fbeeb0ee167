import { z } from 'zod';
import { ReportedValue, ValuesQuery } from '../../shared/schemas.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { listValues } from '../services/values.ts';

export const values = resourceRouter().openapi(
  jsonRoute({
    method: 'get', path: '/', tags: ['values'], query: ValuesQuery, response: z.array(ReportedValue),
    summary: '填报数据 (reported values), each with its source, who entered it and when',
  }),
  async (c) => c.json(await listValues(c.var.deps.db, c.req.valid('query')), 200),
);
