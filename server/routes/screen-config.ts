// GET /api/screen/config: a wall display's own settings, for the screen link's token it sends.
import { ScreenConfig } from '../../shared/schemas.ts';
import { DomainError } from '../errors.ts';
import { jsonRoute, resourceRouter } from '../http.ts';

export const screenConfig = resourceRouter().openapi(
  jsonRoute({ method: 'get', path: '/', tags: ['screens'], summary: '大屏配置 (the display’s own settings, for its X-Screen-Token)', response: ScreenConfig }),
  async (c) => {
    // A wrong or revoked token is refused before this (access.ts); here no token came at all.
    if (!c.var.screen) {
      throw new DomainError('unauthenticated', 'screen_revoked', { zh: '大屏链接无效或已被撤销, 请联系管理员', en: 'Send the screen link’s token in X-Screen-Token' });
    }
    return c.json(c.var.screen, 200);
  },
);
