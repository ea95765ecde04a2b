// Keeps the dashboard's rollup tables (db/schema/stats.ts) in step with the
// events. Its projection (server/records) runs inside the sync transaction of
// both record families, right after the event row went
// in, so a rollup never disagrees with the events it was built from. The work
// is a handful of primary-key upserts per event, or per learner, day, course
// and lesson of a learner's sync request (rollup-batch.ts). rebuild() replays everything
// (every upsert is order-independent: first days are minima) when the rollup code or the course catalog changed.
import { createHash } from 'node:crypto';
import type { GuideEvent, LearningEvent } from '../../shared/events.ts';
import { BASIC_SKILLS } from '../../shared/skills.ts';
import { dayOf } from '../../shared/stats/days.ts';
import type { Sqlite } from '../db/open.ts';
import type { Projection } from '../records/hooks.ts';
import { createBatchApply } from './rollup-batch.ts';

/** Bump when the meaning of a rollup column changes: the next start rebuilds.
 * 2: a course's completion day moves back when a late phone brings an earlier first completion. */
export const ROLLUP_VERSION = 2;

export interface StatsCatalog {
  courses: ReadonlyArray<{ id: string; skill: string; lessons: ReadonlyArray<{ id: string }> }>;
}

const catalogHash = (catalog: StatsCatalog) =>
  createHash('sha256')
    .update(JSON.stringify(catalog.courses.map((c) => [c.id, c.skill, c.lessons.map((l) => l.id)])))
    .digest('hex')
    .slice(0, 16);

export function createStatsRollup(sqlite: Sqlite, catalog: StatsCatalog, now: () => number = Date.now) {
  const lessonCount = new Map(catalog.courses.map((c) => [c.id, c.lessons.length]));
  // The household rule: every course of each of the five basic skills (the
  // same rule as the "Công dân số" certificate). Unreachable while a basic
  // skill has no course, rather than reachable too cheaply.
  const basicCourses = new Set(catalog.courses.filter((c) => (BASIC_SKILLS as readonly string[]).includes(c.skill)).map((c) => c.id));
  const everySkillHasCourse = BASIC_SKILLS.every((s) => catalog.courses.some((c) => c.skill === s && c.lessons.length > 0));

  const ensureLearner = sqlite.prepare<[string, number]>('INSERT INTO stats_learners (learner_id, is_assisted) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const touchLearner = sqlite.prepare<{ first: number; last: number; learner: string }>(
    'UPDATE stats_learners SET first_day = min(coalesce(first_day, $first), $first), last_day = max(coalesce(last_day, $last), $last) WHERE learner_id = $learner',
  );
  const addDay = sqlite.prepare<[string, number]>('INSERT OR IGNORE INTO stats_learner_days (learner_id, day) VALUES (?, ?)');
  const setProfile = sqlite.prepare<[string | null, number | null, string | null, string]>(
    'UPDATE stats_learners SET group_id = ?, birth_year = ?, gender = ? WHERE learner_id = ?',
  );
  const daily = sqlite.prepare<[number, string, string, number, number, number, number]>(
    `INSERT INTO stats_daily (day, course_id, lesson_id, starts, completions, assisted_completions, score_sum) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, completions = completions + excluded.completions,
       assisted_completions = assisted_completions + excluded.assisted_completions, score_sum = score_sum + excluded.score_sum`,
  );
  const startCourse = sqlite.prepare<[string, string, number]>(
    `INSERT INTO stats_learner_courses (learner_id, course_id, started_day) VALUES (?, ?, ?)
     ON CONFLICT DO UPDATE SET started_day = min(started_day, excluded.started_day)`,
  );
  const addLesson = sqlite.prepare<[string, string, string, number]>(
    `INSERT INTO stats_learner_lessons (learner_id, course_id, lesson_id, first_day) VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET first_day = min(first_day, excluded.first_day)`,
  );
  const lessonsDone = sqlite.prepare<[string, string], { n: number; lastDay: number }>(
    'SELECT COUNT(*) AS n, MAX(first_day) AS lastDay FROM stats_learner_lessons WHERE learner_id = ? AND course_id = ?',
  );
  const completeCourse = sqlite.prepare<{ day: number; learner: string; course: string }>(
    'UPDATE stats_learner_courses SET completed_day = $day WHERE learner_id = $learner AND course_id = $course AND (completed_day IS NULL OR completed_day > $day)',
  );
  const firstCourse = sqlite.prepare<{ day: number; learner: string }>(
    'UPDATE stats_learners SET first_course_day = min(coalesce(first_course_day, $day), $day) WHERE learner_id = $learner',
  );
  const completedCourses = sqlite.prepare<[string], { courseId: string; day: number }>(
    'SELECT course_id AS courseId, completed_day AS day FROM stats_learner_courses WHERE learner_id = ? AND completed_day IS NOT NULL',
  );
  const fiveSkills = sqlite.prepare<{ day: number; learner: string }>(
    'UPDATE stats_learners SET five_skills_day = $day WHERE learner_id = $learner AND (five_skills_day IS NULL OR five_skills_day > $day)',
  );

  /** The learner was active on each of `days` (first and last are their minimum and maximum). */
  function activeOn(learnerId: string, first: number, last: number, days: Iterable<number>, isAssisted: boolean) {
    ensureLearner.run(learnerId, isAssisted ? 1 : 0);
    touchLearner.run({ first, last, learner: learnerId });
    for (const day of days) addDay.run(learnerId, day);
  }

  function active(learnerId: string, day: number, isAssisted: boolean) {
    activeOn(learnerId, day, day, [day], isAssisted);
  }

  function lessonStarted(learnerId: string, courseId: string, lessonId: string, day: number) {
    active(learnerId, day, false);
    startCourse.run(learnerId, courseId, day);
    daily.run(day, courseId, lessonId, 1, 0, 0, 0);
  }

  function lessonCompleted(learnerId: string, courseId: string, lessonId: string, score: number, day: number, byGuide: boolean) {
    active(learnerId, day, false);
    startCourse.run(learnerId, courseId, day);
    daily.run(day, courseId, lessonId, 0, 1, byGuide ? 1 : 0, score);
    addLesson.run(learnerId, courseId, lessonId, day);
    checkCourse(learnerId, courseId);
  }

  /** Marks the course complete once every lesson of it has a first completion. */
  function checkCourse(learnerId: string, courseId: string) {
    const needed = lessonCount.get(courseId);
    if (!needed) return; // not a course of this catalog: counted, never "complete"
    const done = lessonsDone.get(learnerId, courseId)!;
    if (done.n < needed) return;
    // The course is complete on the day its last lesson was first completed.
    // A phone that syncs late can bring an earlier first completion of a
    // lesson: the completion day then moves back, as a rebuild would put it.
    if (completeCourse.run({ day: done.lastDay, learner: learnerId, course: courseId }).changes === 0) return;
    firstCourse.run({ day: done.lastDay, learner: learnerId });
    if (!everySkillHasCourse || !basicCourses.has(courseId)) return;
    const finished = completedCourses.all(learnerId).filter((c) => basicCourses.has(c.courseId));
    if (finished.length === basicCourses.size) fiveSkills.run({ day: Math.max(...finished.map((c) => c.day)), learner: learnerId });
  }

  function applyLearnerEvent(event: LearningEvent, effectiveAt: number) {
    const day = dayOf(effectiveAt);
    switch (event.type) {
      case 'lesson.started':
        return lessonStarted(event.learnerId, event.courseId, event.lessonId, day);
      case 'lesson.completed':
        return lessonCompleted(event.learnerId, event.courseId, event.lessonId, event.score, day, false);
      case 'session.joined':
        return active(event.learnerId, day, false);
      case 'profile.updated':
        ensureLearner.run(event.learnerId, 0);
        setProfile.run(event.profile.residentialGroupId, event.profile.birthYear, event.profile.gender, event.learnerId);
        return;
      case 'consent.withdrawn':
        setProfile.run(null, null, null, event.learnerId);
        return;
      default:
        return;
    }
  }

  function applyGuideEvent(event: GuideEvent, effectiveAt: number) {
    const day = dayOf(effectiveAt);
    switch (event.type) {
      case 'assisted.registered':
        active(event.learnerId, day, true);
        setProfile.run(event.groupId, event.birthYear, event.gender, event.learnerId);
        return;
      case 'lesson.completed':
        return lessonCompleted(event.learnerId, event.courseId, event.lessonId, event.score, day, true);
      case 'outcome.confirmed':
        return active(event.learnerId, day, false);
      default:
        return;
    }
  }

  const clear = ['stats_learners', 'stats_learner_days', 'stats_learner_lessons', 'stats_learner_courses', 'stats_daily'];
  // Replayed in pages (keyset on effective time, rowid): a ward's millions of
  // events never sit in memory at once, and no statement stays open while the
  // rollup statements run on the same connection.
  const learnerPage = sqlite.prepare<{ at: number; r: number }, { payload: string; effectiveAt: number; r: number }>(
    `SELECT payload, effective_at AS effectiveAt, rowid AS r FROM events
      WHERE type IN ('lesson.started', 'lesson.completed', 'session.joined', 'profile.updated', 'consent.withdrawn')
        AND (effective_at > $at OR (effective_at = $at AND rowid > $r))
      ORDER BY effective_at, rowid LIMIT 5000`,
  );
  const guidePage = sqlite.prepare<{ at: number; r: number }, { payload: string; effectiveAt: number; r: number }>(
    `SELECT payload, effective_at AS effectiveAt, rowid AS r FROM guide_events
      WHERE type IN ('assisted.registered', 'lesson.completed', 'outcome.confirmed')
        AND (effective_at > $at OR (effective_at = $at AND rowid > $r))
      ORDER BY effective_at, rowid LIMIT 5000`,
  );
  function replayAll(page: typeof learnerPage, apply: (event: never, effectiveAt: number) => void) {
    let cursor = { at: Number.MIN_SAFE_INTEGER, r: 0 };
    for (;;) {
      const rows = page.all(cursor);
      for (const row of rows) apply(JSON.parse(row.payload) as never, row.effectiveAt);
      if (rows.length === 0) return;
      const last = rows[rows.length - 1];
      cursor = { at: last.effectiveAt, r: last.r };
    }
  }
  // Consent state lives in learner_profiles: a withdrawn profile must stay
  // withdrawn even though its profile.updated events are replayed first.
  const profileState = sqlite.prepare(
    `UPDATE stats_learners SET group_id = NULL, birth_year = NULL, gender = NULL
      WHERE is_assisted = 0 AND learner_id NOT IN (SELECT learner_id FROM learner_profiles WHERE consent_version IS NOT NULL)`,
  );
  const readState = sqlite.prepare<[], { version: number; catalogHash: string }>('SELECT version, catalog_hash AS catalogHash FROM stats_state WHERE id = 1');
  const writeState = sqlite.prepare<[number, string, number]>(
    'INSERT INTO stats_state (id, version, catalog_hash, built_at) VALUES (1, ?, ?, ?) ON CONFLICT DO UPDATE SET version = excluded.version, catalog_hash = excluded.catalog_hash, built_at = excluded.built_at',
  );
  const hash = catalogHash(catalog);

  const rebuild = sqlite.transaction(() => {
    for (const table of clear) sqlite.prepare(`DELETE FROM ${table}`).run();
    // Guide events first: an assisted learner's registration marks them as assisted.
    replayAll(guidePage, applyGuideEvent);
    replayAll(learnerPage, applyLearnerEvent);
    profileState.run();
    writeState.run(ROLLUP_VERSION, hash, now());
  });

  return {
    // A sync request's events go in as one batch: one upsert per learner,
    // day, course and lesson instead of several per event (rollup-batch.ts).
    projection: {
      name: 'stats',
      learner: {
        applyBatch: createBatchApply({
          activeOn,
          startCourse: (learnerId, courseId, day) => startCourse.run(learnerId, courseId, day),
          daily: (day, courseId, lessonId, starts, completions, scoreSum) => daily.run(day, courseId, lessonId, starts, completions, 0, scoreSum),
          lessonDone: (learnerId, courseId, lessonId, day) => addLesson.run(learnerId, courseId, lessonId, day),
          checkCourse,
          inOrder: applyLearnerEvent,
        }),
      },
      guide: { apply: applyGuideEvent },
    } satisfies Projection,
    rebuild,
    /** Rebuilds when the tables were made by other rollup code or another catalog; true if it did. */
    ensureFresh(): boolean {
      const state = readState.get();
      if (state && state.version === ROLLUP_VERSION && state.catalogHash === hash) return false;
      rebuild();
      return true;
    },
  };
}

export type StatsRollup = ReturnType<typeof createStatsRollup>;
