// GET /api/audit: the audit log (admins and planners).
import { z } from 'zod';
import { AuditEntry, AuditQuery } from '../../shared/schemas.ts';
import { requireRole } from '../access.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { listAudit } from '../services/audit.ts';

export const auditLog = resourceRouter().openapi(
  {
    ...jsonRoute({ method: 'get', path: '/', tags: ['audit'], summary: '审计日志 (who changed what, when, from where; admins and planners)', query: AuditQuery, response: z.array(AuditEntry) }),
    middleware: [requireRole('admin', 'planner')] as const,
  },
  async (c) => c.json(await listAudit(c.var.deps.db, c.req.valid('query')), 200),
);
