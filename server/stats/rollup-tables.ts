// The statements the rollup (rollup.ts) writes its tables (db/schema/stats.ts)
// with, prepared once, on the engine (server/db/engine): guide records run
// them inside their sync transaction, learner records in the catch-up's
// pages. Each is a primary-key upsert or update whose merge is a sum or a
// minimum, so applying events in any order gives the same rows.
import { and, count, eq, gt, inArray, isNotNull, isNull, lte, max, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { prepared, type Engine } from '../db/engine/engine.ts';
import { placeholders } from '../db/placeholders.ts';
import {
  events,
  guideEvents,
  learnerProfiles,
  statsDaily,
  statsLearnerCourses,
  statsLearnerDays,
  statsLearnerLessons,
  statsLearners,
  statsState,
} from '../db/schema/index.ts';
import { dialectOf, excluded } from './sql.ts';
import { notHeld } from './verified-records.ts';

const learner = sql.placeholder('learner');
const course = sql.placeholder('course');
const day = sql.placeholder('day');

/** Replayed in pages of this many events (rollup.ts). */
const REPLAY_PAGE = 5000;

export function createRollupTables(engine: Engine) {
  const dialect = dialectOf(engine.kind);
  const db = engine.db;
  // Built once (db/engine prepared()): they run for every learner, day and lesson of a page.
  const ensureLearner = prepared((b) => b
    .insert(statsLearners)
    .values(placeholders<typeof statsLearners.$inferInsert>(['learnerId', 'isAssisted']))
    .onConflictDoNothing()
  );
  const first = sql.placeholder('first');
  const last = sql.placeholder('last');
  const touchLearner = prepared((b) => b
    .update(statsLearners)
    .set({
      firstDay: dialect.least(sql`coalesce(${statsLearners.firstDay}, ${first})`, first),
      lastDay: dialect.greatest(sql`coalesce(${statsLearners.lastDay}, ${last})`, last),
    })
    .where(eq(statsLearners.learnerId, learner))
  );
  const addDay = prepared((b) => b
    .insert(statsLearnerDays)
    .values(placeholders<typeof statsLearnerDays.$inferInsert>(['learnerId', 'day']))
    .onConflictDoNothing()
  );
  const setProfile = prepared((b) => b
    .update(statsLearners)
    .set({ groupId: sql`${sql.placeholder('groupId')}`, birthYear: sql`${sql.placeholder('birthYear')}`, gender: sql`${sql.placeholder('gender')}` })
    .where(eq(statsLearners.learnerId, learner))
  );
  const daily = prepared((b) => b
    .insert(statsDaily)
    .values(placeholders<typeof statsDaily.$inferInsert>(['day', 'courseId', 'lessonId', 'starts', 'completions', 'assistedCompletions', 'scoreSum']))
    .onConflictDoUpdate({
      target: [statsDaily.day, statsDaily.courseId, statsDaily.lessonId],
      set: {
        starts: sql`${statsDaily.starts} + ${excluded(statsDaily.starts)}`,
        completions: sql`${statsDaily.completions} + ${excluded(statsDaily.completions)}`,
        assistedCompletions: sql`${statsDaily.assistedCompletions} + ${excluded(statsDaily.assistedCompletions)}`,
        scoreSum: sql`${statsDaily.scoreSum} + ${excluded(statsDaily.scoreSum)}`,
      },
    })
  );
  const startCourse = prepared((b) => b
    .insert(statsLearnerCourses)
    .values(placeholders<typeof statsLearnerCourses.$inferInsert>(['learnerId', 'courseId', 'startedDay']))
    .onConflictDoUpdate({
      target: [statsLearnerCourses.learnerId, statsLearnerCourses.courseId],
      set: { startedDay: dialect.least(statsLearnerCourses.startedDay, excluded(statsLearnerCourses.startedDay)) },
    })
  );
  const addLesson = prepared((b) => b
    .insert(statsLearnerLessons)
    .values(placeholders<typeof statsLearnerLessons.$inferInsert>(['learnerId', 'courseId', 'lessonId', 'firstDay']))
    .onConflictDoUpdate({
      target: [statsLearnerLessons.learnerId, statsLearnerLessons.courseId, statsLearnerLessons.lessonId],
      set: { firstDay: dialect.least(statsLearnerLessons.firstDay, excluded(statsLearnerLessons.firstDay)) },
    })
  );
  const lessonsDone = db
    .select({ n: count(), lastDay: max(statsLearnerLessons.firstDay) })
    .from(statsLearnerLessons)
    .where(and(eq(statsLearnerLessons.learnerId, learner), eq(statsLearnerLessons.courseId, course)))
    .prepare();
  const completeCourse = prepared((b) => b
    .update(statsLearnerCourses)
    .set({ completedDay: sql`${day}` })
    .where(
      and(
        eq(statsLearnerCourses.learnerId, learner),
        eq(statsLearnerCourses.courseId, course),
        or(isNull(statsLearnerCourses.completedDay), gt(statsLearnerCourses.completedDay, day)),
      ),
    )
  );
  const firstCourse = prepared((b) => b
    .update(statsLearners)
    .set({ firstCourseDay: dialect.least(sql`coalesce(${statsLearners.firstCourseDay}, ${day})`, day) })
    .where(eq(statsLearners.learnerId, learner))
  );
  const completedCourses = db
    .select({ courseId: statsLearnerCourses.courseId, day: statsLearnerCourses.completedDay })
    .from(statsLearnerCourses)
    .where(and(eq(statsLearnerCourses.learnerId, learner), isNotNull(statsLearnerCourses.completedDay)))
    .prepare();
  const fiveSkills = prepared((b) => b
    .update(statsLearners)
    .set({ fiveSkillsDay: sql`${day}` })
    .where(and(eq(statsLearners.learnerId, learner), or(isNull(statsLearners.fiveSkillsDay), gt(statsLearners.fiveSkillsDay, day))))
  );

  type Profile = Pick<typeof statsLearners.$inferSelect, 'groupId' | 'birthYear' | 'gender'>;
  const run = (statement: typeof ensureLearner, values: Record<string, unknown>) => engine.runPrepared(statement, values);
  return {
    ensureLearner: async (learnerId: string, isAssisted: boolean) => void (await run(ensureLearner, { learnerId, isAssisted: isAssisted ? 1 : 0 })),
    /** First and last are the minimum and maximum of the days. */
    touchLearner: async (learnerId: string, firstDay: number, lastDay: number) => void (await run(touchLearner, { first: firstDay, last: lastDay, learner: learnerId })),
    addDay: async (learnerId: string, d: number) => void (await run(addDay, { learnerId, day: d })),
    setProfile: async (learnerId: string, p: Profile) => void (await run(setProfile, { ...p, learner: learnerId })),
    daily: async (row: Required<typeof statsDaily.$inferInsert>) => void (await run(daily, row)),
    startCourse: async (learnerId: string, courseId: string, startedDay: number) => void (await run(startCourse, { learnerId, courseId, startedDay })),
    addLesson: async (learnerId: string, courseId: string, lessonId: string, firstDay: number) => void (await run(addLesson, { learnerId, courseId, lessonId, firstDay })),
    /** How many lessons of the course the learner completed, and the day of the last first completion. */
    lessonsDone: async (learnerId: string, courseId: string) => (await lessonsDone.get({ learner: learnerId, course: courseId }))!,
    /** Sets or moves back the course's completion day; false when it was already that early. */
    completeCourse: async (learnerId: string, courseId: string, d: number) => (await run(completeCourse, { day: d, learner: learnerId, course: courseId })).changes > 0,
    firstCourse: async (learnerId: string, d: number) => void (await run(firstCourse, { day: d, learner: learnerId })),
    // Not null: the query keeps completed courses only.
    completedCourses: async (learnerId: string) => (await completedCourses.all({ learner: learnerId })).map((c) => ({ courseId: c.courseId, day: c.day! })),
    fiveSkills: async (learnerId: string, d: number) => void (await run(fiveSkills, { day: d, learner: learnerId })),
  };
}

export type RollupTables = ReturnType<typeof createRollupTables>;

/** What rebuild() needs besides the per-event statements: clearing, replaying, the state row. */
export function createRebuildTables(engine: Engine) {
  const dialect = dialectOf(engine.kind);
  const db = engine.db;
  // Keyset pages on (effective time, insertion order): a ward's millions of
  // events never sit in memory at once, and no statement stays open while
  // the rollup statements run on the same connection.
  const at = sql.placeholder('at');
  const after = sql.placeholder('r');
  const page = (table: typeof events | typeof guideEvents, types: string[], counted: SQL, upTo?: SQL) => {
    const order = dialect.rowOrder(table);
    return db
      .select({ payload: table.payload, effectiveAt: table.effectiveAt, r: order })
      .from(table)
      // A row-value comparison, not "a > x OR (a = x AND …)": SQLite then reads one index range.
      .where(and(inArray(table.type, types), sql`(${table.effectiveAt}, ${order}) > (${at}, ${after})`, counted, upTo))
      .orderBy(table.effectiveAt, order)
      .limit(REPLAY_PAGE)
      .prepare();
  };
  // Records held by a plausibility rule (server/integrity) count only once accepted.
  // Learner records only up to the cursor the rebuild sets: on PostgreSQL a
  // later page's statement could see records committed after it was read,
  // and the catch-up counts those.
  const learnerPage = page(
    events,
    ['lesson.started', 'lesson.completed', 'session.joined', 'profile.updated', 'consent.withdrawn'],
    notHeld(events.id),
    lte(dialect.rowOrder(events), sql.placeholder('upTo')),
  );
  const guidePage = page(guideEvents, ['assisted.registered', 'lesson.completed', 'outcome.confirmed'], notHeld(guideEvents.id));
  // Consent state lives in learner_profiles: a withdrawn profile must stay
  // withdrawn even though its profile.updated events are replayed first.
  const profileState = db
    .update(statsLearners)
    .set({ groupId: null, birthYear: null, gender: null })
    .where(
      and(
        eq(statsLearners.isAssisted, 0),
        notInArray(statsLearners.learnerId, db.select({ id: learnerProfiles.learnerId }).from(learnerProfiles).where(isNotNull(learnerProfiles.consentVersion))),
      ),
    )
    .prepare();
  const readState = db.select({ version: statsState.version, catalogHash: statsState.catalogHash }).from(statsState).where(eq(statsState.id, 1)).prepare();
  const writeState = db
    .insert(statsState)
    .values(placeholders<typeof statsState.$inferInsert>(['id', 'version', 'catalogHash', 'builtAt']))
    .onConflictDoUpdate({
      target: statsState.id,
      set: { version: excluded(statsState.version), catalogHash: excluded(statsState.catalogHash), builtAt: excluded(statsState.builtAt) },
    })
    .prepare();

  return {
    async clear() {
      for (const table of [statsLearners, statsLearnerDays, statsLearnerLessons, statsLearnerCourses, statsDaily]) await db.delete(table);
    },
    /** Every event of the family, in pages, in (effective time, insertion) order; learner events only up to `upTo`. */
    async *replay(family: 'learner' | 'guide', upTo = 0): AsyncGenerator<{ payload: string; effectiveAt: number }> {
      const page = family === 'learner' ? learnerPage : guidePage;
      let cursor = { at: Number.MIN_SAFE_INTEGER, r: 0 };
      for (;;) {
        const rows = await page.all({ ...cursor, upTo });
        yield* rows;
        if (rows.length === 0) return;
        const last = rows[rows.length - 1];
        cursor = { at: last.effectiveAt, r: last.r };
      }
    },
    profileState: async () => void (await profileState.run()),
    readState: () => readState.get(),
    writeState: async (state: Omit<typeof statsState.$inferInsert, 'id'>) => void (await writeState.run({ id: 1, ...state })),
  };
}
