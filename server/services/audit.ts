// The audit log: who changed what, when, from where. Written in the same transaction as the change.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface Actor {
  userId: number | null;
  username: string;
  ip: string | null;
}

export async function audit(db: Kysely<Database>, actor: Actor, at: Date, action: string, entity: string, entityId: string | number | null, detail?: unknown): Promise<void> {
  await db.insertInto('audit_log').values({
    at: at.toISOString(), user_id: actor.userId, username: actor.username, action, entity,
    entity_id: entityId === null ? null : String(entityId), detail: detail === undefined ? null : JSON.stringify(detail), ip: actor.ip,
  }).execute();
}
