// The audit page's one call: a page of the audit log (admin cookie session).
// Errors are the shared HttpError / NetworkError, so "not an admin" and
// "offline" are told apart.
import type { AuditPage } from '../../../shared/audit.ts';
import { staffFetch } from '../net/staff-fetch.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  before?: number;
}

export function fetchAuditPage(filter: AuditFilter): Promise<AuditPage> {
  const query = new URLSearchParams();
  if (filter.actor) query.set('actor', filter.actor);
  if (filter.action) query.set('action', filter.action);
  if (filter.before) query.set('before', String(filter.before));
  return staffFetch<AuditPage>(`/api/v1/staff/audit?${query}`);
}
