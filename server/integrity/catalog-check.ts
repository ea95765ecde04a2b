// Lessons and courses that are not in the catalogue cannot have been learnt
// with this app: a completion or start naming one is refused outright
// ('unknown_lesson'), never stored, so it can reach no figure. A projection
// of the learner and guide families (server/records). With no catalogue (a
// server started without a content build) nothing can be judged, so nothing
// is refused here; such a server serves no app either.
import type { SyncResult } from '../../shared/api.ts';
import type { Projection } from '../records/hooks.ts';
import type { CatalogCourse } from '../../shared/resident/certificates.ts';

type AboutLesson = { id: string; type: string; courseId?: string; lessonId?: string };

/** Course id → its lesson ids. */
export function lessonIndex(courses: readonly CatalogCourse[]): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map(courses.map((c) => [c.id, new Set(c.lessons.map((l) => l.id))]));
}

export function unknownLessonRefusal(index: ReadonlyMap<string, ReadonlySet<string>>, event: AboutLesson): SyncResult | undefined {
  if (index.size === 0 || (event.type !== 'lesson.completed' && event.type !== 'lesson.started')) return undefined;
  if (event.courseId === undefined || event.lessonId === undefined) return undefined;
  const lessons = index.get(event.courseId);
  if (!lessons) return { id: event.id, status: 'rejected', error: { code: 'unknown_lesson', message: `No course "${event.courseId.slice(0, 60)}" in the catalogue` } };
  if (!lessons.has(event.lessonId)) return { id: event.id, status: 'rejected', error: { code: 'unknown_lesson', message: `No lesson "${event.lessonId.slice(0, 60)}" in course "${event.courseId}"` } };
  return undefined;
}

export function createCatalogCheck(courses: readonly CatalogCourse[]): Projection {
  const index = lessonIndex(courses);
  return {
    name: 'catalogue',
    learner: { check: (event) => unknownLessonRefusal(index, event as AboutLesson) },
    guide: { check: (event) => unknownLessonRefusal(index, event as AboutLesson) },
  };
}
