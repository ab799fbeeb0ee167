// The audit log: who changed what, when, from where. Written in the same transaction as the change.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AuditEntry, AuditQuery } from '../../shared/schemas.ts';
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

/** The audit log, newest first, filtered; `before` pages back by id. */
export async function listAudit(db: Kysely<Database>, query: z.infer<typeof AuditQuery>): Promise<z.infer<typeof AuditEntry>[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (query.user) q = q.where('username', '=', query.user);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.before) q = q.where('id', '<', query.before);
  const rows = await q.orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map((r) => ({
    id: r.id, at: r.at, username: r.username, action: r.action, entity: r.entity, entityId: r.entity_id,
    detail: r.detail ? JSON.parse(r.detail) as unknown : null, ip: r.ip,
  }));
}
