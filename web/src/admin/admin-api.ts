// The admin screens' calls to the server (staff cookie session): the ward
// profile, its file import and the facts a poster prints, on the one client
// of net/http.ts. A refused import's rows travel on the error (ImportError).
import type { AdminWard } from '../../../shared/ward-admin.ts';
import type { ImportRowError, WardImportResult } from '../../../shared/ward-import.ts';
import type { wardChannelSchema } from '../../../shared/api.ts';
import type { z } from 'zod';
import { HttpError, staffRequest, type Call } from '../net/http.ts';

export type Channel = z.infer<typeof wardChannelSchema>;
const API = '/api/v1/ward';

/** A refused import: the rows at fault, each with its row number and column. */
export class ImportError extends HttpError {
  constructor(status: number, code: string, message: string, readonly rows: ImportRowError[]) {
    super(status, code, message);
  }
}

async function call<T>(url: string, init: Omit<Call, 'as'> = {}): Promise<T> {
  try {
    return await staffRequest<T>(url, init);
  } catch (err) {
    if (!(err instanceof HttpError && err.details.rows)) throw err;
    const e = err.details as { code?: string; message?: string; rows: ImportRowError[] };
    throw new ImportError(err.status, e.code ?? 'invalid_rows', e.message ?? '', e.rows);
  }
}

/** Base64 of a file's bytes, in chunks (a long spread would overflow the stack). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export const adminApi = {
  ward: () => call<AdminWard>(`${API}/admin`),
  updateWard: (name: string, channels: Channel[]) => call<AdminWard>(API, { method: 'PUT', json: { name, channels } }),
  saveGroup: (id: string, g: { name: string; adultPopulation: number | null; households: number | null }) =>
    call<AdminWard>(`${API}/groups/${encodeURIComponent(id)}`, { method: 'PUT', json: g }),
  deleteGroup: (id: string) => call<AdminWard>(`${API}/groups/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  importFile: async (file: File, dryRun: boolean) =>
    call<WardImportResult & { ward: AdminWard }>(`${API}/import`, { method: 'POST', json: { fileName: file.name, contentBase64: await fileToBase64(file), dryRun } }),
  poster: () => call<{ publicOrigin: string | null; wardName: string }>(`${API}/admin/poster`),
};
