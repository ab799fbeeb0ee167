// The errors services throw: what went wrong for a person, in Chinese and in English, and a code for
// programs. Nothing here knows HTTP; the HTTP layer (http.ts) turns each kind into a status code and
// picks the language the request asked for.
import type { BilingualT } from '../shared/schemas.ts';

export type Bilingual = BilingualT;

/** What kind of refusal: the HTTP layer answers each with one status (see STATUS_OF_KIND in http.ts). */
export type ErrorKind =
  /** The request itself is wrong: a field, a file that cannot be read. */
  | 'invalid'
  /** Nobody is signed in, the password is wrong, or a screen link is not (or no longer) valid. */
  | 'unauthenticated'
  /** Signed in, but not allowed to do this. */
  | 'forbidden'
  | 'not_found'
  /** The data changed since the writer saw it, a name is taken, or the change would break a rule that holds the data together. */
  | 'conflict'
  | 'too_large'
  /** Figures or targets failed their checks; `extra.problems` names each. */
  | 'checks_failed'
  /** Too many tries: wait `retryAfterSeconds`. */
  | 'too_many_attempts'
  /** Busy right now: try again after `retryAfterSeconds`. */
  | 'unavailable';

/** One field that is wrong: where (`values.3.value`, `parkIds`) and what is wrong with it. */
export interface ErrorDetail {
  path: string;
  messages: Bilingual;
}

export interface ErrorOptions {
  details?: ErrorDetail[];
  /** More fields for the answer's error object: a refused batch's problems, a 409's current version, … */
  extra?: Record<string, unknown>;
  /** How long to wait before trying again (too_many_attempts, unavailable). */
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  readonly details: ErrorDetail[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(readonly kind: ErrorKind, readonly code: string, readonly messages: Bilingual, options: ErrorOptions = {}) {
    // Logs and stack traces read the English.
    super(messages.en);
    this.name = 'DomainError';
    this.details = options.details;
    this.extra = options.extra;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

// The refusals services say most often, named for what they mean.

/** A request that is wrong; `details` say which field and why. */
export const invalid = (code: string, messages: Bilingual, details?: ErrorDetail[]) => new DomainError('invalid', code, messages, { details });

/** `what`: the kind of thing in both languages, e.g. { zh: '园区', en: 'park' }. */
export const notFound = (what: Bilingual, id: number | string) =>
  new DomainError('not_found', 'not_found', { zh: `未找到${what.zh} ${id}`, en: `${capitalised(what.en)} ${id} not found` });

export const forbidden = (code: string, messages: Bilingual) => new DomainError('forbidden', code, messages);

export const conflict = (code: string, messages: Bilingual, extra?: Record<string, unknown>) => new DomainError('conflict', code, messages, { extra });

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
