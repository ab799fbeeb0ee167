// /api/auth: sign in (the session cookie), sign out (here or everywhere), and who am I. The use cases
// live in services/sign-in.ts; here are the cookie and the request's address.
import { z } from 'zod';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LoginBody, LogoutBody, Me } from '../../shared/schemas.ts';
import { actorOf, clientIp, currentUser, SESSION_COOKIE } from '../access.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { SESSION_MAX_AGE_MS } from '../services/sessions.ts';
import { signIn, signOut } from '../services/sign-in.ts';

export const auth = resourceRouter()
  .openapi(
    jsonRoute({ method: 'post', path: '/login', tags: ['auth'], summary: '登录 (sign in); sets an HttpOnly session cookie', body: LoginBody, response: Me }),
    async (c) => {
      const { db, clock, secureCookies } = c.var.deps;
      const { token, session } = await signIn(db, c.req.valid('json'), { ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null }, clock);
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: !!secureCookies, path: '/', maxAge: SESSION_MAX_AGE_MS / 1000 });
      return c.json({ ...session.user, csrfToken: session.csrfToken }, 200);
    },
  )
  .openapi(
    jsonRoute({ method: 'post', path: '/logout', tags: ['auth'], summary: '退出登录 (sign out; `everywhere` ends every session of the user)', body: LogoutBody, response: z.object({ signedOut: z.number().int() }) }),
    async (c) => {
      const { db, clock } = c.var.deps;
      const session = c.var.session;
      const signedOut = session ? await signOut(db, session, !!c.req.valid('json').everywhere, actorOf(c), clock.now()) : 0;
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
