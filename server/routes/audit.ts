// GET /api/v1/staff/audit: the audit log for admins, newest first, in pages
// (cursor `before`), optionally only one staff member's or one action's entries;
// the sessions, groups and courses entries name are given by name too.
import { Hono } from 'hono';
import { auditQuerySchema } from '../../shared/audit.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { parseWith } from '../http/json-body.ts';
import { createAuditNames } from '../audit/names.ts';
import type { Catalog } from '../resident/catalog.ts';

export function auditRoutes(ctx: AppContext, catalog: Catalog) {
  const withNames = createAuditNames(ctx.engine, catalog);
  return new Hono<AppEnv>().get('/', requireStaff(ctx, ['admin']), async (c) => {
    const page = await ctx.audit.page(parseWith(auditQuerySchema, c.req.query()));
    return c.json({ ...page, entries: await withNames(page.entries) });
  });
}
