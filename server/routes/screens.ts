// /api/screens: screen links for wall displays (admins make and revoke them; the display reads its
// own settings at /api/screen/config).
import { z } from 'zod';
import { CreatedScreen, CreateScreenBody, IdParam, Screen } from '../../shared/schemas.ts';
import { actorOf, requireRole } from '../access.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { createScreen, listScreens, revokeScreen } from '../services/screens.ts';

const admins = requireRole('admin');

export const screens = resourceRouter()
  .openapi(
    { ...jsonRoute({ method: 'get', path: '/', tags: ['screens'], summary: '大屏链接 (screen links; admins)', response: z.array(Screen) }), middleware: [admins] as const },
    async (c) => c.json(await listScreens(c.var.deps.db), 200),
  )
  .openapi(
    {
      ...jsonRoute({
        method: 'post', path: '/', tags: ['screens'], body: CreateScreenBody, response: CreatedScreen, created: true,
        summary: '新建大屏链接 (make a read-only, revocable screen link; admins)',
        description: 'Answers `{ id, token, url }` once: the token is stored only as a hash and cannot be shown again.',
      }),
      middleware: [admins] as const,
    },
    async (c) => c.json(await createScreen(c.var.deps.db, c.req.valid('json'), actorOf(c), c.var.deps.clock.now()), 201),
  )
  .openapi(
    { ...jsonRoute({ method: 'delete', path: '/{id}', tags: ['screens'], summary: '撤销大屏链接 (revoke; the display shows no data from then on)', params: IdParam, response: z.object({ revoked: z.literal(true) }) }), middleware: [admins] as const },
    async (c) => {
      await revokeScreen(c.var.deps.db, c.req.valid('param').id, actorOf(c), c.var.deps.clock.now());
      return c.json({ revoked: true as const }, 200);
    },
  );
