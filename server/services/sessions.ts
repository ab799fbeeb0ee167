// Sessions: the signed-in user behind a cookie's token. They live in the database (a hash of the
// token, never the token), so any number of server instances share them.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.ts';

/** A session ends after this long without use, and in any case after SESSION_MAX_AGE. */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_AGE_MS = 7 * 24 * 3600_000;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface SessionUser {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  parkIds: number[];
  /** The cities a city reviewer reviews (GB/T 2260 codes). */
  cityCodes: string[];
}

/** Whether this user may write figures of this park: planners and admins everywhere, managers their own. */
export function canWritePark(user: SessionUser, parkId: number): boolean {
  if (user.role === 'admin' || user.role === 'planner') return true;
  return user.role === 'park_manager' && user.parkIds.includes(parkId);
}

export interface Session {
  id: string;
  csrfToken: string;
  user: SessionUser;
}

export async function createSession(db: Kysely<Database>, userId: number, now: Date, meta: { ip: string | null; userAgent: string | null }): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insertInto('sessions').values({
    id: digest(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_MAX_AGE_MS).toISOString(), last_seen_at: now.toISOString(),
    ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null,
  }).execute();
  return { token, csrfToken };
}

/** The session a cookie token stands for, if it is still valid; touches it now and then. */
export async function readSession(db: Kysely<Database>, token: string, now: Date): Promise<Session | null> {
  const id = digest(token);
  const row = await db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.csrf_token', 's.expires_at', 's.last_seen_at', 'u.id as user_id', 'u.username', 'u.display_name', 'u.role', 'u.disabled'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  const lastSeen = Date.parse(row.last_seen_at);
  if (Date.parse(row.expires_at) <= now.getTime() || lastSeen + SESSION_IDLE_MS <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  const [parks, cities] = await Promise.all([
    db.selectFrom('user_parks').select('park_id').where('user_id', '=', row.user_id).execute(),
    db.selectFrom('user_regions').select('region_code').where('user_id', '=', row.user_id).orderBy('region_code').execute(),
  ]);
  return {
    id,
    csrfToken: row.csrf_token,
    user: { id: row.user_id, username: row.username, displayName: row.display_name, role: row.role, parkIds: parks.map((p) => p.park_id), cityCodes: cities.map((c) => c.region_code) },
  };
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Signs a user out on every device. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
