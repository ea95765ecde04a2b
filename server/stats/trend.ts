// Week by week (Monday to Sunday) inside the range: lesson completions,
// learners whose first activity fell in the week, and course completions.
// The first and last weeks are cut at the range's ends.
import { and, between, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { TrendRow } from '../../shared/stats/api.ts';
import { isoFromDay, weekStart } from '../../shared/stats/days.ts';
import type { Engine } from '../db/engine/engine.ts';
import { statsCourseDays, statsDaily, statsFirstDays } from '../db/schema/index.ts';
import type { DayRange } from './range.ts';
import { sumOf } from './sql.ts';
import { protect } from './suppress.ts';

/** Monday (day number) of every week the range touches, in order. */
export function weeksOf(r: Pick<DayRange, 'start' | 'end'>): number[] {
  const weeks: number[] = [];
  for (let week = weekStart(r.start); week <= r.end; week += 7) weeks.push(week);
  return weeks;
}

export function createTrend(engine: Engine) {
  const { db } = engine;
  const inRange = (day: AnyColumn) => between(day, sql.placeholder('start'), sql.placeholder('end'));
  // (day + 3) % 7 is days since Monday (1970-01-01 was a Thursday).
  const weekOf = (day: AnyColumn) => sql<number>`${day} - ((${day} + 3) % 7)`;
  const perWeek = (day: AnyColumn, value: AnyColumn, table: SQLiteTable, also?: SQL) =>
    db
      .select({ week: weekOf(day), n: sumOf(value) })
      .from(table)
      .where(and(also, inRange(day)))
      .groupBy(weekOf(day))
      .prepare();
  const lessons = perWeek(statsDaily.day, statsDaily.completions, statsDaily);
  const learners = perWeek(statsFirstDays.day, statsFirstDays.learners, statsFirstDays);
  const courses = perWeek(
    statsCourseDays.day,
    statsCourseDays.completed,
    statsCourseDays,
    inArray(statsCourseDays.courseId, db.selectDistinct({ courseId: statsDaily.courseId }).from(statsDaily)),
  );
  const trend = async (r: DayRange): Promise<TrendRow[]> => {
    const map = (rows: Array<{ week: number; n: number }>) => new Map(rows.map((x) => [x.week, x.n]));
    const days = { start: r.start, end: r.end };
    const [l, n, c] = [map(await lessons.all(days)), map(await learners.all(days)), map(await courses.all(days))];
    const weeks = weeksOf(r);
    // The weeks add up to the headline's new learners and courses completed.
    const fresh = protect(weeks.map((w) => n.get(w) ?? 0));
    const done = protect(weeks.map((w) => c.get(w) ?? 0));
    return weeks.map((week, i) => ({ week: isoFromDay(week), lessonCompletions: l.get(week) ?? 0, newLearners: fresh[i], courseCompletions: done[i] }));
  };
  /** Learners whose first activity fell in each week of the range, before any suppression: the city adds localities' weeks up (city/trends.ts). */
  const newLearnersByWeek = async (r: DayRange): Promise<number[]> => {
    const n = new Map((await learners.all({ start: r.start, end: r.end })).map((x) => [x.week, x.n]));
    return weeksOf(r).map((w) => n.get(w) ?? 0);
  };
  return Object.assign(trend, { newLearnersByWeek });
}
