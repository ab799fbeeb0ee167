// Who is asking, and what they may do: the session cookie, CSRF protection on writes, screen links,
// and role checks for routes. The HTTP side of sessions; services/sessions.ts keeps them.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Role } from './db/schema.ts';
import type { AppEnv } from './context.ts';
import { DomainError, forbidden } from './errors.ts';
import { readSession, type SessionUser } from './services/sessions.ts';
import { screenForToken } from './services/screens.ts';
import type { Actor } from './services/audit.ts';

/** The session cookie's name; its value is the session's token. */
export const SESSION_COOKIE = 'mz_session';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NOT_SIGNED_IN = new DomainError('unauthenticated', 'unauthenticated', { zh: '请先登录', en: 'Sign in first' });
const SCREEN_REVOKED = new DomainError('unauthenticated', 'screen_revoked', { zh: '大屏链接无效或已被撤销, 请联系管理员', en: 'This screen link is wrong or revoked: ask an admin' });
export const CSRF_HEADER = 'x-csrf-token';
/** A wall display sends its screen link's token in this header; it may read, never write. */
export const SCREEN_HEADER = 'x-screen-token';

/** The client's address: the socket's, or the first forwarded one behind a trusted proxy. */
export function clientIp(c: Context<AppEnv>): string | null {
  if (c.var.deps.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // not on Node's server (app.request in tests)
  }
}

export function actorOf(c: Context<AppEnv>): Actor {
  const user = c.var.session?.user;
  return { userId: user?.id ?? null, username: user?.username ?? 'anonymous', ip: clientIp(c) };
}

/**
 * Reads the session cookie for every API request. Writes from a signed-in browser must carry the
 * session's CSRF token in X-CSRF-Token; form posts must also come from our own origin.
 */
export function sessionMiddleware(): MiddlewareHandler<AppEnv>[] {
  const originCheck = csrf();
  const readIt: MiddlewareHandler<AppEnv> = async (c, next) => {
    const now = c.var.deps.clock.now();
    // A request with a screen link's token reads as that screen, even from a signed-in browser (an
    // admin previewing the wall): the token decides, and it never writes.
    const screenToken = c.req.header(SCREEN_HEADER);
    c.set('screen', null);
    c.set('session', null);
    if (screenToken) {
      const screen = await screenForToken(c.var.deps.db, screenToken, now);
      if (!screen) throw SCREEN_REVOKED;
      if (UNSAFE.has(c.req.method)) throw forbidden('read_only', { zh: '大屏链接只能查看, 不能修改数据', en: 'A screen link is read-only' });
      c.set('screen', screen);
      await next();
      return;
    }
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await readSession(c.var.deps.db, token, now) : null;
    c.set('session', session);
    if (session && UNSAFE.has(c.req.method) && c.req.path !== '/api/auth/login') {
      if (c.req.header(CSRF_HEADER) !== session.csrfToken) {
        throw forbidden('csrf', { zh: 'CSRF 校验失败: 请刷新页面后重试', en: 'Missing or wrong X-CSRF-Token: reload the page and try again' });
      }
    }
    await next();
  };
  return [originCheck, readIt];
}

/** Paths anyone may read even when reads need a session: to sign in, and to check the service. */
const OPEN_PATHS = ['/api/health', '/api/openapi.json', '/api/auth/', '/api/meta'];

/** With READ_ACCESS=signed_in, every read of data needs a session. */
export function readAccessMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.var.deps.readAccess === 'signed_in' && !c.var.session && !c.var.screen && !OPEN_PATHS.some((p) => c.req.path === p || (p.endsWith('/') && c.req.path.startsWith(p)))) {
      throw NOT_SIGNED_IN;
    }
    await next();
  };
}

/** Lets the request through only for a signed-in user of one of these roles. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.var.session?.user;
    if (!user) throw NOT_SIGNED_IN;
    if (!roles.includes(user.role)) throw forbidden('forbidden', { zh: '当前角色无权执行此操作', en: `The role ${user.role} may not do this` });
    await next();
  };
}

export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.var.session?.user;
  if (!user) throw NOT_SIGNED_IN;
  return user;
}
