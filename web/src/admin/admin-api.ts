// The admin screens' calls to the server (staff cookie session): the ward
// profile, its file import and the facts a poster prints. Errors are the
// shared HttpError / NetworkError; an import's row errors travel on the error.
import type { AdminWard } from '../../../shared/ward-admin.ts';
import type { ImportRowError, WardImportResult } from '../../../shared/ward-import.ts';
import type { wardChannelSchema } from '../../../shared/api.ts';
import type { z } from 'zod';
import { HttpError, NetworkError } from '../net/api.ts';

export type Channel = z.infer<typeof wardChannelSchema>;
const API = '/api/v1/ward';

/** A refused import: the rows at fault, each with its row number and column. */
export class ImportError extends HttpError {
  constructor(status: number, code: string, message: string, readonly rows: ImportRowError[]) {
    super(status, code, message);
  }
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', ...init });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; rows?: ImportRowError[] } } | null)?.error;
    if (e?.rows) throw new ImportError(res.status, e.code ?? 'invalid_rows', e.message ?? '', e.rows);
    throw new HttpError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText);
  }
  return body as T;
}
const send = (method: string, payload?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: payload === undefined ? undefined : JSON.stringify(payload),
});

/** Base64 of a file's bytes, in chunks (a long spread would overflow the stack). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export const adminApi = {
  ward: () => call<AdminWard>(`${API}/admin`),
  updateWard: (name: string, channels: Channel[]) => call<AdminWard>(API, send('PUT', { name, channels })),
  saveGroup: (id: string, g: { name: string; adultPopulation: number | null; households: number | null }) =>
    call<AdminWard>(`${API}/groups/${encodeURIComponent(id)}`, send('PUT', g)),
  deleteGroup: (id: string) => call<AdminWard>(`${API}/groups/${encodeURIComponent(id)}`, send('DELETE')),
  importFile: async (file: File, dryRun: boolean) =>
    call<WardImportResult & { ward: AdminWard }>(`${API}/import`, send('POST', { fileName: file.name, contentBase64: await fileToBase64(file), dryRun })),
  poster: () => call<{ publicOrigin: string | null; wardName: string }>(`${API}/admin/poster`),
};
