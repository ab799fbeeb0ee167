// A signed-in HTTP client for tests: keeps the session cookie and sends the CSRF token on writes,
// the way the web app does.
export const TEST_ADMIN_PASSWORD = 'admin-password-for-tests';

export interface Client {
  /** The JSON body and status of a request; never throws on 4xx/5xx. */
  request<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }>;
  get<T = any>(path: string): Promise<T>;
  /** Raw fetch with the session cookie and CSRF header (multipart uploads, downloads). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  cookie: string;
  csrfToken: string;
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<Client> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  const me = await res.json() as { csrfToken: string; error?: { message: string } };
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${JSON.stringify(me)}`);
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0]!;
  return sessionClient(baseUrl, cookie, me.csrfToken);
}

/**
 * A client for a session that already exists: its cookie and CSRF token, sent to `baseUrl` (which may
 * be another server instance than the one that signed in).
 */
export function sessionClient(baseUrl: string, cookie: string, csrfToken: string): Client {
  const doFetch = (path: string, init: RequestInit = {}) => fetch(baseUrl + path, {
    ...init,
    // A browser sends Origin with every write; the server's origin check relies on it for form posts.
    headers: { cookie, 'x-csrf-token': csrfToken, origin: baseUrl, ...(init.headers as Record<string, string> | undefined) },
  });
  const request = async (method: string, path: string, body?: unknown) => {
    const r = await doFetch(path, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null, headers: r.headers };
  };
  return {
    cookie, csrfToken, request, fetch: doFetch,
    get: async (path) => {
      const r = await request('GET', path);
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
  };
}

/** Creates a user through the API as the admin and signs in as them. */
export async function createUserAndSignIn(baseUrl: string, admin: Client, user: { username: string; role: string; parkIds?: number[]; cityCodes?: string[] }): Promise<Client & { userId: number }> {
  const password = `${user.username}-password-123`;
  const created = await admin.request('POST', '/api/users', { ...user, password, parkIds: user.parkIds ?? [] });
  if (created.status !== 201) throw new Error(`creating ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
  return { ...(await signIn(baseUrl, user.username, password)), userId: created.body.id };
}
