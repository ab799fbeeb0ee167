// Sign-in, sign-out (here or everywhere), and who am I.
import { z } from 'zod';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LoginBody, LogoutBody, Me } from '../../shared/schemas.ts';
import { actorOf, clientIp, currentUser } from '../auth.ts';
import { ApiError, jsonRoute, resourceRouter } from '../http.ts';
import { audit } from '../services/audit.ts';
import {
  clearFailedSignIns, createSession, deleteSession, deleteUserSessions, readSession, recordFailedSignIn,
  SESSION_COOKIE, SESSION_MAX_AGE_MS, signInDelay, UNUSABLE_HASH, verifyPassword,
} from '../services/auth.ts';

export const auth = resourceRouter()
  .openapi(
    jsonRoute({ method: 'post', path: '/login', tags: ['auth'], summary: '登录 (sign in); sets an HttpOnly session cookie', body: LoginBody, response: Me }),
    async (c) => {
      const { db, clock, secureCookies } = c.var.deps;
      const { username, password } = c.req.valid('json');
      const now = clock.now();
      const ip = clientIp(c);
      const wait = await signInDelay(db, username, ip, now);
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        throw new ApiError(429, 'too_many_attempts', `登录失败次数过多, 请 ${Math.ceil(wait / 1000)} 秒后再试 (too many failed sign-ins; wait ${Math.ceil(wait / 1000)} s)`);
      }
      const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      // Verify even for unknown users so the answer takes as long either way.
      const ok = await verifyPassword(password, user?.password_hash ?? UNUSABLE_HASH);
      if (!user || !ok || user.disabled) {
        await recordFailedSignIn(db, username, ip, now);
        await audit(db, { userId: user?.id ?? null, username, ip }, now, 'login_failed', 'session', null);
        throw new ApiError(401, 'invalid_credentials', '用户名或密码错误 (wrong username or password)');
      }
      await clearFailedSignIns(db, username);
      const { token } = await createSession(db, user.id, now, { ip, userAgent: c.req.header('user-agent') ?? null });
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: !!secureCookies, path: '/', maxAge: SESSION_MAX_AGE_MS / 1000 });
      await audit(db, { userId: user.id, username, ip }, now, 'login', 'session', null);
      const session = (await readSession(db, token, now))!;
      return c.json({ ...session.user, csrfToken: session.csrfToken }, 200);
    },
  )
  .openapi(
    jsonRoute({ method: 'post', path: '/logout', tags: ['auth'], summary: '退出登录 (sign out; `everywhere` ends every session of the user)', body: LogoutBody, response: z.object({ signedOut: z.number().int() }) }),
    async (c) => {
      const { db, clock } = c.var.deps;
      const session = c.var.session;
      let signedOut = 0;
      if (session) {
        const { everywhere } = c.req.valid('json');
        signedOut = everywhere ? await deleteUserSessions(db, session.user.id) : (await deleteSession(db, session.id), 1);
        await audit(db, actorOf(c), clock.now(), everywhere ? 'logout_everywhere' : 'logout', 'session', null);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ signedOut }, 200);
    },
  )
  .openapi(
    jsonRoute({ method: 'get', path: '/me', tags: ['auth'], summary: '当前用户 (the signed-in user, with the CSRF token for writes)', response: Me }),
    async (c) => {
      const user = currentUser(c);
      return c.json({ ...user, csrfToken: c.var.session!.csrfToken }, 200);
    },
  );
