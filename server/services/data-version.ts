// The data version: a counter in the database that every write bumps inside its own transaction.
// Row locking orders the bumps as the commits, so a reader that sees version n sees every change up
// to n — on one instance or many. Computed answers are cached under it (see cachedByDataVersion).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export async function bumpDataVersion(db: Kysely<Database>): Promise<void> {
  await db.updateTable('data_version').set({ version: sql`version + 1` }).where('id', '=', 1).execute();
}

export async function readDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
  return row?.version ?? 0;
}

/**
 * A small in-process cache of computed answers keyed by the data version: a hit is only possible
 * while nothing has changed since, so it is never stale, and a second instance simply computes its
 * own. Bounded: the oldest entries go first.
 */
export function cachedByDataVersion<A, R>(compute: (db: Kysely<Database>, args: A) => Promise<R>, keyOf: (args: A) => string, maxEntries = 64) {
  // One cache per database handle, so two databases in one process never share answers.
  const caches = new WeakMap<Kysely<Database>, Map<string, Promise<R>>>();
  return async (db: Kysely<Database>, args: A): Promise<R> => {
    const cache = caches.get(db) ?? new Map<string, Promise<R>>();
    caches.set(db, cache);
    const key = `${await readDataVersion(db)}|${keyOf(args)}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const value = compute(db, args);
    cache.set(key, value);
    value.catch(() => cache.delete(key));
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return value;
  };
}
