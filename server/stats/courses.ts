// Per course and per skill, for a range: people who started and who
// finished the course in the range, the completion rate (of everyone who
// started by the end of the range, the share who finished by then), lesson
// completions and the average first-try quiz score of those completions.
import type { CourseRow, SkillRow } from '../../shared/stats/api.ts';
import type { Sqlite } from '../db/open.ts';
import type { DayRange } from './range.ts';
import { isSmall, people, share } from './suppress.ts';

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

const average = (sum: number, n: number) => (n === 0 || isSmall(n) ? null : Math.round((sum / n) * 10) / 10);

export function createCourses(sqlite: Sqlite, catalog: CourseCatalog) {
  // Index range counts per course: (course_id, started_day) and (course_id, completed_day).
  const people_ = sqlite.prepare<{ course: string; start: number; end: number }, Omit<Raw, 'courseId' | 'lessonCompletions' | 'scoreSum'>>(
    `SELECT (SELECT COUNT(*) FROM stats_learner_courses WHERE course_id = $course AND started_day BETWEEN $start AND $end) AS starts,
            (SELECT COUNT(*) FROM stats_learner_courses WHERE course_id = $course AND completed_day BETWEEN $start AND $end) AS completions,
            (SELECT COUNT(*) FROM stats_learner_courses WHERE course_id = $course AND started_day <= $end) AS startedByEnd,
            (SELECT COUNT(*) FROM stats_learner_courses WHERE course_id = $course AND completed_day <= $end) AS completedByEnd`,
  );
  const lessons = sqlite.prepare<[number, number], { courseId: string; n: number; scoreSum: number }>(
    'SELECT course_id AS courseId, SUM(completions) AS n, SUM(score_sum) AS scoreSum FROM stats_daily WHERE day BETWEEN ? AND ? GROUP BY course_id',
  );
  const seen = sqlite.prepare<[], { courseId: string }>('SELECT DISTINCT course_id AS courseId FROM stats_daily');
  const skillOf = new Map(catalog.courses.map((c) => [c.id, c.skill]));

  function raw(r: DayRange): Raw[] {
    const byCourse = new Map(lessons.all(r.start, r.end).map((row) => [row.courseId, row]));
    // Catalog order first, then courses no longer (or not yet) in the catalog.
    const ids = [...new Set([...catalog.courses.map((c) => c.id), ...seen.all().map((s) => s.courseId)])];
    return ids.map((courseId) => ({
      courseId,
      ...people_.get({ course: courseId, start: r.start, end: r.end })!,
      lessonCompletions: byCourse.get(courseId)?.n ?? 0,
      scoreSum: byCourse.get(courseId)?.scoreSum ?? 0,
    }));
  }

  return (r: DayRange): { courses: CourseRow[]; skills: SkillRow[] } => {
    const rows = raw(r);
    const courses = rows.map((x) => ({
      courseId: x.courseId,
      skill: skillOf.get(x.courseId) ?? null,
      title: catalog.title(x.courseId),
      starts: people(x.starts),
      completions: people(x.completions),
      completionRate: isSmall(x.startedByEnd) ? null : share(x.completedByEnd, x.startedByEnd),
      lessonCompletions: x.lessonCompletions,
      averageScore: average(x.scoreSum, x.lessonCompletions),
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
        averageScore: average(s.scoreSum, s.lessonCompletions),
      })),
    };
  };
}
