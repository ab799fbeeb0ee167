// GET /api/tasks: what waits for the signed-in user (figures to enter or fix, or to review).
import { z } from 'zod';
import { Task } from '../../shared/schemas.ts';
import { currentUser, requireRole } from '../access.ts';
import { jsonRoute, localize, requestLanguage, resourceRouter } from '../http.ts';
import { tasksFor } from '../services/rounds.ts';

const signedIn = requireRole('admin', 'planner', 'park_manager', 'city_reviewer', 'viewer');

export const tasks = resourceRouter().openapi(
  { ...jsonRoute({ method: 'get', path: '/', tags: ['rounds'], summary: '我的待办 (the signed-in user’s open tasks)', response: z.array(Task) }), middleware: [signedIn] as const },
  async (c) => c.json(localize(await tasksFor(c.var.deps.db, currentUser(c), c.var.deps.clock.now()), requestLanguage(c)), 200),
);
