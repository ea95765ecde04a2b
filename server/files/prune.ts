// Files nobody names are removed, after a grace period. Phones upload a file
// before the record that names it (sync sends files first), so an upload may
// wait days for its record on a phone that lost signal; a record refused
// after its file went up, or a crash between writing a file and its row,
// leaves a file nobody will ever name. Left alone, such files (photos of
// people, scans of documents) stay on the server with no owner, no reader and
// no end. A file is kept while anything names it:
//   - an activity's current evidence (unit_activity_files), or any unit record
//     ever stored (earlier versions of corrected activities, issued reports);
//   - a story's photos, or a lesson recording (and its guide record);
// and for GRACE_MS after it last arrived, whatever names it.
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, gte, like, lt } from 'drizzle-orm';
import { SHA256_PATTERN } from '../../shared/files.ts';
import type { Engine } from '../db/engine/engine.ts';
import { guideEvents, lessonAudio, lessonAudioUploads, stories, storedFiles, storedFileUploads, storyFiles, unitActivityFiles, unitEvents, unitFiles } from '../db/schema/index.ts';

/** How long an upload may wait for the record that names it: longer than any phone stays offline with its outbox. */
export const GRACE_MS = 30 * 24 * 60 * 60 * 1000;
/** How often a running server looks. */
export const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

export interface PruneResult {
  /** Stored files (row and bytes) nobody named within the grace period. */
  unnamed: number;
  /** Files in the folder with no row (a crash between the file and its row, or an upload cut short). */
  strays: number;
  bytes: number;
}

export async function pruneFiles(engine: Engine, dir: string, now: number): Promise<PruneResult> {
  const { db } = engine;
  const before = now - GRACE_MS;
  const result: PruneResult = { unnamed: 0, strays: 0, bytes: 0 };
  const remove = (name: string) => {
    try {
      result.bytes += statSync(join(dir, name)).size;
      unlinkSync(join(dir, name));
    } catch {
      // Already gone: nothing to remove.
    }
  };
  const any = async (query: { get(): Promise<unknown> }) => (await query.get()) !== undefined;
  /** Named anywhere, by the hash of its stored bytes or by a hash it was sent under (records keep the one the phone knew). */
  const named = async (sha256: string): Promise<boolean> => {
    if (await any(db.select({ x: unitActivityFiles.sha256 }).from(unitActivityFiles).where(eq(unitActivityFiles.sha256, sha256)).limit(1))) return true;
    if (await any(db.select({ x: lessonAudio.id }).from(lessonAudio).where(eq(lessonAudio.sha256, sha256)).limit(1))) return true;
    const sent = await db.select({ hash: storedFileUploads.sentSha256 }).from(storedFileUploads).where(eq(storedFileUploads.sha256, sha256));
    for (const hash of [sha256, ...sent.map((u) => u.hash)]) {
      // The hashes are plain hex: a LIKE finds them in the JSON the same way on both engines.
      if (await any(db.select({ x: stories.id }).from(stories).where(like(stories.photos, `%${hash}%`)).limit(1))) return true;
      if (await any(db.select({ x: unitEvents.id }).from(unitEvents).where(like(unitEvents.payload, `%${hash}%`)).limit(1))) return true;
      if (await any(db.select({ x: guideEvents.id }).from(guideEvents).where(like(guideEvents.payload, `%${hash}%`)).limit(1))) return true;
    }
    return false;
  };

  /** Sent again recently (the same bytes from another phone or unit): its grace starts again. */
  const recentlySent = async (sha256: string): Promise<boolean> =>
    (await any(db.select({ x: unitFiles.sha256 }).from(unitFiles).where(and(eq(unitFiles.sha256, sha256), gte(unitFiles.uploadedAt, before))).limit(1))) ||
    (await any(db.select({ x: storyFiles.sha256 }).from(storyFiles).where(and(eq(storyFiles.sha256, sha256), gte(storyFiles.uploadedAt, before))).limit(1))) ||
    (await any(db.select({ x: lessonAudioUploads.sha256 }).from(lessonAudioUploads).where(and(eq(lessonAudioUploads.sha256, sha256), gte(lessonAudioUploads.uploadedAt, before))).limit(1)));

  const old = await db.select({ sha256: storedFiles.sha256 }).from(storedFiles).where(lt(storedFiles.createdAt, before));
  for (const { sha256 } of old) {
    if ((await recentlySent(sha256)) || (await named(sha256))) continue;
    // The rows first, in one transaction: a crash after it leaves a stray file, removed next time.
    await engine.transaction(async (tx) => {
      await tx.db.delete(unitFiles).where(eq(unitFiles.sha256, sha256));
      await tx.db.delete(storyFiles).where(eq(storyFiles.sha256, sha256));
      await tx.db.delete(lessonAudioUploads).where(eq(lessonAudioUploads.sha256, sha256));
      await tx.db.delete(storedFileUploads).where(eq(storedFileUploads.sha256, sha256));
      await tx.db.delete(storedFiles).where(eq(storedFiles.sha256, sha256));
    });
    remove(sha256);
    result.unnamed++;
  }

  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return result; // no file was ever stored
  }
  for (const name of names) {
    const stray = name.startsWith('.upload-') || (SHA256_PATTERN.test(name) && !(await any(db.select({ x: storedFiles.sha256 }).from(storedFiles).where(eq(storedFiles.sha256, name)))));
    // A file being written right now has no row yet: only strays older than a day go.
    if (!stray || statSync(join(dir, name)).mtimeMs > now - PRUNE_EVERY_MS) continue;
    remove(name);
    result.strays++;
  }
  return result;
}
