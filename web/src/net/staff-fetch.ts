// Calls of the staff screens (guide mode, dashboard, admin pages) on a cookie
// session: same-origin credentials, JSON answers. The server's
// {error:{code,message}} becomes the shared HttpError and no answer at all a
// NetworkError, so "offline" is told apart from "log in again" (401).
import { HttpError, NetworkError, parseRetryAfter } from './api.ts';

export async function staffFetch<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', ...init });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new HttpError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, parseRetryAfter(res.headers.get('retry-after')));
  }
  return body as T;
}

/** A JSON write: the CSRF guard wants the JSON content type on every cookie-authenticated write. */
export const jsonBody = (method: string, payload: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(payload),
});
