// GET /api/health: the service answers and its database does.
import { Health } from '../../shared/schemas.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { checkDatabase } from '../services/health.ts';

export const health = resourceRouter().openapi(
  jsonRoute({ method: 'get', path: '/', tags: ['system'], summary: '服务状态 (health)', response: Health }),
  async (c) => {
    const { deps } = c.var;
    await checkDatabase(deps.db);
    return c.json({ status: 'ok' as const, database: deps.databaseKind }, 200);
  },
);
