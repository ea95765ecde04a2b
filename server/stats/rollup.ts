// Keeps the dashboard's rollup tables (db/schema/stats.ts) in step with the
// events. Guide records roll up inside their sync transaction, right after
// the row went in; learner records are caught up after their sync answered,
// from a durable cursor, before anyone reads a figure (catch-up.ts). The work
// is a handful of primary-key upserts per event (prepared in
// rollup-tables.ts), or per learner, day, course and lesson of a page of
// learner records (rollup-batch.ts). rebuild() replays everything (every
// upsert is order-independent: first days are minima) when the rollup code or
// the course catalog changed.
import { createHash } from 'node:crypto';
import type { GuideEvent, LearningEvent } from '../../shared/events.ts';
import { BASIC_SKILLS } from '../../shared/skills.ts';
import { dayOf } from '../../shared/stats/days.ts';
import type { Db } from '../db/open.ts';
import type { Projection } from '../records/hooks.ts';
import { createRollupCatchUp } from './catch-up.ts';
import { createBatchApply, type RollupRecord } from './rollup-batch.ts';
import { createRebuildTables, createRollupTables } from './rollup-tables.ts';
import { createWithdrawTables } from './rollup-withdraw.ts';

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

/** Whether a stored learner record counts (server/integrity: held records do not, until accepted). */
export type CountsRecord = (eventId: string) => boolean;

export function createStatsRollup(db: Db, catalog: StatsCatalog, now: () => number = Date.now, counts: CountsRecord = () => true) {
  const lessonCount = new Map(catalog.courses.map((c) => [c.id, c.lessons.length]));
  // The household rule: every course of each of the five basic skills (the
  // same rule as the "Công dân số" certificate). Unreachable while a basic
  // skill has no course, rather than reachable too cheaply.
  const basicCourses = new Set(catalog.courses.filter((c) => (BASIC_SKILLS as readonly string[]).includes(c.skill)).map((c) => c.id));
  const everySkillHasCourse = BASIC_SKILLS.every((s) => catalog.courses.some((c) => c.skill === s && c.lessons.length > 0));

  const t = createRollupTables(db);
  const withdrawTables = createWithdrawTables(db);
  const rebuildTables = createRebuildTables(db);

  /** The learner was active on each of `days` (first and last are their minimum and maximum). */
  function activeOn(learnerId: string, first: number, last: number, days: Iterable<number>, isAssisted: boolean) {
    t.ensureLearner(learnerId, isAssisted);
    t.touchLearner(learnerId, first, last);
    for (const day of days) t.addDay(learnerId, day);
  }

  function active(learnerId: string, day: number, isAssisted: boolean) {
    activeOn(learnerId, day, day, [day], isAssisted);
  }

  function lessonStarted(learnerId: string, courseId: string, lessonId: string, day: number) {
    active(learnerId, day, false);
    t.startCourse(learnerId, courseId, day);
    t.daily({ day, courseId, lessonId, starts: 1, completions: 0, assistedCompletions: 0, scoreSum: 0 });
  }

  function lessonCompleted(learnerId: string, courseId: string, lessonId: string, score: number, day: number, byGuide: boolean) {
    active(learnerId, day, false);
    t.startCourse(learnerId, courseId, day);
    t.daily({ day, courseId, lessonId, starts: 0, completions: 1, assistedCompletions: byGuide ? 1 : 0, scoreSum: score });
    t.addLesson(learnerId, courseId, lessonId, day);
    checkCourse(learnerId, courseId);
  }

  /** Marks the course complete once every lesson of it has a first completion. */
  function checkCourse(learnerId: string, courseId: string) {
    const needed = lessonCount.get(courseId);
    if (!needed) return; // not a course of this catalog: counted, never "complete"
    const done = t.lessonsDone(learnerId, courseId);
    if (done.n < needed || done.lastDay === null) return;
    // The course is complete on the day its last lesson was first completed.
    // A phone that syncs late can bring an earlier first completion of a
    // lesson: the completion day then moves back, as a rebuild would put it.
    if (!t.completeCourse(learnerId, courseId, done.lastDay)) return;
    t.firstCourse(learnerId, done.lastDay);
    if (!everySkillHasCourse || !basicCourses.has(courseId)) return;
    const finished = t.completedCourses(learnerId).filter((c) => basicCourses.has(c.courseId));
    if (finished.length === basicCourses.size) t.fiveSkills(learnerId, Math.max(...finished.map((c) => c.day)));
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
        t.ensureLearner(event.learnerId, false);
        t.setProfile(event.learnerId, { groupId: event.profile.residentialGroupId, birthYear: event.profile.birthYear, gender: event.profile.gender });
        return;
      case 'consent.withdrawn':
        t.setProfile(event.learnerId, { groupId: null, birthYear: null, gender: null });
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
        t.setProfile(event.learnerId, { groupId: event.groupId, birthYear: event.birthYear, gender: event.gender });
        return;
      case 'lesson.completed':
        return lessonCompleted(event.learnerId, event.courseId, event.lessonId, event.score, day, true);
      case 'outcome.confirmed':
        return active(event.learnerId, day, false);
      default:
        return;
    }
  }

  /** Held records (server/integrity) reach no rollup; everything else passes through unchanged. */
  function gated(apply: (applied: ReadonlyArray<{ event: RollupRecord; effectiveAt: number }>) => void) {
    return (applied: ReadonlyArray<{ event: RollupRecord; effectiveAt: number }>) => {
      const counted = applied.filter(({ event }) => !COUNTED_ONLY_WHEN_PLAUSIBLE.has(event.type) || counts(event.id));
      if (counted.length > 0) apply(counted);
    };
  }

  /**
   * Takes a learner's counted records out of the rollups (a learner-level
   * plausibility rule fired after they counted): their share of the daily
   * totals is subtracted, their per-learner rows are cleared (the counters'
   * triggers follow), and the guide's records about them, which still count,
   * are applied again.
   */
  function withdraw(learnerId: string, counted: ReadonlyArray<{ payload: string; effectiveAt: number }>, guideRows: ReadonlyArray<{ payload: string; effectiveAt: number }>) {
    for (const row of counted) {
      const e = JSON.parse(row.payload) as LearningEvent;
      if (e.type === 'lesson.started') withdrawTables.subtractDaily({ day: dayOf(row.effectiveAt), courseId: e.courseId, lessonId: e.lessonId, starts: 1, completions: 0, assistedCompletions: 0, scoreSum: 0 });
      else if (e.type === 'lesson.completed') withdrawTables.subtractDaily({ day: dayOf(row.effectiveAt), courseId: e.courseId, lessonId: e.lessonId, starts: 0, completions: 1, assistedCompletions: 0, scoreSum: e.score });
    }
    for (const row of guideRows) {
      const e = JSON.parse(row.payload) as GuideEvent;
      if (e.type === 'lesson.completed') withdrawTables.subtractDaily({ day: dayOf(row.effectiveAt), courseId: e.courseId, lessonId: e.lessonId, starts: 0, completions: 1, assistedCompletions: 1, scoreSum: e.score });
    }
    withdrawTables.clearLearner(learnerId);
    for (const row of guideRows) applyGuideEvent(JSON.parse(row.payload) as GuideEvent, row.effectiveAt);
  }

  // A page of learner records goes in as one batch: one upsert per learner,
  // day, course and lesson instead of several per event (rollup-batch.ts).
  const learnerRecords = createRollupCatchUp(
    db,
    gated(
      createBatchApply({
        activeOn,
        startCourse: t.startCourse,
        daily: (day, courseId, lessonId, starts, completions, scoreSum) => t.daily({ day, courseId, lessonId, starts, completions, assistedCompletions: 0, scoreSum }),
        lessonDone: t.addLesson,
        checkCourse,
        inOrder: applyLearnerEvent,
      }),
    ),
  );

  const hash = catalogHash(catalog);
  const rebuild = () =>
    db.transaction(() => {
      const upTo = learnerRecords.lastEvent();
      rebuildTables.clear();
      // Guide events first: an assisted learner's registration marks them as assisted.
      for (const row of rebuildTables.replay('guide')) applyGuideEvent(JSON.parse(row.payload) as GuideEvent, row.effectiveAt);
      for (const row of rebuildTables.replay('learner')) applyLearnerEvent(JSON.parse(row.payload) as LearningEvent, row.effectiveAt);
      rebuildTables.profileState();
      rebuildTables.writeState({ version: ROLLUP_VERSION, catalogHash: hash, builtAt: now() });
      learnerRecords.rebuilt(upTo);
    });

  return {
    projection: {
      name: 'stats',
      // Learner records are rolled up after the commit (catch-up.ts).
      learner: { afterCommit: (_by, outcomes) => learnerRecords.arrived(outcomes.filter((o) => o.status === 'accepted').length) },
      // A guide's lesson or outcome a guide rule holds reaches no rollup either.
      guide: { apply: (event: GuideEvent, effectiveAt: number) => (GUIDED_COUNTED_ONLY_WHEN_PLAUSIBLE.has(event.type) && !counts(event.id) ? undefined : applyGuideEvent(event, effectiveAt)) },
    } satisfies Projection,
    rebuild,
    /** Brings the rollups up to date with every stored learner record: before reading a figure, outside any transaction. */
    catchUp: learnerRecords.catchUp,
    /** The last learner record (insertion order) the rollups hold. */
    learnerRecordsThrough: learnerRecords.through,
    /** Counts one learner record that was held (a reviewer accepted it). */
    countLearnerRecord: applyLearnerEvent,
    /** Counts one guide record that was held (a reviewer accepted it). */
    countGuideRecord: applyGuideEvent,
    withdraw,
    /** Rebuilds when the tables were made by other rollup code or another catalog; true if it did. */
    ensureFresh(): boolean {
      const state = rebuildTables.readState();
      if (state && state.version === ROLLUP_VERSION && state.catalogHash === hash) {
        learnerRecords.catchUp(); // what the last run stored but did not roll up
        return false;
      }
      rebuild();
      return true;
    },
  };
}

export type StatsRollup = ReturnType<typeof createStatsRollup>;

/** The learner record types a plausibility hold can keep out of the figures. */
export const COUNTED_ONLY_WHEN_PLAUSIBLE: ReadonlySet<string> = new Set(['lesson.started', 'lesson.completed', 'session.joined']);
/** The guide record types a plausibility hold can keep out of the figures. */
export const GUIDED_COUNTED_ONLY_WHEN_PLAUSIBLE: ReadonlySet<string> = new Set(['lesson.completed', 'outcome.confirmed']);
