// The audit page's one call: a page of the audit log (admin cookie session),
// on the one client of net/http.ts, so "not an admin" (401/403) and
// "offline" are told apart.
import type { AuditPage } from '../../../shared/audit.ts';
import { staffRequest, withQuery } from '../net/http.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  before?: number;
}

export function fetchAuditPage(filter: AuditFilter): Promise<AuditPage> {
  return staffRequest<AuditPage>(withQuery('/api/v1/staff/audit', { actor: filter.actor, action: filter.action, before: filter.before }));
}
