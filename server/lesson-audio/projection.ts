// `audio.recorded` in the guide family's pipeline: refused when the lesson is
// not in the catalogue or the file was not
// uploaded by this guide; then one `lesson_audio` row, submitted for review,
// in the same transaction as the record.
import type { SyncResult } from '../../shared/api.ts';
import type { GuideEvent } from '../../shared/events.ts';
import type { CatalogCourse } from '../../shared/resident/certificates.ts';
import type { Projection } from '../records/hooks.ts';
import type { LessonAudio } from './store.ts';

const reject = (id: string, code: string, message: string): SyncResult => ({ id, status: 'rejected', error: { code, message } });

export function createLessonAudioProjection(audio: LessonAudio, courses: readonly CatalogCourse[]): Projection {
  const lessons = new Set(courses.flatMap((c) => c.lessons.map((l) => `${c.id}/${l.id}`)));
  return {
    name: 'lesson-audio',
    guide: {
      async check(e, _at, by) {
        if (e.type !== 'audio.recorded') return undefined;
        // With no catalogue (a server started without a content build) the lesson cannot be judged.
        if (lessons.size > 0) {
          if (!lessons.has(`${e.courseId}/${e.lessonId}`)) return reject(e.id, 'unknown_lesson', `No lesson "${e.lessonId.slice(0, 60)}" in course "${e.courseId.slice(0, 60)}"`);
        }
        if (!(await audio.fileOfGuide(by.id, e.file.sha256))) return reject(e.id, 'unknown_file', 'Upload the recording before the record that names it');
        return undefined;
      },
      async apply(e: GuideEvent, effectiveAt) {
        if (e.type !== 'audio.recorded') return;
        const file = (await audio.fileOfGuide(e.recordedBy, e.file.sha256))!;
        await audio.add({
          id: e.id,
          guideId: e.recordedBy,
          courseId: e.courseId,
          lessonId: e.lessonId,
          step: e.step,
          lang: e.lang,
          contentVersion: e.contentVersion,
          sha256: file.sha256,
          type: file.type,
          bytes: file.bytes,
          durationSec: e.durationSec,
          recordedAt: effectiveAt,
        });
      },
    },
  };
}
