// Per course and per skill, for a range: people who started and who
// finished the course in the range, the completion rate (of everyone who
// started by the end of the range, the share who finished by then), lesson
// completions and the average first-try quiz score of those completions.
import { between, gte, lte, sql, type AnyColumn } from 'drizzle-orm';
import { SMALL_COUNT_LIMIT, type Count, type CourseRow, type SkillRow } from '../../shared/stats/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { statsCourseDays, statsDaily } from '../db/schema/index.ts';
import type { DayRange } from './range.ts';
import { onlyIf, sumOf } from './sql.ts';
import { isSmall, people, protect, share } from './suppress.ts';

export interface CourseCatalog {
  courses: ReadonlyArray<{ id: string; skill: string }>;
  title(courseId: string): { vi: string; en: string } | null;
}

interface Raw {
  courseId: string;
  starts: number;
  completions: number;
  startedByEnd: number;
  completedByEnd: number;
  lessonCompletions: number;
  scoreSum: number;
}

/** The average first-try score of n lesson completions, shown only when at
 * least SMALL_COUNT_LIMIT people finished the course in the range: one
 * person doing many lessons makes n large while the people count is "<5". */
const average = (sum: number, n: number, finishers: number) => (n === 0 || isSmall(n) || finishers < SMALL_COUNT_LIMIT ? null : Math.round((sum / n) * 10) / 10);

export function createCourses(engine: Engine, catalog: CourseCatalog) {
  const { db } = engine;
  const start = sql.placeholder('start');
  const end = sql.placeholder('end');
  // Sums of the per-course, per-day counters (stats-counters.ts), all courses at once.
  const sinceStart = (value: AnyColumn) => sumOf(onlyIf(gte(statsCourseDays.day, start), value));
  const people_ = db
    .select({
      courseId: statsCourseDays.courseId,
      starts: sinceStart(statsCourseDays.started),
      completions: sinceStart(statsCourseDays.completed),
      startedByEnd: sumOf(statsCourseDays.started),
      completedByEnd: sumOf(statsCourseDays.completed),
    })
    .from(statsCourseDays)
    .where(lte(statsCourseDays.day, end))
    .groupBy(statsCourseDays.courseId)
    .prepare();
  const lessons = db
    .select({ courseId: statsDaily.courseId, n: sumOf(statsDaily.completions), scoreSum: sumOf(statsDaily.scoreSum) })
    .from(statsDaily)
    .where(between(statsDaily.day, start, end))
    .groupBy(statsDaily.courseId)
    .prepare();
  // In id order, so courses outside the catalogue come in the same order on every engine.
  const seen = db.selectDistinct({ courseId: statsDaily.courseId }).from(statsDaily).orderBy(statsDaily.courseId).prepare();
  const skillOf = new Map(catalog.courses.map((c) => [c.id, c.skill]));

  async function raw(r: DayRange): Promise<Raw[]> {
    const byCourse = new Map((await lessons.all({ start: r.start, end: r.end })).map((row) => [row.courseId, row]));
    // Catalog order first, then courses no longer (or not yet) in the catalog.
    const ids = [...new Set([...catalog.courses.map((c) => c.id), ...(await seen.all()).map((s) => s.courseId)])];
    const counts = new Map((await people_.all({ start: r.start, end: r.end })).map((row) => [row.courseId, row]));
    const none = { starts: 0, completions: 0, startedByEnd: 0, completedByEnd: 0 };
    return ids.map((courseId) => ({
      ...none,
      ...counts.get(courseId),
      courseId,
      lessonCompletions: byCourse.get(courseId)?.n ?? 0,
      scoreSum: byCourse.get(courseId)?.scoreSum ?? 0,
    }));
  }

  return async (r: DayRange): Promise<{ courses: CourseRow[]; skills: SkillRow[] }> => {
    const rows = await raw(r);
    // A skill's row is the sum of its courses: protect each skill's courses.
    const shown = new Map<string, { starts: Count; completions: Count }>();
    for (const skill of new Set(rows.map((x) => skillOf.get(x.courseId)))) {
      const members = rows.filter((x) => skillOf.get(x.courseId) === skill);
      const [starts, completions] = (['starts', 'completions'] as const).map((k) => (skill ? protect(members.map((x) => x[k])) : members.map((x) => people(x[k]))));
      members.forEach((x, i) => shown.set(x.courseId, { starts: starts[i], completions: completions[i] }));
    }
    const courses = rows.map((x) => ({
      courseId: x.courseId,
      skill: skillOf.get(x.courseId) ?? null,
      title: catalog.title(x.courseId),
      ...shown.get(x.courseId)!,
      completionRate: isSmall(x.startedByEnd) ? null : share(x.completedByEnd, x.startedByEnd),
      lessonCompletions: x.lessonCompletions,
      averageScore: average(x.scoreSum, x.lessonCompletions, x.completions),
    }));
    const skills = new Map<string, Raw>();
    for (const x of rows) {
      const skill = skillOf.get(x.courseId);
      if (!skill) continue;
      const s = skills.get(skill) ?? { courseId: skill, starts: 0, completions: 0, startedByEnd: 0, completedByEnd: 0, lessonCompletions: 0, scoreSum: 0 };
      for (const k of ['starts', 'completions', 'startedByEnd', 'completedByEnd', 'lessonCompletions', 'scoreSum'] as const) s[k] += x[k];
      skills.set(skill, s);
    }
    return {
      courses,
      skills: [...skills.values()].map((s) => ({
        skill: s.courseId,
        starts: people(s.starts),
        completions: people(s.completions),
        completionRate: isSmall(s.startedByEnd) ? null : share(s.completedByEnd, s.startedByEnd),
        lessonCompletions: s.lessonCompletions,
        averageScore: average(s.scoreSum, s.lessonCompletions, s.completions),
      })),
    };
  };
}
