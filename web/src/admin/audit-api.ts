// The audit page's one call: a page of the audit log (admin cookie session).
// Errors are the shared HttpError / NetworkError, so "not an admin" and
// "offline" are told apart.
import type { AuditPage } from '../../../shared/audit.ts';
import { HttpError, NetworkError } from '../net/api.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  before?: number;
}

export async function fetchAuditPage(filter: AuditFilter): Promise<AuditPage> {
  const query = new URLSearchParams();
  if (filter.actor) query.set('actor', filter.actor);
  if (filter.action) query.set('action', filter.action);
  if (filter.before) query.set('before', String(filter.before));
  let res: Response;
  try {
    res = await fetch(`/api/v1/staff/audit?${query}`, { credentials: 'same-origin' });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new HttpError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText);
  }
  return body as AuditPage;
}
