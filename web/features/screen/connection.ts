// Whether the screen still hears from the server, from the state of its queries: a revoked or wrong
// link (401) ends the show at once; a network failure or a server error keeps the last data on the
// wall with a “连接中断” badge until a later request succeeds. Pure.
import { ApiError } from '../../lib/api.ts';

export type Connection = 'online' | 'offline' | 'revoked';

export interface QueryHealth {
  status: 'pending' | 'error' | 'success';
  error: unknown;
}

/** 401 from any request with the token: the link is wrong or revoked. */
export function isRevoked(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'screen_revoked' || error.status === 401);
}

/** The server was not reached, or failed: worth asking again soon. A 404 or 400 is not. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return error !== null && error !== undefined;
  return error.status === 0 || error.status >= 500 || error.code === 'bad_response';
}

export function connectionOf(queries: readonly QueryHealth[]): Connection {
  if (queries.some((q) => q.status === 'error' && isRevoked(q.error))) return 'revoked';
  if (queries.some((q) => q.status === 'error' && isConnectionError(q.error))) return 'offline';
  return 'online';
}

/** Until the server answers again, ask every 10 s (or sooner when the refresh is shorter). */
export const RECONNECT_MS = 10_000;

export function refetchEvery(refreshMs: number, failing: boolean): number {
  return failing ? Math.min(refreshMs, RECONNECT_MS) : refreshMs;
}

/** Whether a failed request is asked again at once (once), before the badge shows. */
export function shouldRetry(failures: number, error: unknown): boolean {
  return failures < 1 && isConnectionError(error) && !isRevoked(error);
}

/**
 * The quiet reload: when it is due, only while the page is shown and the server answers, else try
 * again a minute later (a wall must never reload into an error page).
 */
export function reloadDecision(input: { hidden: boolean; connection: Connection }): 'reload' | 'later' {
  return !input.hidden && input.connection === 'online' ? 'reload' : 'later';
}
