// What every request handler can reach: the database and the clock, injected by createApp.
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { DatabaseKind } from './db/connection.ts';
import type { Session } from './services/auth.ts';
import type { ScreenAccess } from './services/screens.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts on `day` (YYYY-MM-DD, at this moment's time of day) and runs on from there. */
export function clockFrom(day: string): Clock {
  const start = new Date();
  const offset = Date.parse(`${day}T${start.toISOString().slice(11)}`) - start.getTime();
  return { now: () => new Date(Date.now() + offset) };
}

export interface AppDeps {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  clock: Clock;
  /** Take the client's address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy?: boolean;
  /** Send cookies with Secure (when served over HTTPS). */
  secureCookies?: boolean;
  /** public: anyone may read figures and progress (the default); signed_in: reads need a session. */
  readAccess?: 'public' | 'signed_in';
}

export interface AppEnv {
  /** session: a signed-in user; screen: a wall display reading with its screen link (read only). */
  Variables: { deps: AppDeps; session: Session | null; screen: ScreenAccess | null };
}
