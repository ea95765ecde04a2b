// Guide-recorded lesson audio (server/lesson-audio): which guide uploaded
// which stored file (only they may name it in a record), and each recording
// of a lesson screen with its review. Residents read approved ones only.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const lessonAudioUploads = sqliteTable(
  'lesson_audio_uploads',
  {
    guideId: text('guide_id').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: integer('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.guideId, t.sha256] })],
);

export const lessonAudio = sqliteTable(
  'lesson_audio',
  {
    /** The id of the `audio.recorded` record. */
    id: text('id').primaryKey(),
    guideId: text('guide_id').notNull(),
    courseId: text('course_id').notNull(),
    lessonId: text('lesson_id').notNull(),
    step: integer('step').notNull(),
    lang: text('lang', { enum: ['vi', 'en'] }).notNull(),
    contentVersion: text('content_version').notNull(),
    /** The stored file (the hash of the stored bytes, not the one it was sent under). */
    sha256: text('sha256').notNull(),
    type: text('type').notNull(),
    bytes: integer('bytes').notNull(),
    durationSec: integer('duration_sec').notNull(),
    recordedAt: integer('recorded_at').notNull(),
    status: text('status', { enum: ['submitted', 'approved', 'rejected'] }).notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: integer('reviewed_at'),
  },
  (t) => [index('lesson_audio_course_idx').on(t.courseId, t.status), index('lesson_audio_file_idx').on(t.sha256)],
);
