// The data version: a counter in the database that every write bumps inside its own transaction.
// Row locking orders the bumps as the commits, so a reader that sees version n sees every change up
// to n — on one instance or many. Computed answers are cached under it (see cachedByDataVersion).
// Finer counters say what changed: the catalogue (indicators, regions), or the figures and parks of a
// province; a target's own progress is cached under those and what the target itself says (see
// services/progress.ts).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

const EVERY_CHANGE = 1;
/** Changes to indicators and regions: everything else has finer counters. */
const CATALOGUE = 2;

/**
 * What a write changed, so that only what depends on it is computed again:
 * - `province`: figures or the park register of these provinces (their targets are computed again);
 * - `targets`: targets or plans (each target's evaluation is kept under what it says, so only a
 *   changed target is computed again: see services/progress.ts);
 * - `catalogue`: anything else (indicators, regions): every cached answer is stale.
 */
export type Change = { kind: 'province'; provinces: readonly string[] } | { kind: 'targets' } | { kind: 'catalogue' };

/** Bumps the data version inside the writer's transaction, with the finer counter of what changed. */
export async function bumpDataVersion(db: Kysely<Database>, change: Change): Promise<void> {
  await db.updateTable('data_version').set({ version: sql`version + 1` })
    .where('id', 'in', change.kind === 'catalogue' ? [EVERY_CHANGE, CATALOGUE] : [EVERY_CHANGE]).execute();
  // In one order, so that two writers never wait for each other's rows the other way round.
  for (const province of change.kind === 'province' ? [...new Set(change.provinces)].sort() : []) {
    await db.insertInto('province_data_versions').values({ province_code: province, version: 1 })
      .onConflict((oc) => oc.column('province_code').doUpdateSet({ version: sql`province_data_versions.version + 1` }))
      .execute();
  }
}

/** The province a region belongs to (GB/T 2260: its first two digits). */
export const provinceOfRegion = (code: string) => `${code.slice(0, 2)}0000`;

/** The provinces whose figures a write touches: of its parks, and of its regions. */
export async function provincesOf(db: Kysely<Database>, subjects: { parkIds: readonly number[]; regionCodes?: readonly (string | null)[] }): Promise<string[]> {
  const parkIds = [...new Set(subjects.parkIds)];
  const ofParks = parkIds.length
    ? (await db.selectFrom('parks').select('province_code').distinct().where('id', 'in', parkIds).execute()).map((p) => p.province_code)
    : [];
  const ofRegions = (subjects.regionCodes ?? []).filter((c): c is string => !!c).map(provinceOfRegion);
  return [...new Set([...ofParks, ...ofRegions])].sort();
}

/** What a target's progress depends on: the catalogue's version and its province's figures version. */
export interface Versions {
  catalogue: number;
  figuresOf: (province: string | null) => number;
}

export async function readVersions(db: Kysely<Database>): Promise<Versions> {
  const [catalogue, provinces] = await Promise.all([
    db.selectFrom('data_version').select('version').where('id', '=', CATALOGUE).executeTakeFirst(),
    db.selectFrom('province_data_versions').select(['province_code', 'version']).execute(),
  ]);
  const byProvince = new Map(provinces.map((p) => [p.province_code, p.version]));
  return { catalogue: catalogue?.version ?? 0, figuresOf: (province) => (province === null ? 0 : byProvince.get(province) ?? 0) };
}

export async function readDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', EVERY_CHANGE).executeTakeFirst();
  return row?.version ?? 0;
}

/**
 * Computations kept in process by key, one map per database handle (so two databases in one process
 * never share answers): concurrent askers share one promise, a failed computation is forgotten, and
 * the oldest entries go first beyond `maxEntries`. The key must say which data the answer is of.
 */
export function promiseCache<R>(maxEntries: number) {
  const caches = new WeakMap<Kysely<Database>, Map<string, Promise<R>>>();
  return (db: Kysely<Database>, key: string, compute: () => Promise<R>): Promise<R> => {
    const cache = caches.get(db) ?? new Map<string, Promise<R>>();
    caches.set(db, cache);
    const hit = cache.get(key);
    if (hit) return hit;
    const value = compute();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return value;
  };
}

/**
 * A small in-process cache of computed answers keyed by the data version: a hit is only possible
 * while nothing has changed since, so it is never stale, and a second instance simply computes its
 * own.
 */
export function cachedByDataVersion<A, R>(compute: (db: Kysely<Database>, args: A) => Promise<R>, keyOf: (args: A) => string, maxEntries = 64) {
  const cache = promiseCache<R>(maxEntries);
  return async (db: Kysely<Database>, args: A): Promise<R> => cache(db, `${await readDataVersion(db)}|${keyOf(args)}`, () => compute(db, args));
}
