// Keeps the dashboard's rollup tables (db/schema/stats.ts) in step with the
// events. Guide records roll up inside their sync transaction, right after
// the row went in; learner records are caught up after their sync answered,
// from a durable cursor, before anyone reads a figure (catch-up.ts). The work
// is a handful of primary-key upserts per guide record, and for a page of
// learner records one row per learner, day, course and lesson (rollup-batch.ts)
// written in a few multi-row statements (rollup-tables.ts), awaited on the
// engine (SQLite or PostgreSQL, server/db/engine): a ward of millions of
// stored records (imported, restored) catches up at thousands a second.
// rebuild() replays everything in the same pages (every upsert is
// order-independent: first days are minima) when the rollup code or the
// course catalog changed.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { GuideEvent, LearningEvent } from '../../shared/events.ts';
import { BASIC_SKILLS } from '../../shared/skills.ts';
import { dayOf } from '../../shared/stats/days.ts';
import type { Engine } from '../db/engine/engine.ts';
import type { Projection } from '../records/hooks.ts';
import { createRollupCatchUp } from './catch-up.ts';
import { createBatchApply, type RollupRecord } from './rollup-batch.ts';
import { createRebuildTables, createRollupTables } from './rollup-tables.ts';
import { createWithdrawTables } from './rollup-withdraw.ts';

/** Bump when the meaning of a rollup column changes: the next start rebuilds.
 * 2: a course's completion day moves back when a late phone brings an earlier first completion. */
export const ROLLUP_VERSION = 2;

/** Learner events a rebuild applies at once (as one page of the catch-up). */
const REBUILD_PAGE = 5_000;

export interface StatsCatalog {
  courses: ReadonlyArray<{ id: string; skill: string; lessons: ReadonlyArray<{ id: string }> }>;
}

const catalogHash = (catalog: StatsCatalog) =>
  createHash('sha256')
    .update(JSON.stringify(catalog.courses.map((c) => [c.id, c.skill, c.lessons.map((l) => l.id)])))
    .digest('hex')
    .slice(0, 16);

/** Which of these stored records count (server/integrity: held records do not, until accepted): one lookup for a page. */
export type CountedRecords = (eventIds: readonly string[]) => Promise<ReadonlySet<string>>;

const everyRecordCounts: CountedRecords = async (ids) => new Set(ids);

export function createStatsRollup(engine: Engine, catalog: StatsCatalog, now: () => number = Date.now, counted: CountedRecords = everyRecordCounts) {
  const lessonCount = new Map(catalog.courses.map((c) => [c.id, c.lessons.length]));
  // The household rule: every course of each of the five basic skills (the
  // same rule as the "Công dân số" certificate). Unreachable while a basic
  // skill has no course, rather than reachable too cheaply.
  const basicCourses = new Set(catalog.courses.filter((c) => (BASIC_SKILLS as readonly string[]).includes(c.skill)).map((c) => c.id));
  const everySkillHasCourse = BASIC_SKILLS.every((s) => catalog.courses.some((c) => c.skill === s && c.lessons.length > 0));

  const t = createRollupTables(engine);
  const withdrawTables = createWithdrawTables(engine);
  const rebuildTables = createRebuildTables(engine);

  /** Learners active on each of their `days` (first and last are their minimum and maximum). */
  async function activeOn(rows: ReadonlyArray<{ learnerId: string; first: number; last: number; days: Iterable<number> }>, isAssisted: boolean) {
    await t.activeOn(rows.map((r) => ({ learnerId: r.learnerId, isAssisted: isAssisted ? 1 : 0, firstDay: r.first, lastDay: r.last })));
    await t.addDays(rows.flatMap((r) => [...r.days].map((day) => ({ learnerId: r.learnerId, day }))));
  }

  function active(learnerId: string, day: number, isAssisted: boolean) {
    return activeOn([{ learnerId, first: day, last: day, days: [day] }], isAssisted);
  }

  async function lessonStarted(learnerId: string, courseId: string, lessonId: string, day: number) {
    await active(learnerId, day, false);
    await t.startCourses([{ learnerId, courseId, day }]);
    await t.daily([{ day, courseId, lessonId, starts: 1, completions: 0, assistedCompletions: 0, scoreSum: 0 }]);
  }

  async function lessonCompleted(learnerId: string, courseId: string, lessonId: string, score: number, day: number, byGuide: boolean) {
    await active(learnerId, day, false);
    await t.startCourses([{ learnerId, courseId, day }]);
    await t.daily([{ day, courseId, lessonId, starts: 0, completions: 1, assistedCompletions: byGuide ? 1 : 0, scoreSum: score }]);
    await t.addLessons([{ learnerId, courseId, lessonId, firstDay: day }]);
    await checkCourses([{ learnerId, courseId }]);
  }

  /**
   * Marks each course complete once every lesson of it has a first
   * completion: on the day its last lesson was first completed. A phone that
   * syncs late can bring an earlier first completion of a lesson: the
   * completion day then moves back, as a rebuild would put it. The learner's
   * first whole course and the five skills follow the courses that moved.
   */
  async function checkCourses(pairs: ReadonlyArray<{ learnerId: string; courseId: string }>) {
    // Not a course of this catalog: counted, never "complete".
    const known = pairs.filter((p) => lessonCount.get(p.courseId));
    if (known.length === 0) return;
    const key = (learnerId: string, courseId: string) => `${learnerId}\u0000${courseId}`;
    const done = new Map((await t.lessonsDone([...new Set(known.map((p) => p.learnerId))])).map((d) => [key(d.learnerId, d.courseId), d]));
    const complete = known.flatMap(({ learnerId, courseId }) => {
      const d = done.get(key(learnerId, courseId));
      return d && d.n >= lessonCount.get(courseId)! && d.lastDay !== null ? [{ learnerId, courseId, day: d.lastDay }] : [];
    });
    const moved = await t.completeCourses(complete);
    const earliest = new Map<string, number>();
    for (const m of moved) earliest.set(m.learnerId, Math.min(m.day, earliest.get(m.learnerId) ?? m.day));
    await t.firstCourses([...earliest].map(([learnerId, day]) => ({ learnerId, day })));
    if (!everySkillHasCourse) return;
    const basicMoved = [...new Set(moved.filter((m) => basicCourses.has(m.courseId)).map((m) => m.learnerId))];
    if (basicMoved.length === 0) return;
    const finished = new Map<string, number[]>();
    for (const c of await t.completedCourses(basicMoved)) if (basicCourses.has(c.courseId)) finished.set(c.learnerId, [...(finished.get(c.learnerId) ?? []), c.day]);
    await t.fiveSkills([...finished].filter(([, days]) => days.length === basicCourses.size).map(([learnerId, days]) => ({ learnerId, day: Math.max(...days) })));
  }

  async function applyLearnerEvent(event: LearningEvent, effectiveAt: number): Promise<void> {
    const day = dayOf(effectiveAt);
    switch (event.type) {
      case 'lesson.started':
        return lessonStarted(event.learnerId, event.courseId, event.lessonId, day);
      case 'lesson.completed':
        return lessonCompleted(event.learnerId, event.courseId, event.lessonId, event.score, day, false);
      case 'session.joined':
        return active(event.learnerId, day, false);
      case 'profile.updated':
        await t.ensureLearner(event.learnerId, false);
        await t.setProfile(event.learnerId, { groupId: event.profile.residentialGroupId, birthYear: event.profile.birthYear, gender: event.profile.gender });
        return;
      case 'consent.withdrawn':
        await t.setProfile(event.learnerId, { groupId: null, birthYear: null, gender: null });
        return;
      default:
        return;
    }
  }

  async function applyGuideEvent(event: GuideEvent, effectiveAt: number): Promise<void> {
    const day = dayOf(effectiveAt);
    switch (event.type) {
      case 'assisted.registered':
        await active(event.learnerId, day, true);
        await t.setProfile(event.learnerId, { groupId: event.groupId, birthYear: event.birthYear, gender: event.gender });
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
  function gated(apply: (applied: ReadonlyArray<{ event: RollupRecord; effectiveAt: number }>) => Promise<void>) {
    return async (applied: ReadonlyArray<{ event: RollupRecord; effectiveAt: number }>) => {
      const gatedIds = applied.filter(({ event }) => COUNTED_ONLY_WHEN_PLAUSIBLE.has(event.type)).map(({ event }) => event.id);
      const counting = gatedIds.length > 0 ? await counted(gatedIds) : new Set<string>();
      const kept = applied.filter(({ event }) => !COUNTED_ONLY_WHEN_PLAUSIBLE.has(event.type) || counting.has(event.id));
      if (kept.length > 0) await apply(kept);
    };
  }

  /**
   * Takes a learner's counted records out of the rollups (a learner-level
   * plausibility rule fired after they counted): their share of the daily
   * totals is subtracted, their per-learner rows are cleared (the counters'
   * triggers follow), and the guide's records about them, which still count,
   * are applied again.
   */
  async function withdraw(learnerId: string, rows: ReadonlyArray<{ payload: string; effectiveAt: number }>, guideRows: ReadonlyArray<{ payload: string; effectiveAt: number }>) {
    for (const row of rows) {
      const e = JSON.parse(row.payload) as LearningEvent;
      if (e.type === 'lesson.started') await withdrawTables.subtractDaily({ day: dayOf(row.effectiveAt), courseId: e.courseId, lessonId: e.lessonId, starts: 1, completions: 0, assistedCompletions: 0, scoreSum: 0 });
      else if (e.type === 'lesson.completed') await withdrawTables.subtractDaily({ day: dayOf(row.effectiveAt), courseId: e.courseId, lessonId: e.lessonId, starts: 0, completions: 1, assistedCompletions: 0, scoreSum: e.score });
    }
    for (const row of guideRows) {
      const e = JSON.parse(row.payload) as GuideEvent;
      if (e.type === 'lesson.completed') await withdrawTables.subtractDaily({ day: dayOf(row.effectiveAt), courseId: e.courseId, lessonId: e.lessonId, starts: 0, completions: 1, assistedCompletions: 1, scoreSum: e.score });
    }
    await withdrawTables.clearLearner(learnerId);
    for (const row of guideRows) await applyGuideEvent(JSON.parse(row.payload) as GuideEvent, row.effectiveAt);
  }

  // A page of learner records goes in as one batch: one row per learner,
  // day, course and lesson instead of several per event (rollup-batch.ts),
  // each table's rows in a few statements (rollup-tables.ts).
  const applyPage = createBatchApply({
    activeOn: (rows) => activeOn(rows, false),
    startCourses: t.startCourses,
    daily: (rows) => t.daily(rows.map((r) => ({ ...r, assistedCompletions: 0 }))),
    lessonsFirstDone: (rows) => t.addLessons(rows.map(({ day, ...r }) => ({ ...r, firstDay: day }))),
    checkCourses,
    inOrder: applyLearnerEvent,
  });

  const learnerRecords = createRollupCatchUp(engine, gated(applyPage));

  const hash = catalogHash(catalog);
  async function rebuild(): Promise<void> {
    // Every learner record up to here is committed (catch-up.ts); later ones are the catch-up's.
    const upTo = await learnerRecords.lastEvent();
    await engine.transaction(async () => {
      await learnerRecords.takeTurn();
      // PostgreSQL: guide syncs roll up in their own transactions; this waits
      // for those running and holds back new ones, so each guide record is
      // either replayed here or rolled up after, never both.
      if (engine.kind === 'postgres') await engine.run(sql`LOCK TABLE guide_events IN SHARE MODE`);
      await rebuildTables.clear();
      // Guide events first: an assisted learner's registration marks them as assisted.
      for await (const row of rebuildTables.replay('guide')) await applyGuideEvent(JSON.parse(row.payload) as GuideEvent, row.effectiveAt);
      // Learner events in pages, as the catch-up applies them (held ones are left out by the replay).
      const page: Array<{ event: RollupRecord; effectiveAt: number }> = [];
      for await (const row of rebuildTables.replay('learner', upTo)) {
        page.push({ event: JSON.parse(row.payload) as LearningEvent, effectiveAt: row.effectiveAt });
        if (page.length === REBUILD_PAGE) await applyPage(page.splice(0));
      }
      await applyPage(page);
      await rebuildTables.profileState();
      await rebuildTables.writeState({ version: ROLLUP_VERSION, catalogHash: hash, builtAt: now() });
      await learnerRecords.rebuilt(upTo);
    });
  }

  return {
    projection: {
      name: 'stats',
      // Learner records are rolled up after the commit (catch-up.ts).
      learner: { afterCommit: (_by, outcomes) => learnerRecords.arrived(outcomes.filter((o) => o.status === 'accepted').length) },
      // A guide's lesson or outcome a guide rule holds reaches no rollup either.
      guide: {
        async apply(event: GuideEvent, effectiveAt: number) {
          if (GUIDED_COUNTED_ONLY_WHEN_PLAUSIBLE.has(event.type) && !(await counted([event.id])).has(event.id)) return;
          await applyGuideEvent(event, effectiveAt);
        },
      },
    } satisfies Projection,
    rebuild,
    /** Brings the rollups up to date with every stored learner record: before reading a figure, outside any transaction. */
    catchUp: learnerRecords.catchUp,
    /** The last learner record (insertion order) the rollups hold. */
    learnerRecordsThrough: learnerRecords.through,
    /** The same, read in the caller's transaction (catch-up.ts throughNow). */
    learnerRecordsThroughNow: learnerRecords.throughNow,
    /** Counts one learner record that was held (a reviewer accepted it). */
    countLearnerRecord: applyLearnerEvent,
    /** Counts one guide record that was held (a reviewer accepted it). */
    countGuideRecord: applyGuideEvent,
    withdraw,
    /** Rebuilds when the tables were made by other rollup code or another catalog; true if it did. */
    async ensureFresh(): Promise<boolean> {
      await learnerRecords.start();
      const state = await rebuildTables.readState();
      if (state && state.version === ROLLUP_VERSION && state.catalogHash === hash) {
        await learnerRecords.catchUp(); // what the last run stored but did not roll up
        return false;
      }
      await rebuild();
      return true;
    },
  };
}

export type StatsRollup = ReturnType<typeof createStatsRollup>;

/** The learner record types a plausibility hold can keep out of the figures. */
export const COUNTED_ONLY_WHEN_PLAUSIBLE: ReadonlySet<string> = new Set(['lesson.started', 'lesson.completed', 'session.joined']);
/** The guide record types a plausibility hold can keep out of the figures. */
export const GUIDED_COUNTED_ONLY_WHEN_PLAUSIBLE: ReadonlySet<string> = new Set(['lesson.completed', 'outcome.confirmed']);
