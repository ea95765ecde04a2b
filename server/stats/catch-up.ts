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
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { LearningEvent } from '../../shared/events.ts';
import type { RollupRecord } from './rollup-batch.ts';
import type { Db } from '../db/open.ts';
import { events, statsState } from '../db/schema/index.ts';
import { dialect } from './sql.ts';

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

export type ApplyLearnerBatch = (applied: ReadonlyArray<{ event: RollupRecord; effectiveAt: number }>) => void;

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

export function createRollupCatchUp(db: Db, apply: ApplyLearnerBatch) {
  const seq = dialect.rowOrder(events);
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
  const recordOf = (row: Row): RollupRecord =>
    row.payload !== null ? (JSON.parse(row.payload) as LearningEvent) : (fromColumns(row) ?? (JSON.parse(payloadOf.get({ id: row.id })!.payload) as LearningEvent));
  const readCursor = db.select({ through: statsState.learnerEventsThrough }).from(statsState).prepare();
  const writeCursor = db.update(statsState).set({ learnerEventsThrough: sql`${sql.placeholder('through')}` }).prepare();

  let through = readCursor.get()?.through ?? 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest record not rolled up arrived (0: none waiting), and the latest sync that stored any. */
  let waitingSince = 0;
  let lastArrival = 0;

  /** Applies one page of learner events after the cursor, in its own transaction; false when there was none. */
  function onePage(upTo: number): boolean {
    let moved = false;
    db.transaction(() => {
      through = readCursor.get()?.through ?? 0; // as stored: the cursor is the table's, not this process's
      if (through >= upTo) return;
      const rows = page.all({ after: through, upTo });
      const next = rows.length < PAGE ? upTo : rows[rows.length - 1].seq;
      apply(rows.map((row) => ({ event: recordOf(row), effectiveAt: row.effectiveAt })));
      writeCursor.run({ through: next });
      through = next;
      moved = true;
    });
    return moved;
  }

  const lastStored = () => last.get()?.n ?? 0;

  /** Applies every learner event after the cursor; one index lookup when there is none. Never call it inside another transaction. */
  function catchUp(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    waitingSince = 0;
    if (!db.$client.open) return; // a timer outliving its database (tests, shutdown)
    // Asked of the table, not of a flag: another process (or a bulk load) may have stored records.
    const upTo = lastStored();
    while (through < upTo && onePage(upTo));
  }

  /** The timer's catch-up: after a pause in the syncs (or MAX_WAIT_MS), one page per turn until done. */
  function inBackground(): void {
    timer = undefined;
    if (!db.$client.open || waitingSince === 0) return;
    const now = Date.now();
    if (now - lastArrival < PAUSE_MS && now - waitingSince < MAX_WAIT_MS) return void (timer = setTimeout(inBackground, PAUSE_MS).unref());
    const upTo = lastStored();
    if (through < upTo && onePage(upTo) && through < upTo) return void (timer = setTimeout(inBackground, 0).unref());
    // Records that came in while these pages were applied wait for the next round.
    if (lastStored() > through) {
      waitingSince = Date.now();
      timer = setTimeout(inBackground, CATCH_UP_DELAY_MS).unref();
    } else waitingSince = 0;
  }

  return {
    catchUp,
    /** After a sync committed `accepted` new learner records: catch up within CATCH_UP_DELAY_MS, at a pause in the syncs. */
    arrived(accepted: number): void {
      if (accepted === 0) return;
      lastArrival = Date.now();
      if (waitingSince === 0) waitingSince = lastArrival;
      timer ??= setTimeout(inBackground, CATCH_UP_DELAY_MS).unref();
    },
    /** The last learner event the rollups hold: later ones are not in any figure yet (server/integrity withdraws only earlier ones). */
    through: () => through,
    /** After a rebuild, which applied every event up to `upTo` (in the rebuild's transaction). */
    rebuilt(upTo: number): void {
      writeCursor.run({ through: upTo });
      through = upTo;
    },
    /** The last stored learner event now (the rebuild's cursor). */
    lastEvent: lastStored,
  };
}

export type RollupCatchUp = ReturnType<typeof createRollupCatchUp>;
