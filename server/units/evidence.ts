// Evidence files of the units' outreach (photos of a banner, PDF scans of a
// printed leaflet) on top of the file store: which unit's officers uploaded
// a file, hence who may read it and name it in an activity. The office
// (reviewer, admin) reads every unit's; an officer only their own unit's.
import { and, eq } from 'drizzle-orm';
import { changed, type Engine } from '../db/engine/engine.ts';
import { unitFiles } from '../db/schema/index.ts';
import type { FileStore, StoredFileInfo } from '../files/file-store.ts';

export function createUnitEvidence(engine: Engine, store: FileStore, now: () => number) {
  const { db } = engine;
  const owns = async (unitId: string, sha256: string) =>
    (await db.select({ sha256: unitFiles.sha256 }).from(unitFiles).where(and(eq(unitFiles.unitId, unitId), eq(unitFiles.sha256, sha256))).get()) !== undefined;
  return {
    store,
    /** Records that the unit holds the file; true when this is new for the unit. */
    link: async (unitId: string, sha256: string, uploadedBy: string) =>
      (await changed(db.insert(unitFiles).values({ unitId, sha256, uploadedBy, uploadedAt: now() }).onConflictDoNothing())) > 0,
    owns,
    /** The stored file a record of the unit names (by the hash it was sent under, or its stored hash), or undefined. */
    async fileOfUnit(unitId: string, hash: string): Promise<StoredFileInfo | undefined> {
      const file = await store.find(hash);
      return file && (await owns(unitId, file.sha256)) ? file : undefined;
    },
  };
}
export type UnitEvidence = ReturnType<typeof createUnitEvidence>;
