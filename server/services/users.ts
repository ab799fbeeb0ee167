// Accounts: create, change, list. Admins only (the routes check); every change is audited.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateUserBody, UpdateUserBody, User } from '../../shared/schemas.ts';
import type { Database } from '../db/schema.ts';
import { ApiError } from '../http.ts';
import { audit, type Actor } from './audit.ts';
import { deleteUserSessions, hashPassword } from './auth.ts';

type UserOut = z.infer<typeof User>;

export async function listUsers(db: Kysely<Database>, ids?: number[]): Promise<UserOut[]> {
  let q = db.selectFrom('users').selectAll();
  if (ids) q = q.where('id', 'in', ids.length ? ids : [-1]);
  const [users, links] = await Promise.all([q.orderBy('id').execute(), db.selectFrom('user_parks').selectAll().execute()]);
  return users.map((u) => ({
    id: u.id, username: u.username, displayName: u.display_name, role: u.role, disabled: !!u.disabled, createdAt: u.created_at,
    parkIds: links.filter((l) => l.user_id === u.id).map((l) => l.park_id),
  }));
}

async function checkParks(db: Kysely<Database>, role: string, parkIds: number[]): Promise<void> {
  if (role === 'park_manager' && parkIds.length === 0) {
    throw new ApiError(400, 'invalid_request', '园区填报员至少要绑定一个园区 (a park manager needs at least one park)', [{ path: 'parkIds', message: 'required for park_manager' }]);
  }
  if (parkIds.length === 0) return;
  const found = await db.selectFrom('parks').select('id').where('id', 'in', parkIds).execute();
  const missing = parkIds.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new ApiError(400, 'invalid_request', `园区不存在: ${missing.join(', ')} (unknown park ids)`, [{ path: 'parkIds', message: `unknown: ${missing.join(', ')}` }]);
}

export async function createUser(db: Kysely<Database>, input: z.infer<typeof CreateUserBody>, actor: Actor, now: Date): Promise<UserOut> {
  await checkParks(db, input.role, input.parkIds);
  const passwordHash = await hashPassword(input.password);
  const newId = await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new ApiError(409, 'username_taken', `用户名“${input.username}”已被使用 (username taken)`);
    const { id } = await trx.insertInto('users').values({
      username: input.username, display_name: input.displayName ?? null, password_hash: passwordHash, role: input.role,
      created_at: now.toISOString(), updated_at: now.toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    if (input.parkIds.length) await trx.insertInto('user_parks').values(input.parkIds.map((park_id) => ({ user_id: id, park_id }))).execute();
    await audit(trx, actor, now, 'create', 'user', id, { username: input.username, role: input.role, parkIds: input.parkIds });
    return id;
  });
  return (await listUsers(db, [newId]))[0]!;
}

export async function updateUser(db: Kysely<Database>, id: number, input: z.infer<typeof UpdateUserBody>, actor: Actor, now: Date): Promise<UserOut> {
  const [existing] = await listUsers(db, [id]);
  if (!existing) throw new ApiError(404, 'not_found', `未找到用户 ${id} (user ${id} not found)`);
  const role = input.role ?? existing.role;
  const parkIds = input.parkIds ?? existing.parkIds;
  await checkParks(db, role, role === 'park_manager' ? parkIds : []);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({
      ...(input.role ? { role: input.role } : {}),
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
      ...(passwordHash ? { password_hash: passwordHash } : {}),
      updated_at: now.toISOString(),
    }).where('id', '=', id).execute();
    if (input.parkIds) {
      await trx.deleteFrom('user_parks').where('user_id', '=', id).execute();
      if (input.parkIds.length) await trx.insertInto('user_parks').values(input.parkIds.map((park_id) => ({ user_id: id, park_id }))).execute();
    }
    await audit(trx, actor, now, 'update', 'user', id, { ...input, password: input.password ? '(changed)' : undefined });
  });
  // A disabled account or a new password ends the user's sessions everywhere.
  if (input.disabled || passwordHash) await deleteUserSessions(db, id);
  return (await listUsers(db, [id]))[0]!;
}
