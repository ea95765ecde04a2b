// Screenshots for the false-information register on top of the file store
// (pictures only, location metadata removed, stored once by content hash):
// who uploaded each and for which unit, so an entry names only a screenshot
// of its own side (a unit officer their unit's, the office the office's or
// any unit's) and a unit's evidence photos never become readable through it.
import { and, eq } from 'drizzle-orm';
import { changed, type Engine } from '../db/engine/engine.ts';
import { misinformation, registerFiles } from '../db/schema/index.ts';
import type { FileStore } from '../files/file-store.ts';
import type { Scope } from './scope.ts';

export function createRegisterScreenshots(engine: Engine, store: FileStore, now: () => number) {
  /** Uploaded for the register at all (unitId null), or for this unit. */
  const uploaded = async (sha256: string, unitId: string | null) =>
    (await engine.db
      .select({ sha256: registerFiles.sha256 })
      .from(registerFiles)
      .where(and(eq(registerFiles.sha256, sha256), unitId === null ? undefined : eq(registerFiles.unitId, unitId)))
      .get()) !== undefined;
  const namedByUnit = async (sha256: string, unitId: string) =>
    (await engine.db.select({ id: misinformation.id }).from(misinformation).where(and(eq(misinformation.screenshotFile, sha256), eq(misinformation.unitId, unitId))).get()) !== undefined;

  return {
    store,
    /** Records the upload; true when this staff member had not uploaded it before. */
    link: async (sha256: string, uploadedBy: string, unitId: string | null) =>
      (await changed(engine.db.insert(registerFiles).values({ sha256, uploadedBy, unitId, uploadedAt: now() }).onConflictDoNothing())) > 0,
    /** The stored hash an entry may name (sent under either hash), or undefined: the office any register screenshot, an officer their unit's. */
    async usable(hash: string, scope: Scope): Promise<string | undefined> {
      const file = await store.find(hash);
      if (!file) return undefined;
      return (await uploaded(file.sha256, scope.unitId)) ? file.sha256 : undefined;
    },
    /** May this reader see it: the office every register screenshot, an officer their unit's or one their unit's entry names. */
    mayRead: async (sha256: string, scope: Scope) =>
      scope.unitId === null ? uploaded(sha256, null) : (await uploaded(sha256, scope.unitId)) || namedByUnit(sha256, scope.unitId),
  };
}
export type RegisterScreenshots = ReturnType<typeof createRegisterScreenshots>;
