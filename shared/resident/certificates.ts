// When a certificate is earned. One rule, used by the phone (to show
// "waiting to be confirmed" as soon as the last lesson is done) and by the
// server (which issues only what this rule grants from the completions it
// holds, so a phone cannot claim a certificate it has not earned).
import { BASIC_SKILLS } from '../skills.ts';

/** The "Công dân số" certificate: every course of each of the five basic skills. */
export const DIGITAL_CITIZEN = 'digital-citizen';

export interface CatalogCourse {
  id: string;
  skill: string;
  lessons: readonly { id: string }[];
}

/** courseId → ids of the lessons completed at least once. */
export type DoneLessons = ReadonlyMap<string, ReadonlySet<string>>;

export function isCourseComplete(course: CatalogCourse, done: DoneLessons): boolean {
  const lessons = done.get(course.id);
  return course.lessons.length > 0 && course.lessons.every((l) => lessons?.has(l.id));
}

/**
 * Earned when each of the five basic skills has at least one course and every
 * course of those skills is complete. While a skill has no course yet, the
 * certificate cannot be earned (rather than being earned too cheaply).
 */
export function isDigitalCitizen(catalog: readonly CatalogCourse[], done: DoneLessons): boolean {
  return BASIC_SKILLS.every((skill) => {
    const courses = catalog.filter((c) => c.skill === skill);
    return courses.length > 0 && courses.every((c) => isCourseComplete(c, done));
  });
}

/** Every certificate the completions earn: course ids, plus DIGITAL_CITIZEN when earned. */
export function earnedCertificates(catalog: readonly CatalogCourse[], done: DoneLessons): string[] {
  const earned = catalog.filter((c) => isCourseComplete(c, done)).map((c) => c.id);
  if (isDigitalCitizen(catalog, done)) earned.push(DIGITAL_CITIZEN);
  return earned;
}

export function doneLessonsOf(rows: Iterable<{ courseId: string; lessonId: string }>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = map.get(r.courseId);
    if (!set) map.set(r.courseId, (set = new Set()));
    set.add(r.lessonId);
  }
  return map;
}
