// The statements the rollup (rollup.ts) writes its tables (db/schema/stats.ts)
// with, on the engine (server/db/engine), each over any number of rows:
// guide records run them inside their sync transaction with one row, learner
// records with a whole page of the catch-up (or of a rebuild's replay) in a
// few multi-row statements. Each is a primary-key upsert or update whose merge is a sum or a
// minimum, so applying events in any order gives the same rows.
import { and, count, eq, inArray, isNotNull, lte, max, notInArray, sql, type SQL } from 'drizzle-orm';
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

/** Replayed in pages of this many events (rollup.ts). */
const REPLAY_PAGE = 5000;

/** The largest number of rows one statement writes (7 columns × 512 stays under both engines' parameter limits). */
const MOST_ROWS = 512;

/**
 * Runs `write` over `rows` in chunks whose sizes are powers of two: a page's
 * thousands of rows go in a few statements, not one round trip each, and
 * there are at most ten statement texts per write for SQLite's statement
 * cache (server/db/engine/sqlite.ts) to keep.
 */
export async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  let at = 0;
  for (let size = MOST_ROWS; size >= 1; size /= 2) {
    while (rows.length - at >= size) {
      await write(rows.slice(at, at + size));
      at += size;
    }
  }
}

type ValueType = 'TEXT' | 'BIGINT';
/** Rows as `(VALUES …) AS v`, typed (PostgreSQL types a bare parameter as text); columns v.column1, v.column2, … on both engines. */
const valuesOf = (rows: ReadonlyArray<readonly unknown[]>, types: readonly ValueType[]) =>
  sql`(VALUES ${sql.join(
    rows.map((row) => sql`(${sql.join(row.map((value, i) => sql`CAST(${value} AS ${sql.raw(types[i]!)})`), sql`, `)})`),
    sql`, `,
  )}) AS v`;
const v = (n: number) => sql.raw(`v.column${n}`);

export interface LearnerSpan {
  learnerId: string;
  isAssisted: number;
  firstDay: number;
  lastDay: number;
}
export interface LearnerCourseDay {
  learnerId: string;
  courseId: string;
  day: number;
}

export function createRollupTables(engine: Engine) {
  const dialect = dialectOf(engine.kind);
  const db = engine.db;
  // Each write is defined once, over any number of rows: a page of the
  // catch-up writes thousands at once, a guide's record one.
  const ensureLearner = prepared((b) => b
    .insert(statsLearners)
    .values(placeholders<typeof statsLearners.$inferInsert>(['learnerId', 'isAssisted']))
    .onConflictDoNothing()
  );
  /** Adds the learner (if new) and widens their first and last day of activity. */
  const spans = (rows: LearnerSpan[]) => db
    .insert(statsLearners)
    .values(rows)
    .onConflictDoUpdate({
      target: statsLearners.learnerId,
      set: {
        firstDay: dialect.least(sql`coalesce(${statsLearners.firstDay}, ${excluded(statsLearners.firstDay)})`, excluded(statsLearners.firstDay)),
        lastDay: dialect.greatest(sql`coalesce(${statsLearners.lastDay}, ${excluded(statsLearners.lastDay)})`, excluded(statsLearners.lastDay)),
      },
    });
  const days = (rows: Array<typeof statsLearnerDays.$inferInsert>) => db.insert(statsLearnerDays).values(rows).onConflictDoNothing();
  const setProfile = prepared((b) => b
    .update(statsLearners)
    .set({ groupId: sql`${sql.placeholder('groupId')}`, birthYear: sql`${sql.placeholder('birthYear')}`, gender: sql`${sql.placeholder('gender')}` })
    .where(eq(statsLearners.learnerId, learner))
  );
  const daily = (rows: Array<Required<typeof statsDaily.$inferInsert>>) => db
    .insert(statsDaily)
    .values(rows)
    .onConflictDoUpdate({
      target: [statsDaily.day, statsDaily.courseId, statsDaily.lessonId],
      set: {
        starts: sql`${statsDaily.starts} + ${excluded(statsDaily.starts)}`,
        completions: sql`${statsDaily.completions} + ${excluded(statsDaily.completions)}`,
        assistedCompletions: sql`${statsDaily.assistedCompletions} + ${excluded(statsDaily.assistedCompletions)}`,
        scoreSum: sql`${statsDaily.scoreSum} + ${excluded(statsDaily.scoreSum)}`,
      },
    });
  const startCourses = (rows: LearnerCourseDay[]) => db
    .insert(statsLearnerCourses)
    .values(rows.map((r) => ({ learnerId: r.learnerId, courseId: r.courseId, startedDay: r.day })))
    .onConflictDoUpdate({
      target: [statsLearnerCourses.learnerId, statsLearnerCourses.courseId],
      set: { startedDay: dialect.least(statsLearnerCourses.startedDay, excluded(statsLearnerCourses.startedDay)) },
    });
  const addLessons = (rows: Array<typeof statsLearnerLessons.$inferInsert>) => db
    .insert(statsLearnerLessons)
    .values(rows)
    .onConflictDoUpdate({
      target: [statsLearnerLessons.learnerId, statsLearnerLessons.courseId, statsLearnerLessons.lessonId],
      set: { firstDay: dialect.least(statsLearnerLessons.firstDay, excluded(statsLearnerLessons.firstDay)) },
    });
  const lessonsDone = (learnerIds: string[]) => db
    .select({ learnerId: statsLearnerLessons.learnerId, courseId: statsLearnerLessons.courseId, n: count(), lastDay: max(statsLearnerLessons.firstDay) })
    .from(statsLearnerLessons)
    .where(inArray(statsLearnerLessons.learnerId, learnerIds))
    .groupBy(statsLearnerLessons.learnerId, statsLearnerLessons.courseId);
  /** Sets or moves back each course's completion day; the rows it changed. */
  const completeCourses = (rows: LearnerCourseDay[]) => engine.all<LearnerCourseDay>(sql`
    UPDATE ${statsLearnerCourses} SET ${sql.identifier(statsLearnerCourses.completedDay.name)} = ${v(3)}
    FROM ${valuesOf(rows.map((r) => [r.learnerId, r.courseId, r.day]), ['TEXT', 'TEXT', 'BIGINT'])}
    WHERE ${statsLearnerCourses.learnerId} = ${v(1)} AND ${statsLearnerCourses.courseId} = ${v(2)}
      AND (${statsLearnerCourses.completedDay} IS NULL OR ${statsLearnerCourses.completedDay} > ${v(3)})
    RETURNING ${statsLearnerCourses.learnerId} AS "learnerId", ${statsLearnerCourses.courseId} AS "courseId", ${statsLearnerCourses.completedDay} AS "day"`);
  const firstCourses = (rows: Array<{ learnerId: string; day: number }>) => engine.run(sql`
    UPDATE ${statsLearners} SET ${sql.identifier(statsLearners.firstCourseDay.name)} = ${dialect.least(sql`coalesce(${statsLearners.firstCourseDay}, ${v(2)})`, v(2))}
    FROM ${valuesOf(rows.map((r) => [r.learnerId, r.day]), ['TEXT', 'BIGINT'])}
    WHERE ${statsLearners.learnerId} = ${v(1)}`);
  const completedCourses = (learnerIds: string[]) => db
    .select({ learnerId: statsLearnerCourses.learnerId, courseId: statsLearnerCourses.courseId, day: statsLearnerCourses.completedDay })
    .from(statsLearnerCourses)
    .where(and(inArray(statsLearnerCourses.learnerId, learnerIds), isNotNull(statsLearnerCourses.completedDay)));
  const fiveSkills = (rows: Array<{ learnerId: string; day: number }>) => engine.run(sql`
    UPDATE ${statsLearners} SET ${sql.identifier(statsLearners.fiveSkillsDay.name)} = ${v(2)}
    FROM ${valuesOf(rows.map((r) => [r.learnerId, r.day]), ['TEXT', 'BIGINT'])}
    WHERE ${statsLearners.learnerId} = ${v(1)} AND (${statsLearners.fiveSkillsDay} IS NULL OR ${statsLearners.fiveSkillsDay} > ${v(2)})`);

  /** A statement over many rows (or learners) that returns rows, a chunk at a time, its answers joined. */
  const readChunks = async <R, T>(rows: R[], read: (chunk: R[]) => Promise<T[]>): Promise<T[]> => {
    const out: T[] = [];
    await inChunks(rows, async (chunk) => out.push(...(await read(chunk))));
    return out;
  };

  type Profile = Pick<typeof statsLearners.$inferSelect, 'groupId' | 'birthYear' | 'gender'>;
  const run = (statement: typeof ensureLearner, values: Record<string, unknown>) => engine.runPrepared(statement, values);
  return {
    ensureLearner: async (learnerId: string, isAssisted: boolean) => void (await run(ensureLearner, { learnerId, isAssisted: isAssisted ? 1 : 0 })),
    /** Each learner added if new, their first and last day widened to the given ones. */
    activeOn: (rows: LearnerSpan[]) => inChunks(rows, spans),
    addDays: (rows: Array<{ learnerId: string; day: number }>) => inChunks(rows, days),
    setProfile: async (learnerId: string, p: Profile) => void (await run(setProfile, { ...p, learner: learnerId })),
    daily: (rows: Array<Required<typeof statsDaily.$inferInsert>>) => inChunks(rows, daily),
    /** Each course started on the day (or earlier, as stored). */
    startCourses: (rows: LearnerCourseDay[]) => inChunks(rows, startCourses),
    /** Each lesson's first completion on the day (or earlier, as stored). */
    addLessons: (rows: Array<{ learnerId: string; courseId: string; lessonId: string; firstDay: number }>) => inChunks(rows, addLessons),
    /** How many lessons of each course these learners completed, and the day of the last first completion. */
    lessonsDone: (learnerIds: string[]) => readChunks(learnerIds, lessonsDone),
    /** Sets or moves back each course's completion day; the rows whose day changed. */
    completeCourses: (rows: LearnerCourseDay[]) => readChunks(rows, completeCourses),
    /** Each learner's first whole course on the day, unless stored earlier. */
    firstCourses: (rows: Array<{ learnerId: string; day: number }>) => inChunks(rows, firstCourses),
    // Not null: the query keeps completed courses only.
    completedCourses: async (learnerIds: string[]) => (await readChunks(learnerIds, completedCourses)).map((c) => ({ ...c, day: c.day! })),
    fiveSkills: (rows: Array<{ learnerId: string; day: number }>) => inChunks(rows, fiveSkills),
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
