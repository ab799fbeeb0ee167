// What every request handler can reach: the database and the clock, injected by createApp.
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { DatabaseKind } from './db/connection.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppDeps {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  clock: Clock;
}

export interface AppEnv {
  Variables: { deps: AppDeps };
}
