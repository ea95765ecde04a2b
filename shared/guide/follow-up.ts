// Who a guide should visit (pure; the server feeds it the activity of one
// residential group). Two lists:
// - notFinished: started a course at least NOT_FINISHED_DAYS ago (first
//   activity in it) and has not completed all its lessons;
// - inactive: no activity at all for INACTIVE_DAYS.
// A course missing from the catalog (retired) is ignored.
import type { CatalogCourse } from '../resident/certificates.ts';

export const NOT_FINISHED_DAYS = 14;
export const INACTIVE_DAYS = 30;
const DAY = 86_400_000;

export interface Activity {
  courseId: string | null;
  lessonId: string | null;
  completed: boolean;
  at: number;
}

export interface FollowUpEntry {
  learnerId: string;
  lastActivityAt: number;
  unfinishedCourses: string[];
}

export function followUpFor(learnerId: string, activity: readonly Activity[], catalog: readonly CatalogCourse[], now: number) {
  const firstIn = new Map<string, number>();
  const done = new Map<string, Set<string>>();
  let last = -Infinity;
  for (const a of activity) {
    last = Math.max(last, a.at);
    if (!a.courseId) continue;
    firstIn.set(a.courseId, Math.min(firstIn.get(a.courseId) ?? Infinity, a.at));
    if (a.completed && a.lessonId) done.set(a.courseId, (done.get(a.courseId) ?? new Set()).add(a.lessonId));
  }
  const unfinishedCourses = catalog
    .filter((c) => {
      const first = firstIn.get(c.id);
      if (first === undefined || now - first < NOT_FINISHED_DAYS * DAY) return false;
      const lessons = done.get(c.id);
      return !c.lessons.every((l) => lessons?.has(l.id));
    })
    .map((c) => c.id);
  const entry: FollowUpEntry = { learnerId, lastActivityAt: last, unfinishedCourses };
  return { entry, notFinished: unfinishedCourses.length > 0, inactive: Number.isFinite(last) && now - last >= INACTIVE_DAYS * DAY };
}
