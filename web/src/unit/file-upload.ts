// Sends the evidence files the server does not have yet, before any record
// (the sync's prepare step), so a record never names a file the server lacks.
// Each goes under the SHA-256 of its bytes: a resend after a lost answer finds
// the stored copy, never a second one. No signal, a busy server or a login
// that ended stops the run and keeps everything for the next; a file the
// server will never take (wrong type, too large) is marked refused, and the
// record naming it is then refused too, visibly, instead of blocking the rest.
import { HttpError } from '../net/http.ts';

export interface FileApi {
  putFile(sha256: string, blob: Blob): Promise<unknown>;
}

const NEVER_ACCEPTED = new Set([400, 413, 415]);

/** Files waiting on a phone (a unit's evidence, a guide's recordings). */
export interface PendingFiles {
  pendingFiles(): PromiseLike<ReadonlyArray<{ sha256: string; blob?: Blob }>>;
  markFile(sha256: string, state: 'uploaded' | 'refused'): PromiseLike<unknown>;
}

export async function uploadPendingFiles(repo: PendingFiles, api: FileApi): Promise<void> {
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
