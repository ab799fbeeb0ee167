// Accounts: create, change, list, and the first admin on first start. Admins only (the routes check);
// every change is audited. One rule holds the product together: there is always an active admin.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateUserBody, UpdateUserBody, User } from '../../shared/schemas.ts';
import { isPostgres } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { audit, type Actor } from './audit.ts';
import { hashPassword } from './passwords.ts';
import { deleteUserSessions } from './sessions.ts';

type UserOut = z.infer<typeof User>;

export async function listUsers(db: Kysely<Database>, ids?: number[]): Promise<UserOut[]> {
  let q = db.selectFrom('users').selectAll();
  if (ids) q = q.where('id', 'in', ids.length ? ids : [-1]);
  const [users, links, cities] = await Promise.all([
    q.orderBy('id').execute(), db.selectFrom('user_parks').selectAll().execute(), db.selectFrom('user_regions').selectAll().orderBy('region_code').execute(),
  ]);
  return users.map((u) => ({
    id: u.id, username: u.username, displayName: u.display_name, role: u.role, disabled: !!u.disabled, createdAt: u.created_at,
    parkIds: links.filter((l) => l.user_id === u.id).map((l) => l.park_id),
    cityCodes: cities.filter((l) => l.user_id === u.id).map((l) => l.region_code),
  }));
}

async function checkParks(db: Kysely<Database>, role: string, parkIds: number[]): Promise<void> {
  if (role === 'park_manager' && parkIds.length === 0) {
    throw invalid('invalid_request', { zh: '园区填报员至少要绑定一个园区', en: 'A park manager needs at least one park' },
      [{ path: 'parkIds', messages: { zh: '园区填报员必须绑定园区', en: 'required for a park manager' } }]);
  }
  if (parkIds.length === 0) return;
  const found = await db.selectFrom('parks').select('id').where('id', 'in', parkIds).execute();
  const missing = parkIds.filter((id) => !found.some((f) => f.id === id)).join(', ');
  if (missing) {
    throw invalid('invalid_request', { zh: `园区不存在: ${missing}`, en: `Unknown park ids: ${missing}` },
      [{ path: 'parkIds', messages: { zh: `不存在: ${missing}`, en: `unknown: ${missing}` } }]);
  }
}

/** A city reviewer reviews at least one city; the codes must be cities. */
async function checkCities(db: Kysely<Database>, role: string, cityCodes: string[]): Promise<void> {
  if (role === 'city_reviewer' && cityCodes.length === 0) {
    throw invalid('invalid_request', { zh: '市级审核员至少要绑定一个城市', en: 'A city reviewer needs at least one city' },
      [{ path: 'cityCodes', messages: { zh: '市级审核员必须绑定城市', en: 'required for a city reviewer' } }]);
  }
  if (cityCodes.length === 0) return;
  const found = await db.selectFrom('regions').select('code').where('code', 'in', cityCodes).where('level', '=', 'city').execute();
  const missing = cityCodes.filter((code) => !found.some((f) => f.code === code)).join(', ');
  if (missing) {
    throw invalid('invalid_request', { zh: `城市不存在: ${missing}`, en: `Unknown city codes: ${missing}` },
      [{ path: 'cityCodes', messages: { zh: `不存在: ${missing}`, en: `unknown: ${missing}` } }]);
  }
}

export async function createUser(db: Kysely<Database>, input: z.infer<typeof CreateUserBody>, actor: Actor, now: Date): Promise<UserOut> {
  await checkParks(db, input.role, input.parkIds);
  const cityCodes = input.role === 'city_reviewer' ? [...new Set(input.cityCodes)] : [];
  await checkCities(db, input.role, cityCodes);
  const passwordHash = await hashPassword(input.password);
  const newId = await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw conflict('username_taken', { zh: `用户名“${input.username}”已被使用`, en: `The username “${input.username}” is taken` });
    const { id } = await trx.insertInto('users').values({
      username: input.username, display_name: input.displayName ?? null, password_hash: passwordHash, role: input.role,
      created_at: now.toISOString(), updated_at: now.toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    if (input.parkIds.length) await trx.insertInto('user_parks').values(input.parkIds.map((park_id) => ({ user_id: id, park_id }))).execute();
    if (cityCodes.length) await trx.insertInto('user_regions').values(cityCodes.map((region_code) => ({ user_id: id, region_code }))).execute();
    await audit(trx, actor, now, 'create', 'user', id, { username: input.username, role: input.role, parkIds: input.parkIds, ...(cityCodes.length ? { cityCodes } : {}) });
    return id;
  });
  return (await listUsers(db, [newId]))[0]!;
}

/**
 * Refuses a change that would leave no active admin: the last one losing the role or being disabled.
 * The active admins' rows are locked for the transaction (PostgreSQL; SQLite writes one transaction
 * at a time), so two admins demoting each other at once cannot both succeed.
 */
async function keepAnActiveAdmin(trx: Kysely<Database>, id: number, input: z.infer<typeof UpdateUserBody>): Promise<void> {
  const losesAdmin = (input.role !== undefined && input.role !== 'admin') || input.disabled === true;
  if (!losesAdmin) return;
  const admins = await trx.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', 0).orderBy('id')
    .$if(isPostgres(trx), (q) => q.forUpdate()).execute();
  if (admins.some((a) => a.id === id) && !admins.some((a) => a.id !== id)) {
    throw conflict('last_admin', {
      zh: '这是最后一个可用的管理员账号, 不能取消其管理员角色或停用它: 请先让另一个账号成为管理员',
      en: 'This is the last active admin: it cannot lose the admin role or be disabled. Make another account an admin first',
    });
  }
}

export async function updateUser(db: Kysely<Database>, id: number, input: z.infer<typeof UpdateUserBody>, actor: Actor, now: Date): Promise<UserOut> {
  const [existing] = await listUsers(db, [id]);
  if (!existing) throw notFound({ zh: '用户', en: 'user' }, id);
  const role = input.role ?? existing.role;
  const parkIds = input.parkIds ?? existing.parkIds;
  await checkParks(db, role, role === 'park_manager' ? parkIds : []);
  // A role other than city reviewer keeps no cities; a city reviewer keeps its cities unless new ones are given.
  const cityCodes = role === 'city_reviewer' ? [...new Set(input.cityCodes ?? existing.cityCodes)].sort() : [];
  await checkCities(db, role, cityCodes);
  const citiesChange = cityCodes.join() !== existing.cityCodes.join();
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await db.transaction().execute(async (trx) => {
    await keepAnActiveAdmin(trx, id, input);
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
    if (citiesChange) {
      await trx.deleteFrom('user_regions').where('user_id', '=', id).execute();
      if (cityCodes.length) await trx.insertInto('user_regions').values(cityCodes.map((region_code) => ({ user_id: id, region_code }))).execute();
    }
    await audit(trx, actor, now, 'update', 'user', id, { ...input, password: input.password ? '(changed)' : undefined });
  });
  // A disabled account or a new password ends the user's sessions everywhere.
  if (input.disabled || passwordHash) await deleteUserSessions(db, id);
  return (await listUsers(db, [id]))[0]!;
}

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
