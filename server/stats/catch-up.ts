// The dashboard rollups of learner records are brought up to date after the
// sync answered, not inside its transaction. The phones' wait is the ingest
// alone (the rollup upserts were a third of it), and the rollups are merged
// over many requests at once.
//
// A durable cursor (stats_state.learner_events_through) names the last
// learner event, in insertion order, that the rollups hold; each page of
// catch-up applies the events after it and moves it in the same transaction,
// so a crash repeats nothing and skips nothing. Nobody reads a stale figure:
// every request other than a sync catches up before it runs (server/app.ts),
// and so do the reviewer's decisions, the erasure of a learner and the server
// start. Between requests a timer keeps the backlog short: it waits for a
// pause in the syncs (a burst of phones is answered first, its rollups
// merged after it), but never lets records wait longer than MAX_WAIT_MS, and
// it works a page per turn of the event loop so syncs are answered between
// pages.
//
// Guide records still roll up inside their sync: they are few, and a learner
// withdrawn from the figures (server/integrity) is re-counted from them.
//
// Insertion order is SQLite's rowid, PostgreSQL's identity column `seq`
// (sql.ts rowOrder). On SQLite one writer commits in insertion order. On
// PostgreSQL a record numbered 10 can commit after one numbered 11 was read,
// and a cursor at 11 would skip it for good. So there every transaction that
// stores learner records holds an advisory lock shared (the learner store,
// server/records/stores.ts), and the catch-up reads how far the stored
// records reach under the same lock held alone, in a short transaction of its
// own: it waits for the storing transactions already running, so every
// record at or below that point is committed, and the ones that come after
// take their numbers after it. Pages and rebuilds of several processes take
// turns under a second lock, so two never apply the same page. Both locks are
// the schema's own (records/stores.ts schemaLock): a city's localities never
// wait for each other's.
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { LearningEvent } from '../../shared/events.ts';
import type { RollupRecord } from './rollup-batch.ts';
import type { Engine } from '../db/engine/engine.ts';
import { events, statsState } from '../db/schema/index.ts';
import { LEARNER_RECORDS_LOCK, ROLLUP_WRITER_LOCK, schemaLock } from '../records/stores.ts';
import { dialectOf } from './sql.ts';

/** Events per catch-up transaction: big enough to merge well, small enough to keep one turn of the event loop short. */
const PAGE = 5_000;
/** How long after a sync its records may wait for the rollups when nobody asks for a figure. */
export const CATCH_UP_DELAY_MS = 1_000;
/** Syncs this recent mean phones are still sending: the timer waits for a pause this long. */
export const PAUSE_MS = 100;
/** Under syncs that never pause, the oldest record waits at most this long. */
export const MAX_WAIT_MS = 5_000;

/** The learner record types the rollups read (rollup.ts applyLearnerEvent). */
export const ROLLED_UP_TYPES = ['lesson.started', 'lesson.completed', 'session.joined', 'profile.updated', 'consent.withdrawn'] as const;

const COUNTED_TYPES = ['lesson.started', 'lesson.completed', 'session.joined'] as const;

export type ApplyLearnerBatch = (applied: ReadonlyArray<{ event: RollupRecord; effectiveAt: number }>) => Promise<void>;

interface Row {
  id: string;
  type: string;
  learnerId: string;
  courseId: string | null;
  lessonId: string | null;
  score: number | null;
  payload: string | null;
}

/** The record from its columns (the ingest stored them from the validated event); undefined when they lack something. */
function fromColumns({ id, type, learnerId, courseId, lessonId, score }: Row): RollupRecord | undefined {
  if (type === 'session.joined') return { id, type, learnerId };
  if (courseId === null || lessonId === null) return undefined;
  if (type === 'lesson.started') return { id, type, learnerId, courseId, lessonId };
  if (type === 'lesson.completed' && score !== null) return { id, type, learnerId, courseId, lessonId, score };
  return undefined;
}

export function createRollupCatchUp(engine: Engine, apply: ApplyLearnerBatch) {
  const db = engine.db;
  const postgres = engine.kind === 'postgres';
  const seq = dialectOf(engine.kind).rowOrder(events);
  const last = db.select({ n: sql<number | null>`max(${seq})` }).from(events).prepare();
  const page = db
    .select({
      seq,
      id: events.id,
      type: events.type,
      learnerId: events.learnerId,
      courseId: events.courseId,
      lessonId: events.lessonId,
      score: events.score,
      // Counted records are rebuilt from their columns; only profile and consent changes need their payload.
      payload: sql<string | null>`case when ${inArray(events.type, [...COUNTED_TYPES])} then null else ${events.payload} end`,
      effectiveAt: events.effectiveAt,
    })
    .from(events)
    .where(and(gt(seq, sql.placeholder('after')), lte(seq, sql.placeholder('upTo')), inArray(events.type, [...ROLLED_UP_TYPES])))
    .orderBy(seq)
    .limit(PAGE)
    .prepare();
  const payloadOf = db.select({ payload: events.payload }).from(events).where(eq(events.id, sql.placeholder('id'))).prepare();
  /** Columns where they say everything, else the stored payload (rows written by older code or by hand). */
  const recordOf = async (row: Row): Promise<RollupRecord> =>
    row.payload !== null ? (JSON.parse(row.payload) as LearningEvent) : (fromColumns(row) ?? (JSON.parse((await payloadOf.get({ id: row.id }))!.payload) as LearningEvent));
  const readCursor = db.select({ through: statsState.learnerEventsThrough }).from(statsState).prepare();
  // PostgreSQL: the cursor and the last stored record in one statement, so one snapshot (see catchUp).
  const cursorAndLast = db
    .select({ through: statsState.learnerEventsThrough, last: sql<number | string | null>`(${db.select({ n: sql`max(${seq})` }).from(events)})` })
    .from(statsState)
    .prepare();
  const writeCursor = db.update(statsState).set({ learnerEventsThrough: sql`${sql.placeholder('through')}` }).prepare();

  let through = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The timer's run, while one is going: never two at once in this process. */
  let background: Promise<void> | undefined;
  /** When the oldest record not rolled up arrived (0: none waiting), and the latest sync that stored any. */
  let waitingSince = 0;
  let lastArrival = 0;

  /** PostgreSQL: the rollup writers of every process take turns (inside a transaction). */
  const takeTurn = async () => {
    if (postgres) await engine.run(sql`SELECT pg_advisory_xact_lock(${schemaLock(ROLLUP_WRITER_LOCK)})`);
  };

  /** Applies one page of learner events after the cursor, in its own transaction; false when there was none. */
  async function onePage(upTo: number): Promise<boolean> {
    return engine.transaction(async () => {
      await takeTurn();
      through = (await readCursor.get())?.through ?? 0; // as stored: the cursor is the table's, not this process's
      if (through >= upTo) return false;
      const rows = await page.all({ after: through, upTo });
      const next = rows.length < PAGE ? upTo : rows[rows.length - 1].seq;
      const records = [];
      for (const row of rows) records.push({ event: await recordOf(row), effectiveAt: row.effectiveAt });
      await apply(records);
      await writeCursor.run({ through: next });
      through = next;
      return true;
    });
  }

  /**
   * The last stored learner event, every one up to it committed. SQLite: the
   * one writer commits in order. PostgreSQL: read under the learner records'
   * lock held alone (see the top of this file), in a transaction of its own:
   * call it outside any other, or the lock is held until that one ends.
   */
  const lastStored = async (): Promise<number> => {
    if (!postgres) return (await last.get())?.n ?? 0;
    return engine.transaction(async () => {
      await engine.run(sql`SELECT pg_advisory_xact_lock(${schemaLock(LEARNER_RECORDS_LOCK)})`);
      return (await last.get())?.n ?? 0;
    });
  };

  /** Applies every learner event after the cursor; one index lookup when there is none. Never call it inside another transaction. */
  async function catchUp(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    waitingSince = 0;
    // PostgreSQL: when the cursor is at or past the last record committed as
    // one snapshot sees both, every record committed then is rolled up (the
    // cursor never passes one not yet committed), and the locked read below,
    // four round trips, is not needed. The city's view asks this of every locality.
    if (postgres) {
      const now = await cursorAndLast.get();
      if (now && (now.last === null || Number(now.last) <= now.through)) {
        through = Math.max(through, now.through);
        return;
      }
    }
    // Asked of the table, not of a flag: another process (or a bulk load) may have stored records.
    const upTo = await lastStored();
    while (through < upTo && (await onePage(upTo)));
  }

  const later = (ms: number) => void (timer ??= setTimeout(inBackground, ms).unref());

  /** The timer's catch-up: after a pause in the syncs (or MAX_WAIT_MS), one page per turn until done. */
  function inBackground(): void {
    timer = undefined;
    if (background) return; // the page running now schedules what follows it
    background = backgroundPage()
      // A failure (the database closed under a timer: tests, shutdown) leaves
      // the records to the next catch-up, which every figure's request runs.
      .catch(() => undefined)
      .finally(() => (background = undefined));
  }

  async function backgroundPage(): Promise<void> {
    if (waitingSince === 0) return;
    const now = Date.now();
    if (now - lastArrival < PAUSE_MS && now - waitingSince < MAX_WAIT_MS) return later(PAUSE_MS);
    const upTo = await lastStored();
    if (through < upTo && (await onePage(upTo)) && through < upTo) return later(0);
    // Records that came in while these pages were applied wait for the next round.
    if ((await lastStored()) > through) {
      waitingSince = Date.now();
      later(CATCH_UP_DELAY_MS);
    } else waitingSince = 0;
  }

  return {
    /** Reads the stored cursor: before the first catch-up. */
    async start(): Promise<void> {
      through = (await readCursor.get())?.through ?? 0;
    },
    catchUp,
    /** After a sync committed `accepted` new learner records: catch up within CATCH_UP_DELAY_MS, at a pause in the syncs. */
    arrived(accepted: number): void {
      if (accepted === 0) return;
      lastArrival = Date.now();
      if (waitingSince === 0) waitingSince = lastArrival;
      later(CATCH_UP_DELAY_MS);
    },
    /** The last learner event the rollups hold: later ones are not in any figure yet (server/integrity withdraws only earlier ones). */
    through: () => through,
    /**
     * The same, as stored, for a transaction that counts or takes out records
     * the catch-up passed (server/integrity): on PostgreSQL it also waits for
     * the pages of other processes and holds new ones back until it commits,
     * so none passes a record whose hold this transaction is changing.
     */
    async throughNow(): Promise<number> {
      await takeTurn();
      through = Math.max(through, (await readCursor.get())?.through ?? 0);
      return through;
    },
    /** After a rebuild, which applied every event up to `upTo` (in the rebuild's transaction). */
    async rebuilt(upTo: number): Promise<void> {
      await writeCursor.run({ through: upTo });
      through = upTo;
    },
    /** The last stored learner event now (the rebuild's cursor). */
    lastEvent: lastStored,
    /** PostgreSQL: waits for the other processes' pages and rebuilds (inside a transaction). */
    takeTurn,
  };
}

export type RollupCatchUp = ReturnType<typeof createRollupCatchUp>;
