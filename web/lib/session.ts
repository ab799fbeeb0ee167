// Who is signed in, signing in and out, and every write to the API: JSON or a multipart form with the
// session's CSRF token in X-CSRF-Token, and errors that carry what the API said about each item
// (`problems` of a batch, the import's `report`, the fields in `details`) so a form can show them
// where they belong.
//
// The session cookie is HttpOnly, so the page cannot see it. A small hint in localStorage says “this
// browser signed in”; without it the app does not ask GET /api/auth/me at all (an anonymous visitor
// of the dashboard causes no 401s), with it a 401 simply means signed out.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ImportReportT, MeT, ValueProblemT } from '../../shared/schemas.ts';
import { ApiError, apiErrorOf, apiHeaders, getJson, schemaOf, type SchemaArg } from './api.ts';
import { lazySchema } from './schemas.ts';

const MeSchema = lazySchema((s) => s.Me);

const HINT_KEY = 'mubiao.session';
let memoryHint = false;
let csrfToken: string | null = null;
/** The user chose to sign out (rather than the session running out): pages send them to a plain sign-in. */
let signedOutByChoice = false;

export function signedOutByUser(): boolean {
  return signedOutByChoice;
}

function hasHint(): boolean {
  try {
    return globalThis.localStorage?.getItem(HINT_KEY) === '1' || memoryHint;
  } catch {
    return memoryHint;
  }
}

function setHint(on: boolean): void {
  memoryHint = on;
  try {
    if (on) globalThis.localStorage?.setItem(HINT_KEY, '1');
    else globalThis.localStorage?.removeItem(HINT_KEY);
  } catch {
    // private mode: the hint lasts for this page only
  }
}

const endedListeners = new Set<() => void>();

/** Called when the API says the session is gone (401 on a write, or on /me): the app shows “signed out”. */
export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

function sessionEnded(): void {
  setHint(false);
  csrfToken = null;
  for (const listener of endedListeners) listener();
}

// --- who am I ---------------------------------------------------------------------------------------

export const meQueryKey = ['me'] as const;

async function fetchMe(signal?: AbortSignal): Promise<MeT | null> {
  if (!hasHint()) return null;
  try {
    const me = await getJson('/api/auth/me', MeSchema, { signal });
    csrfToken = me.csrfToken;
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setHint(false);
      csrfToken = null;
      return null;
    }
    throw err;
  }
}

/** The signed-in user, or null when signed out (never an error for that). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
}

// --- writes -------------------------------------------------------------------------------------------

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const hasStrings = (x: unknown, ...keys: string[]) => isRecord(x) && keys.every((k) => typeof x[k] === 'string');

/** A refused write: the API's message and code, and what it said about each item or field. */
export class ApiWriteError extends ApiError {
  constructor(
    message: string,
    status: number,
    code: string,
    /** PUT /api/values: each problem with the batch index and field (and the current figure for 409). */
    readonly problems: ValueProblemT[] = [],
    /** POST /api/import: the full report of a refused commit. */
    readonly report: ImportReportT | null = null,
    /** Fields that are wrong (`parkIds`, `0.version`, `comment`, …). */
    readonly details: { path: string; message: string }[] = [],
    /** 429: seconds to wait before trying again. */
    readonly retryAfter: number | null = null,
  ) {
    super(message, status, code);
  }
}

/** Turns an error answer into an ApiWriteError. Pure: unit-tested without a server. */
export function writeErrorFrom(status: number, statusText: string, body: unknown, retryAfterHeader: string | null): ApiWriteError {
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader.trim()) ? Number(retryAfterHeader) : null;
  const e = apiErrorOf(body);
  if (!e) {
    return new ApiWriteError(`请求失败 (HTTP ${[status, statusText].filter(Boolean).join(' ')})`, status, 'http_error', [], null, [], retryAfter);
  }
  // The server's own error body (its schemas are in shared/schemas.ts): checked for the fields the
  // forms read, without loading zod for a refusal.
  const problems = Array.isArray(e.problems) && e.problems.every((p) => hasStrings(p, 'field', 'code', 'message')) ? e.problems as ValueProblemT[] : [];
  const report = isRecord(e.report) && Array.isArray(e.report.problems) && Array.isArray(e.report.rows) ? e.report as unknown as ImportReportT : null;
  const details = Array.isArray(e.details) ? e.details.filter((d) => hasStrings(d, 'path', 'message')) as { path: string; message: string }[] : [];
  return new ApiWriteError(e.message, status, e.code, problems, report, details, retryAfter);
}

async function csrf(): Promise<string | null> {
  if (csrfToken) return csrfToken;
  await fetchMe();
  return csrfToken;
}

async function send<T>(method: string, path: string, body: BodyInit | undefined, headers: Record<string, string>, schema?: SchemaArg<T>): Promise<T> {
  const token = path === '/api/auth/login' ? null : await csrf();
  let res: Response;
  try {
    res = await fetch(path, {
      method, body, credentials: 'same-origin',
      headers: apiHeaders({ ...headers, ...(token ? { 'X-CSRF-Token': token } : {}) }),
    });
  } catch {
    throw new ApiWriteError('无法连接服务器, 未保存: 请检查网络后重试 (network error; nothing was saved)', 0, 'network_error');
  }
  const answer: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = writeErrorFrom(res.status, res.statusText, answer, res.headers.get('Retry-After'));
    if (res.status === 401 && path !== '/api/auth/login') sessionEnded();
    throw error;
  }
  if (!schema) return answer as T;
  const parsed = (await schemaOf(schema)).safeParse(answer);
  if (!parsed.success) throw new ApiWriteError(`服务器返回的数据格式不符 (unexpected response shape) ${path}`, res.status, 'bad_response');
  return parsed.data;
}

/** A JSON write (POST, PUT, PATCH, DELETE) with the CSRF token; throws ApiWriteError when refused. */
export function sendJson<T = unknown>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, schema?: SchemaArg<T>): Promise<T> {
  return send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? {} : { 'Content-Type': 'application/json' }, schema);
}

/** A multipart upload (the import) with the CSRF token. */
export function sendForm<T = unknown>(path: string, form: FormData, schema?: SchemaArg<T>): Promise<T> {
  return send('POST', path, form, {}, schema);
}

// --- sign in and out -------------------------------------------------------------------------------

/** Queries that do not depend on who is signed in; everything else is dropped when the user changes. */
const SHARED_QUERIES = new Set(['meta', 'indicators', 'regions']);

function dropUserQueries(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => !SHARED_QUERIES.has(String(q.queryKey[0])) && q.queryKey[0] !== meQueryKey[0] });
}

export async function signIn(queryClient: QueryClient, username: string, password: string): Promise<MeT> {
  const me = await sendJson('POST', '/api/auth/login', { username, password }, MeSchema);
  signedOutByChoice = false;
  setHint(true);
  csrfToken = me.csrfToken;
  dropUserQueries(queryClient);
  queryClient.setQueryData(meQueryKey, me);
  return me;
}

export async function signOut(queryClient: QueryClient, everywhere = false): Promise<void> {
  try {
    await sendJson('POST', '/api/auth/logout', { everywhere });
  } catch (err) {
    // Already signed out on the server: the same outcome.
    if (!(err instanceof ApiError && err.status === 401)) throw err;
  }
  setHint(false);
  csrfToken = null;
  signedOutByChoice = true;
  queryClient.setQueryData(meQueryKey, null);
  dropUserQueries(queryClient);
}

/** The session ended elsewhere (expired, signed out everywhere): forget the user. */
export function forgetUser(queryClient: QueryClient): void {
  queryClient.setQueryData(meQueryKey, null);
  dropUserQueries(queryClient);
}

/**
 * After a figure is written, approved or imported: every view that reads figures refreshes — the entry
 * form, tasks, board, review list, audit, and the dashboard's progress (so “the dashboard moves”).
 */
export function invalidateAfterWrite(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] && !SHARED_QUERIES.has(String(q.queryKey[0])) });
}
