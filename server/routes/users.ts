// /api/users: accounts (admins only).
import { z } from 'zod';
import { CreateUserBody, IdParam, UpdateUserBody, User } from '../../shared/schemas.ts';
import { actorOf, requireRole } from '../access.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { createUser, listUsers, updateUser } from '../services/users.ts';

export const users = resourceRouter();
users.use('*', requireRole('admin'));
users
  .openapi(
    jsonRoute({ method: 'get', path: '/', tags: ['users'], summary: '用户列表 (users; admins only)', response: z.array(User) }),
    async (c) => c.json(await listUsers(c.var.deps.db), 200),
  )
  .openapi(
    jsonRoute({ method: 'post', path: '/', tags: ['users'], summary: '新建用户 (create a user; admins only)', body: CreateUserBody, response: User, created: true }),
    async (c) => c.json(await createUser(c.var.deps.db, c.req.valid('json'), actorOf(c), c.var.deps.clock.now()), 201),
  )
  .openapi(
    jsonRoute({ method: 'patch', path: '/{id}', tags: ['users'], summary: '修改用户 (role, parks, disable, reset password; admins only)', params: IdParam, body: UpdateUserBody, response: User }),
    async (c) => c.json(await updateUser(c.var.deps.db, c.req.valid('param').id, c.req.valid('json'), actorOf(c), c.var.deps.clock.now()), 200),
  );
