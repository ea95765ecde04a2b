// GET /api/v1/staff/audit: the audit log for admins, newest first, in pages
// (cursor `before`), optionally only one staff member's or one action's entries.
import { Hono } from 'hono';
import { auditQuerySchema } from '../../shared/audit.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { parseWith } from '../http/json-body.ts';

export function auditRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', requireStaff(ctx, ['admin']), (c) => c.json(ctx.audit.page(parseWith(auditQuerySchema, c.req.query()))));
}
