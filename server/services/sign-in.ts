// Signing in and out: the throttle, the password check, the audit entry and the session.
//
// The throttle counts a try *before* its password is checked, under a lock on the account's row (and
// the address's), in the database: thirty tries sent at once to one account, on one instance or
// several, are counted one after the other, and only the free ones get as far as the (slow, on
// purpose) password check. Beyond the free tries, none starts while another is still being checked,
// and each waits 1 s, 2 s, 4 s, … after the last failure. The rest are told how long to wait.
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import { isPostgres } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { audit, type Actor } from './audit.ts';
import { UNUSABLE_HASH, verifyPassword } from './passwords.ts';
import { createSession, deleteSession, deleteUserSessions, readSession, type Session } from './sessions.ts';

/** Tries that need no waiting: per account, and per address (more, since a whole office may sign in from one address behind NAT). */
export const FREE_TRIES = { account: 5, address: 20 };
/** A counter starts again after this long without a try. */
export const TRY_WINDOW_MS = 15 * 60_000;
const MAX_WAIT_MS = 15 * 60_000;
/** A check still "running" after this long was cut short (an instance stopped mid-check): it no longer holds others back. */
const CHECK_TIMEOUT_MS = 60_000;
/** Counters idle this long are deleted, to keep the table small. */
const FORGET_AFTER_MS = 24 * 3600_000;

interface Counter {
  key: string;
  free: number;
  /** The account's counter: a success forgives its failures. An address's is only given back the success's own try. */
  account: boolean;
}

/** In the order of their keys: every try locks its rows in the same order, so two never wait for each other the other way round. */
const countersFor = (username: string, ip: string | null): Counter[] => [
  ...(ip ? [{ key: `ip:${ip}`, free: FREE_TRIES.address, account: false }] : []),
  { key: `user:${username}`, free: FREE_TRIES.account, account: true },
];

interface CounterRow {
  tries: number;
  last_try_at: string;
  checking: number;
  checking_since: string | null;
}

/** How long the next try must wait, in ms: nothing within the free tries; beyond them, until no check is running and 1 s, 2 s, 4 s, … have passed since the last try. */
function waitMs(row: CounterRow, free: number, now: Date): number {
  if (row.tries < free) return 0;
  if (row.checking > 0) return 1000;
  const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (row.tries - free));
  return Math.max(0, Date.parse(row.last_try_at) + wait - now.getTime());
}

/** A counter as it stands now: checks cut short no longer run, and one left alone for the window starts again. */
function current(row: CounterRow, now: Date): CounterRow {
  const running = row.checking > 0 && row.checking_since !== null && now.getTime() - Date.parse(row.checking_since) < CHECK_TIMEOUT_MS;
  const checking = running ? row.checking : 0;
  const idle = checking === 0 && now.getTime() - Date.parse(row.last_try_at) > TRY_WINDOW_MS;
  return { ...row, checking, tries: idle ? 0 : row.tries };
}

/**
 * Counts a try against each counter, or answers how long to wait (ms) when one of them says so; a try
 * that has to wait is not counted. One transaction with the counters' rows locked: two tries never
 * both see the same count.
 */
async function countTry(db: Kysely<Database>, counters: Counter[], now: Date): Promise<number> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('sign_in_tries').values(counters.map((c) => ({ key: c.key, tries: 0, last_try_at: at, checking: 0, checking_since: null })))
      .onConflict((oc) => oc.column('key').doNothing()).execute();
    const rows = await trx.selectFrom('sign_in_tries').selectAll().where('key', 'in', counters.map((c) => c.key)).orderBy('key')
      .$if(isPostgres(trx), (q) => q.forUpdate()).execute();
    const counted = counters.map((c) => ({ ...c, row: current(rows.find((r) => r.key === c.key)!, now) }));
    const wait = Math.max(...counted.map((c) => waitMs(c.row, c.free, now)));
    if (wait > 0) return wait;
    for (const c of counted) {
      await trx.updateTable('sign_in_tries').set({ tries: c.row.tries + 1, last_try_at: at, checking: c.row.checking + 1, checking_since: at })
        .where('key', '=', c.key).execute();
    }
    return 0;
  });
}

/** The column counted down by one, never below zero. */
const oneLess = (column: 'checking' | 'tries') => sql<number>`case when ${sql.ref(column)} > 0 then ${sql.ref(column)} - 1 else 0 end`;

/** A failed try stays counted; its wait runs from when it failed, so a slow check does not use it up. */
async function tryFailed(db: Kysely<Database>, counters: Counter[], failedAt: Date): Promise<void> {
  await db.updateTable('sign_in_tries').set({ last_try_at: failedAt.toISOString(), checking: oneLess('checking') })
    .where('key', 'in', counters.map((c) => c.key)).execute();
  await db.deleteFrom('sign_in_tries').where('last_try_at', '<', new Date(failedAt.getTime() - FORGET_AFTER_MS).toISOString()).execute();
}

/**
 * A successful try on its own forgives the account's failures, as a user who mistyped and then got it
 * right expects. While other tries of the account are still being checked (a burst) it forgives
 * nothing, so that a guesser who also holds the right password gains no extra checks by sending it
 * along. An address is only given back the success's own try. (Each SET reads the row as it was.)
 */
async function trySucceeded(db: Kysely<Database>, counters: Counter[]): Promise<void> {
  for (const c of counters) {
    await db.updateTable('sign_in_tries').set({
      tries: c.account ? sql<number>`case when checking <= 1 then 0 else tries end` : oneLess('tries'),
      checking: oneLess('checking'),
    }).where('key', '=', c.key).execute();
  }
}

export interface SignedIn {
  /** The session cookie's token: the only copy (the database keeps a hash). */
  token: string;
  session: Session;
}

export async function signIn(db: Kysely<Database>, credentials: { username: string; password: string }, from: { ip: string | null; userAgent: string | null }, clock: Clock): Promise<SignedIn> {
  const { username, password } = credentials;
  const now = clock.now();
  const counters = countersFor(username, from.ip);
  const wait = await countTry(db, counters, now);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new DomainError('too_many_attempts', 'too_many_attempts', {
      zh: `登录失败次数过多, 请 ${seconds} 秒后再试`,
      en: `Too many failed sign-ins; wait ${seconds} s`,
    }, { retryAfterSeconds: seconds });
  }
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  // Verify even for unknown users so the answer takes as long either way.
  const ok = await verifyPassword(password, user?.password_hash ?? UNUSABLE_HASH);
  const actor: Actor = { userId: user?.id ?? null, username, ip: from.ip };
  if (!user || !ok || user.disabled) {
    await tryFailed(db, counters, clock.now());
    await audit(db, actor, now, 'login_failed', 'session', null);
    throw new DomainError('unauthenticated', 'invalid_credentials', { zh: '用户名或密码错误', en: 'Wrong username or password' });
  }
  await trySucceeded(db, counters);
  const { token } = await createSession(db, user.id, now, from);
  await audit(db, actor, now, 'login', 'session', null);
  const session = (await readSession(db, token, now))!;
  return { token, session };
}

/** Ends this session, or with `everywhere` every session of its user; answers how many ended. */
export async function signOut(db: Kysely<Database>, session: Session, everywhere: boolean, actor: Actor, now: Date): Promise<number> {
  const signedOut = everywhere ? await deleteUserSessions(db, session.user.id) : (await deleteSession(db, session.id), 1);
  await audit(db, actor, now, everywhere ? 'logout_everywhere' : 'logout', 'session', null);
  return signedOut;
}
