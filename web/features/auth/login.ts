// What the sign-in form says when the API refuses: wrong name or password, or wait N seconds (429).
import { ApiError } from '../../lib/api.ts';
import { ApiWriteError } from '../../lib/session.ts';

/** Seconds to wait after a 429: the Retry-After header, else the number in the message (“请 4 秒后再试”). */
export function retrySeconds(err: unknown): number | null {
  if (!(err instanceof ApiError) || err.status !== 429) return null;
  if (err instanceof ApiWriteError && err.retryAfter !== null) return err.retryAfter;
  const match = /(\d+)\s*(?:秒|s\b)/.exec(err.message);
  return match ? Number(match[1]) : 1;
}

export type LoginMessage = { key: 'tooMany'; params: { seconds: number } } | { key: 'tryAgainNow' | 'invalid' | 'network' } | { text: string };

/** The message for a refused sign-in; `secondsLeft` counts down a 429's wait. */
export function loginMessage(err: unknown, secondsLeft: number): LoginMessage {
  if (err instanceof ApiError) {
    if (err.status === 429) return secondsLeft > 0 ? { key: 'tooMany', params: { seconds: secondsLeft } } : { key: 'tryAgainNow' };
    if (err.code === 'invalid_credentials') return { key: 'invalid' };
    if (err.status === 0) return { key: 'network' };
    return { text: err.message };
  }
  return { text: err instanceof Error ? err.message : String(err) };
}
