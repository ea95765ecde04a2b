// Guide-recorded lesson audio on top of the file store: which guide uploaded
// which file (only they may name it in a record), the recordings as their
// records arrive, the reviewer's decision, and what residents may read (the
// newest approved recording of each lesson screen, nothing else).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Recording, RecordingStatus, CourseAudio, AudioType } from '../../shared/lesson-audio/schema.ts';
import { MAX_AUDIO_BYTES } from '../../shared/lesson-audio/audio-types.ts';
import { changed, type Engine } from '../db/engine/engine.ts';
import { lessonAudio, lessonAudioUploads, users } from '../db/schema/index.ts';
import type { FileStore, StoredFileInfo } from '../files/file-store.ts';
import { cleanAudio } from '../files/clean-audio.ts';

type Row = typeof lessonAudio.$inferSelect;
export type NewRecording = Omit<typeof lessonAudio.$inferInsert, 'status' | 'reviewedBy' | 'reviewedAt'>;

export function createLessonAudio(engine: Engine, files: FileStore, now: () => number) {
  const { db } = engine;
  const owns = async (guideId: string, sha256: string) =>
    (await db.select({ sha256: lessonAudioUploads.sha256 }).from(lessonAudioUploads).where(and(eq(lessonAudioUploads.guideId, guideId), eq(lessonAudioUploads.sha256, sha256))).get()) !== undefined;
  const toRecording = (r: Row & { guide: string | null }): Recording => ({
    id: r.id,
    courseId: r.courseId,
    lessonId: r.lessonId,
    step: r.step,
    lang: r.lang,
    contentVersion: r.contentVersion,
    durationSec: r.durationSec,
    type: r.type as AudioType,
    bytes: r.bytes,
    sha256: r.sha256,
    guide: r.guide ?? r.guideId,
    recordedAt: r.recordedAt,
    status: r.status,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt,
  });
  const withGuide = () => db.select({ r: lessonAudio, guide: users.displayName }).from(lessonAudio).leftJoin(users, eq(users.id, lessonAudio.guideId));
  const get = async (id: string): Promise<Recording | undefined> => {
    const hit = await withGuide().where(eq(lessonAudio.id, id)).get();
    return hit && toRecording({ ...hit.r, guide: hit.guide });
  };

  return {
    /** Stores the recording's bytes once and links them to the guide; `linked` is true the first time for this guide. */
    async upload(guideId: string, bytes: Uint8Array, sentSha256: string) {
      const stored = await files.putWith(bytes, sentSha256, cleanAudio, MAX_AUDIO_BYTES);
      const linked = (await changed(db.insert(lessonAudioUploads).values({ guideId, sha256: stored.file.sha256, uploadedAt: now() }).onConflictDoNothing())) > 0;
      return { file: stored.file, linked };
    },
    /** The stored file a guide's record names (by the hash it was sent under, or its stored hash), when that guide uploaded it. */
    async fileOfGuide(guideId: string, hash: string): Promise<StoredFileInfo | undefined> {
      const file = await files.find(hash);
      return file && (await owns(guideId, file.sha256)) ? file : undefined;
    },
    add: async (r: NewRecording) => {
      await db.insert(lessonAudio).values({ ...r, status: 'submitted' }).onConflictDoNothing();
    },
    get,
    async list(status?: RecordingStatus): Promise<Recording[]> {
      const q = withGuide();
      const rows = await (status ? q.where(eq(lessonAudio.status, status)) : q).orderBy(desc(lessonAudio.recordedAt)).limit(200);
      return rows.map((x) => toRecording({ ...x.r, guide: x.guide }));
    },
    /** Sets the review; `changed` is false when the recording already had this status (a repeated tap). */
    async review(id: string, status: Exclude<RecordingStatus, 'submitted'>, by: string): Promise<{ recording: Recording; changed: boolean } | undefined> {
      const before = await get(id);
      if (!before) return undefined;
      if (before.status === status) return { recording: before, changed: false };
      await db.update(lessonAudio).set({ status, reviewedBy: by, reviewedAt: now() }).where(eq(lessonAudio.id, id));
      return { recording: (await get(id))!, changed: true };
    },
    /** The newest approved recording of each screen of a course, in every language. */
    async approvedOf(courseId: string): Promise<CourseAudio> {
      const rows = await db
        .select()
        .from(lessonAudio)
        .where(and(eq(lessonAudio.courseId, courseId), eq(lessonAudio.status, 'approved')))
        .orderBy(desc(lessonAudio.reviewedAt), desc(lessonAudio.id));
      const seen = new Set<string>();
      const recordings: CourseAudio['recordings'] = [];
      for (const r of rows) {
        const key = `${r.lessonId}/${r.step}/${r.lang}`;
        if (seen.has(key)) continue;
        seen.add(key);
        recordings.push({ lessonId: r.lessonId, step: r.step, lang: r.lang, sha256: r.sha256, type: r.type as AudioType, bytes: r.bytes });
      }
      return { courseId, recordings };
    },
    /** Whether any approved recording uses this stored file: only then may anyone read it. */
    isApproved: async (sha256: string) =>
      (await db.select({ n: sql<number>`1` }).from(lessonAudio).where(and(eq(lessonAudio.sha256, sha256), eq(lessonAudio.status, 'approved'))).get()) !== undefined,
    read: (sha256: string) => files.read(sha256),
  };
}
export type LessonAudio = ReturnType<typeof createLessonAudio>;
