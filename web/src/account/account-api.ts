// Staff account calls of the admin screens and the password page (cookie
// session, JSON bodies: the server's CSRF guard requires both). Errors are
// the shared HttpError / NetworkError.
import type { StaffAccount } from '../../../shared/guide/api.ts';
import { HttpError, NetworkError } from '../net/api.ts';

async function call<T>(url: string, method: string, payload: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method, credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new HttpError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText);
  }
  return body as T;
}

const staffUrl = (username: string, what: string) => `/api/v1/staff/${encodeURIComponent(username)}/${what}`;

export const accountApi = {
  changeOwnPassword: (currentPassword: string, newPassword: string) => call<unknown>('/api/v1/auth/password', 'POST', { currentPassword, newPassword }),
  resetPassword: (username: string) => call<{ password: string }>(staffUrl(username, 'password'), 'POST', {}),
  setDisabled: (username: string, disabled: boolean) => call<StaffAccount>(staffUrl(username, 'disabled'), 'PUT', { disabled }),
};
