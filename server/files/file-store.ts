// The file store: photos, scans and lesson recordings kept once, by the SHA-256 of their cleaned
// bytes, as DATA_DIR/files/<sha256> (0600, in a 0700 folder), with one row in
// stored_files. put() takes the bytes as sent and the hash they were sent
// under: it checks the hash, the type (magic bytes) and removes location
// metadata (clean-file.ts) before anything is written, so a refused file
// leaves no trace. Sending the same bytes again finds the stored copy: one
// file however often a phone retries. Who may read a file is the caller's
// business (each feature keeps its own links to the hashes).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { MAX_STORED_FILE_BYTES, SHA256_PATTERN, type StoredFile, type StoredFileType } from '../../shared/files.ts';
import { changed, type Engine } from '../db/engine/engine.ts';
import { PRIVATE_FILE_MODE, privateDir } from '../db/private-files.ts';
import { storedFileUploads, storedFiles } from '../db/schema/index.ts';
import { cleanFile, FileRefused } from './clean-file.ts';

export { FileRefused } from './clean-file.ts';

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface StoredFileInfo {
  sha256: string;
  type: StoredFileType;
  bytes: number;
}

export function createFileStore(engine: Engine, dir: string, now: () => number) {
  const { db } = engine;
  const pathOf = (sha256: string) => join(dir, sha256);
  const row = async (sha256: string) => (await db.select().from(storedFiles).where(eq(storedFiles.sha256, sha256)).get()) as (StoredFileInfo & { createdAt: number }) | undefined;

  /** The stored file a hash names: its own hash or the hash it was sent under. */
  async function find(hash: string): Promise<StoredFileInfo | undefined> {
    if (!SHA256_PATTERN.test(hash)) return undefined;
    const direct = await row(hash);
    if (direct) return { sha256: direct.sha256, type: direct.type, bytes: direct.bytes };
    const upload = await db.select({ sha256: storedFileUploads.sha256 }).from(storedFileUploads).where(eq(storedFileUploads.sentSha256, hash)).get();
    const stored = upload && (await row(upload.sha256));
    return stored ? { sha256: stored.sha256, type: stored.type, bytes: stored.bytes } : undefined;
  }

  async function put<T extends string>(sent: Uint8Array, sentSha256: string, clean: (b: Uint8Array) => { type: T; bytes: Uint8Array }, maxBytes: number) {
    if (sent.length === 0) throw new FileRefused('empty_file', 'The file is empty');
    if (sent.length > maxBytes) throw new FileRefused('invalid_file', `The file is larger than ${maxBytes / 1024 / 1024} MB`);
    if (sha256Hex(sent) !== sentSha256) throw new FileRefused('hash_mismatch', 'The bytes do not have the SHA-256 in the address; send the file again');
    const { type, bytes } = clean(sent);
    const sha256 = sha256Hex(bytes);
    let created = false;
    // The file before its row: a crash in between leaves a file nobody names, never a row without its file.
    if (!existsSync(pathOf(sha256))) {
      privateDir(dir);
      const temp = join(dir, `.upload-${randomBytes(8).toString('hex')}`);
      writeFileSync(temp, bytes, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
      renameSync(temp, pathOf(sha256));
    }
    await engine.transaction(async (tx) => {
      created = (await changed(tx.db.insert(storedFiles).values({ sha256, type, bytes: bytes.length, createdAt: now() }).onConflictDoNothing())) > 0;
      await tx.db.insert(storedFileUploads).values({ sentSha256, sha256 }).onConflictDoNothing();
    });
    return { file: { sha256, type, bytes: bytes.length, sentSha256 }, created };
  }

  return {
    find,
    /** Stores the bytes (sent under `sentSha256`) once; `created` is false when they were already here. */
    put: (sent: Uint8Array, sentSha256: string): Promise<{ file: StoredFile; created: boolean }> => put(sent, sentSha256, cleanFile, MAX_STORED_FILE_BYTES),
    /** The same for another kind of file, with its own check of type and structure (lesson recordings: clean-audio.ts). */
    putWith: put,
    /** The stored bytes of a file, or undefined when the store does not have it. */
    async read(sha256: string): Promise<{ info: StoredFileInfo; body: Uint8Array } | undefined> {
      const info = await find(sha256);
      if (!info || info.sha256 !== sha256 || !existsSync(pathOf(sha256))) return undefined;
      return { info, body: readFileSync(pathOf(sha256)) };
    },
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
