// The audit log's HTTP shapes (GET /api/v1/staff/audit, admins only), shared
// by the server and the admin screen. Action names are "<area>.<verb>".
import { z } from 'zod';
import { AUDIT_ACTIONS } from './audit-actions.ts';

export { AUDIT_ACTIONS, type AuditAction } from './audit-actions.ts';

export const AUDIT_PAGE_SIZE = 50;

export const auditQuerySchema = z.strictObject({
  /** Username of the staff member who acted. */
  actor: z.string().trim().toLowerCase().min(1).max(64).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** Cursor: entries older than this id (the previous page's nextBefore). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditDetailsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type AuditDetails = z.infer<typeof auditDetailsSchema>;

/** What the ids an entry names are called, looked up when the log is read
 * (names change; the log keeps the ids): the session, residential group and
 * course. Absent when the thing is gone or the entry names none. */
export const auditNamesSchema = z.object({
  session: z.object({ title: z.string(), startsAt: z.string(), code: z.string() }).optional(),
  group: z.string().optional(),
  course: z.object({ vi: z.string(), en: z.string() }).optional(),
});
export type AuditNames = z.infer<typeof auditNamesSchema>;

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({
    /** Null when the server's accounts command did it. */
    id: z.string().nullable(),
    username: z.string(),
    role: z.string(),
  }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  details: auditDetailsSchema,
  names: auditNamesSchema.optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
