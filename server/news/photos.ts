// Story photos on top of the file store: who uploaded each for a story, so a
// story names only photos uploaded for stories (a unit's evidence stays
// private), a unit officer uses and reads only their unit's, and the public
// reads a photo only while a published story names it (news routes).
import { and, eq } from 'drizzle-orm';
import type { StaffUser } from '../../shared/api.ts';
import { changed, type Engine } from '../db/engine/engine.ts';
import { storyFiles } from '../db/schema/index.ts';
import type { FileStore } from '../files/file-store.ts';

export function createStoryPhotos(engine: Engine, store: FileStore, now: () => number) {
  const { db } = engine;
  const uploaded = async (sha256: string, unitId?: string | null) =>
    (await db
      .select({ sha256: storyFiles.sha256 })
      .from(storyFiles)
      .where(and(eq(storyFiles.sha256, sha256), unitId ? eq(storyFiles.unitId, unitId) : undefined))
      .get()) !== undefined;
  return {
    store,
    /** Records the upload; true when this staff member had not uploaded it before. */
    link: async (sha256: string, me: StaffUser, unitId: string | null) =>
      (await changed(db.insert(storyFiles).values({ sha256, uploadedBy: me.id, unitId, uploadedAt: now() }).onConflictDoNothing())) > 0,
    /** The office may name any story photo; a unit officer (unitId given) only one uploaded for their unit. */
    mayUse: (sha256: string, unitId: string | null) => uploaded(sha256, unitId),
  };
}
export type StoryPhotos = ReturnType<typeof createStoryPhotos>;
