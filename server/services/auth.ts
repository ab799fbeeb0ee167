// Passwords, sessions and sign-in throttling. Everything lives in the database, so any number of
// server instances share sessions and slow down the same guesser.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.ts';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));

// scrypt is memory-hard: N = 2^15, r = 8 uses 32 MiB a hash, about 0.1 s on these machines.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...SCRYPT, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
  return timingSafeEqual(actual, expected);
}

/** A hash that verifyPassword always rejects, so unknown users cost as much time as known ones. */
export const UNUSABLE_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;

export const PASSWORD_MIN_LENGTH = 10;

// --- sessions ---------------------------------------------------------------------------------------

export const SESSION_COOKIE = 'mz_session';
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
  const parks = await db.selectFrom('user_parks').select('park_id').where('user_id', '=', row.user_id).execute();
  return {
    id,
    csrfToken: row.csrf_token,
    user: { id: row.user_id, username: row.username, displayName: row.display_name, role: row.role, parkIds: parks.map((p) => p.park_id) },
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

// --- throttling -----------------------------------------------------------------------------------

/** Failures allowed within the window before each further try has to wait: per account, and per
 *  address (higher, since a whole office may sign in from one address behind NAT). */
export const FREE_FAILURES = 5;
export const FREE_FAILURES_PER_IP = 20;
export const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_WAIT_MS = 15 * 60_000;

/**
 * How long the next sign-in for this username or from this address has to wait, in ms: nothing for
 * the first failures in 15 minutes, then 1 s, 2 s, 4 s, … up to 15 minutes after the last one.
 */
export async function signInDelay(db: Kysely<Database>, username: string, ip: string | null, now: Date): Promise<number> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const recent = (column: 'username' | 'ip', value: string) => db.selectFrom('login_attempts').select('at')
    .where('at', '>', since).where(column, '=', value).orderBy('at', 'desc').execute();
  const [byUser, byIp] = await Promise.all([recent('username', username), ip ? recent('ip', ip) : Promise.resolve([])]);
  const delay = (rows: { at: string }[], free: number) => {
    if (rows.length < free) return 0;
    const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (rows.length - free));
    return Math.max(0, Date.parse(rows[0]!.at) + wait - now.getTime());
  };
  return Math.max(delay(byUser, FREE_FAILURES), delay(byIp, FREE_FAILURES_PER_IP));
}

export async function recordFailedSignIn(db: Kysely<Database>, username: string, ip: string | null, now: Date): Promise<void> {
  await db.insertInto('login_attempts').values({ username, ip, at: now.toISOString() }).execute();
  // Old attempts are of no use; keep the table small.
  await db.deleteFrom('login_attempts').where('at', '<', new Date(now.getTime() - 24 * 3600_000).toISOString()).execute();
}

export async function clearFailedSignIns(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}

// --- first start ------------------------------------------------------------------------------------

/** Creates the admin account when there are no users yet; returns the password if it was generated. */
export async function ensureAdmin(db: Kysely<Database>, now: Date, password: string | undefined): Promise<{ created: boolean; generatedPassword: string | null }> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false, generatedPassword: null };
  const generated = password ? null : randomBytes(12).toString('base64url');
  await db.insertInto('users').values({
    username: 'admin', display_name: '系统管理员', password_hash: await hashPassword(password ?? generated!), role: 'admin',
    created_at: now.toISOString(), updated_at: now.toISOString(),
  }).execute();
  return { created: true, generatedPassword: generated };
}
