// What every request handler can reach: the database and the clock, injected by createApp.
import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import type { Database } from './db/schema.ts';
import type { DatabaseKind } from './db/connection.ts';
import type { Session } from './services/sessions.ts';
import type { ScreenAccess } from './services/screens.ts';

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
