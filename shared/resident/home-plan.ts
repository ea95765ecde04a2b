// What the home screen suggests: the lesson to continue, the next lesson to
// take, the five basic skills as a checklist, and a gentle count of learning
// days. Pure, so it is unit-tested without a browser.
import { BASIC_SKILLS } from '../skills.ts';

export interface PlanCourse {
  id: string;
  skill: string;
  order: number;
  lessons: readonly { id: string }[];
}
export interface PlanProgress {
  courseId: string;
  lessonId: string;
  status: 'started' | 'completed';
  startedAt: string;
  completedAt: string | null;
}
export interface LessonPointer {
  courseId: string;
  lessonId: string;
}
export interface SkillItem {
  skill: string;
  done: number;
  total: number;
  isComplete: boolean;
  /** The course to open for this skill: its first one not finished, else its first; null when it has none. */
  courseId: string | null;
}

const byOrder = (courses: readonly PlanCourse[]) => [...courses].sort((a, b) => a.order - b.order);

/** The most recently opened lesson that is not finished yet. */
export function continueLesson(courses: readonly PlanCourse[], progress: readonly PlanProgress[]): LessonPointer | null {
  const known = new Set(courses.flatMap((c) => c.lessons.map((l) => `${c.id}/${l.id}`)));
  const open = progress
    .filter((p) => p.status === 'started' && known.has(`${p.courseId}/${p.lessonId}`))
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
  return open[0] ? { courseId: open[0].courseId, lessonId: open[0].lessonId } : null;
}

/**
 * The next lesson to take: the first unfinished lesson of a course already
 * begun; otherwise of the first basic-skill course; otherwise of any course.
 */
export function nextLesson(courses: readonly PlanCourse[], progress: readonly PlanProgress[]): LessonPointer | null {
  const done = new Set(progress.filter((p) => p.status === 'completed').map((p) => `${p.courseId}/${p.lessonId}`));
  const touched = new Set(progress.map((p) => p.courseId));
  const firstOpen = (c: PlanCourse) => c.lessons.find((l) => !done.has(`${c.id}/${l.id}`));
  const ordered = byOrder(courses);
  const basic = (c: PlanCourse) => (BASIC_SKILLS as readonly string[]).includes(c.skill);
  for (const pick of [(c: PlanCourse) => touched.has(c.id), basic, () => true]) {
    for (const c of ordered.filter(pick)) {
      const lesson = firstOpen(c);
      if (lesson) return { courseId: c.id, lessonId: lesson.id };
    }
  }
  return null;
}

/** The five basic skills in their fixed order, with lessons done out of lessons available. */
export function skillChecklist(courses: readonly PlanCourse[], progress: readonly PlanProgress[]): SkillItem[] {
  const done = new Set(progress.filter((p) => p.status === 'completed').map((p) => `${p.courseId}/${p.lessonId}`));
  return BASIC_SKILLS.map((skill) => {
    const ofSkill = byOrder(courses.filter((c) => c.skill === skill));
    const lessons = ofSkill.flatMap((c) => c.lessons.map((l) => `${c.id}/${l.id}`));
    const n = lessons.filter((k) => done.has(k)).length;
    const open = ofSkill.find((c) => c.lessons.some((l) => !done.has(`${c.id}/${l.id}`))) ?? ofSkill[0];
    return { skill, done: n, total: lessons.length, isComplete: lessons.length > 0 && n === lessons.length, courseId: open?.id ?? null };
  });
}

const VN_OFFSET_MS = 7 * 3_600_000;
/** The Vietnam calendar day (UTC+7) of an instant, as YYYY-MM-DD. */
export const vietnamDay = (ms: number) => new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);

/**
 * A gentle streak: on how many of the last 7 days the resident learned, and on
 * how many days in all. It never drops to zero because of one missed day and
 * never says "you broke your streak".
 */
export function learningDays(progress: readonly PlanProgress[], now: number): { thisWeek: number; total: number } {
  const days = new Set<string>();
  for (const p of progress) {
    if (p.completedAt) days.add(vietnamDay(Date.parse(p.completedAt)));
  }
  const week = new Set(Array.from({ length: 7 }, (_, i) => vietnamDay(now - i * 86_400_000)));
  return { thisWeek: [...days].filter((d) => week.has(d)).length, total: days.size };
}
