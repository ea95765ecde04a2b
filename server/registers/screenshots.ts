// Screenshots for the false-information register on top of the file store
// (pictures only, location metadata removed, stored once by content hash):
// who uploaded each and for which unit, so an entry names only a screenshot
// of its own side (a unit officer their unit's, the office the office's or
// any unit's) and a unit's evidence photos never become readable through it.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { misinformation, registerFiles } from '../db/schema/index.ts';
import type { FileStore } from '../files/file-store.ts';
import type { Scope } from './scope.ts';

export function createRegisterScreenshots(db: Db, store: FileStore, now: () => number) {
  /** Uploaded for the register at all (unitId null), or for this unit. */
  const uploaded = (sha256: string, unitId: string | null) =>
    db
      .select({ sha256: registerFiles.sha256 })
      .from(registerFiles)
      .where(and(eq(registerFiles.sha256, sha256), unitId === null ? undefined : eq(registerFiles.unitId, unitId)))
      .get() !== undefined;
  const namedByUnit = (sha256: string, unitId: string) =>
    db.select({ id: misinformation.id }).from(misinformation).where(and(eq(misinformation.screenshotFile, sha256), eq(misinformation.unitId, unitId))).get() !== undefined;

  return {
    store,
    /** Records the upload; true when this staff member had not uploaded it before. */
    link: (sha256: string, uploadedBy: string, unitId: string | null) =>
      db.insert(registerFiles).values({ sha256, uploadedBy, unitId, uploadedAt: now() }).onConflictDoNothing().run().changes > 0,
    /** The stored hash an entry may name (sent under either hash), or undefined: the office any register screenshot, an officer their unit's. */
    usable(hash: string, scope: Scope): string | undefined {
      const file = store.find(hash);
      if (!file) return undefined;
      return uploaded(file.sha256, scope.unitId) ? file.sha256 : undefined;
    },
    /** May this reader see it: the office every register screenshot, an officer their unit's or one their unit's entry names. */
    mayRead: (sha256: string, scope: Scope) =>
      scope.unitId === null ? uploaded(sha256, null) : uploaded(sha256, scope.unitId) || namedByUnit(sha256, scope.unitId),
  };
}
export type RegisterScreenshots = ReturnType<typeof createRegisterScreenshots>;
