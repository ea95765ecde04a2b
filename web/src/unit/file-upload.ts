// Sends the evidence files the server does not have yet, before any record
// (the sync's prepare step), so a record never names a file the server lacks.
// Each goes under the SHA-256 of its bytes: a resend after a lost answer finds
// the stored copy, never a second one. No signal, a busy server or a login
// that ended stops the run and keeps everything for the next; a file the
// server will never take (wrong type, too large) is marked refused, and the
// record naming it is then refused too, visibly, instead of blocking the rest.
import { HttpError } from '../net/http.ts';
import type { UnitRepo } from './unit-repo.ts';

export interface FileApi {
  putFile(sha256: string, blob: Blob): Promise<unknown>;
}

const NEVER_ACCEPTED = new Set([400, 413, 415]);

export async function uploadPendingFiles(repo: Pick<UnitRepo, 'pendingFiles' | 'markFile'>, api: FileApi): Promise<void> {
  for (const file of await repo.pendingFiles()) {
    if (!file.blob) continue;
    try {
      await api.putFile(file.sha256, file.blob);
      await repo.markFile(file.sha256, 'uploaded');
    } catch (err) {
      if (err instanceof HttpError && NEVER_ACCEPTED.has(err.status)) await repo.markFile(file.sha256, 'refused');
      else throw err;
    }
  }
}
