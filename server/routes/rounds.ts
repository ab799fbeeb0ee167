// Reporting rounds, the completeness board, my tasks, and the audit log.
import { z } from 'zod';
import { AuditEntry, AuditQuery, CreateRoundBody, IdParam, Round, RoundBoard, Task } from '../../shared/schemas.ts';
import { actorOf, currentUser, requireRole } from '../auth.ts';
import { jsonRoute, notFound, resourceRouter } from '../http.ts';
import { createRound, listRounds, roundBoard, tasksFor } from '../services/rounds.ts';

const planners = requireRole('admin', 'planner');
const signedIn = requireRole('admin', 'planner', 'park_manager', 'viewer');

export const rounds = resourceRouter()
  .openapi(
    { ...jsonRoute({ method: 'get', path: '/', tags: ['rounds'], summary: '填报轮次 (reporting rounds)', response: z.array(Round) }), middleware: [signedIn] as const },
    async (c) => c.json(await listRounds(c.var.deps.db, c.var.deps.clock.now()), 200),
  )
  .openapi(
    { ...jsonRoute({ method: 'post', path: '/', tags: ['rounds'], summary: '开启填报轮次 (open a year’s round with a deadline; planners)', body: CreateRoundBody, response: Round, created: true }), middleware: [planners] as const },
    async (c) => c.json(await createRound(c.var.deps.db, c.req.valid('json'), actorOf(c), c.var.deps.clock.now()), 201),
  )
  .openapi(
    { ...jsonRoute({ method: 'get', path: '/{id}/board', tags: ['rounds'], summary: '填报进度 (completeness board: per park, which figures are missing, draft, submitted, approved; who is overdue)', params: IdParam, response: RoundBoard }), middleware: [signedIn] as const },
    async (c) => {
      const { id } = c.req.valid('param');
      const board = await roundBoard(c.var.deps.db, id, c.var.deps.clock.now());
      if (!board) throw notFound('填报轮次', 'round', id);
      return c.json(board, 200);
    },
  );

export const tasks = resourceRouter().openapi(
  { ...jsonRoute({ method: 'get', path: '/', tags: ['rounds'], summary: '我的待办 (the signed-in user’s open tasks)', response: z.array(Task) }), middleware: [signedIn] as const },
  async (c) => c.json(await tasksFor(c.var.deps.db, currentUser(c), c.var.deps.clock.now()), 200),
);

export const auditLog = resourceRouter().openapi(
  { ...jsonRoute({ method: 'get', path: '/', tags: ['audit'], summary: '审计日志 (who changed what, when, from where; admins and planners)', query: AuditQuery, response: z.array(AuditEntry) }), middleware: [planners] as const },
  async (c) => {
    const q = c.req.valid('query');
    let query = c.var.deps.db.selectFrom('audit_log').selectAll();
    if (q.entity) query = query.where('entity', '=', q.entity);
    if (q.user) query = query.where('username', '=', q.user);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.before) query = query.where('id', '<', q.before);
    const rows = await query.orderBy('id', 'desc').limit(q.limit).execute();
    return c.json(rows.map((r) => ({
      id: r.id, at: r.at, username: r.username, action: r.action, entity: r.entity, entityId: r.entity_id,
      detail: r.detail ? JSON.parse(r.detail) as unknown : null, ip: r.ip,
    })), 200);
  },
);
