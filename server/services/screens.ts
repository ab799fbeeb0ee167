// Screen links: an admin makes a long random token for a wall display; the display reads with it and
// can never write. Only a hash of the token is stored; revoking ends it at once on every instance.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { ScreenSettings, type CreateScreenBody, type Screen } from '../../shared/schemas.ts';
import type { Database } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { audit, type Actor } from './audit.ts';

type ScreenOut = z.infer<typeof Screen>;
export interface ScreenAccess { id: number; label: string; settings: z.infer<typeof ScreenSettings> }

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const TOUCH_EVERY_MS = 60_000;

export async function createScreen(db: Kysely<Database>, input: z.infer<typeof CreateScreenBody>, actor: Actor, now: Date): Promise<{ id: number; token: string; url: string }> {
  const { label, ...settings } = input;
  const token = randomBytes(32).toString('base64url');
  const id = await db.transaction().execute(async (trx) => {
    const { id: screenId } = await trx.insertInto('screens').values({
      label, token_hash: hashToken(token), settings: JSON.stringify(ScreenSettings.parse(settings)),
      created_by: actor.userId, created_at: now.toISOString(), revoked_at: null, last_seen_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, actor, now, 'create', 'screen', screenId, { label, settings });
    return screenId;
  });
  return { id, token, url: `/screen/${token}` };
}

export async function listScreens(db: Kysely<Database>): Promise<ScreenOut[]> {
  const rows = await db.selectFrom('screens').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, label: r.label, settings: ScreenSettings.parse(JSON.parse(r.settings)), createdAt: r.created_at, revokedAt: r.revoked_at, lastSeenAt: r.last_seen_at }));
}

export async function revokeScreen(db: Kysely<Database>, id: number, actor: Actor, now: Date): Promise<void> {
  const row = await db.selectFrom('screens').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ zh: '大屏链接', en: 'screen link' }, id);
  if (row.revoked_at) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('screens').set({ revoked_at: now.toISOString() }).where('id', '=', id).execute();
    await audit(trx, actor, now, 'revoke', 'screen', id);
  });
}

/** The screen a token opens, or null when the token is wrong or revoked. */
export async function screenForToken(db: Kysely<Database>, token: string, now: Date): Promise<ScreenAccess | null> {
  const row = await db.selectFrom('screens').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row || row.revoked_at) return null;
  if (!row.last_seen_at || now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable('screens').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { id: row.id, label: row.label, settings: ScreenSettings.parse(JSON.parse(row.settings)) };
}
