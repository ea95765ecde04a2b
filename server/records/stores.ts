// Where each record family is kept: its append-only table, keyed by the
// record's id so that a resend is a duplicate (INSERT … ON CONFLICT DO
// NOTHING), and the columns other code filters on. The whole validated record
// is kept as JSON in `payload`. Adding a family: a table in db/schema and a
// store here.
import { eq, sql } from 'drizzle-orm';
import type { GuideEvent, LearningEvent, RecordFamilyName, UnitEvent } from '../../shared/events.ts';
import { prepared, type Engine, type EngineKind } from '../db/engine/engine.ts';
import { placeholders } from '../db/placeholders.ts';
import { devices, events, guideEvents, unitEvents } from '../db/schema/index.ts';
import type { Recorder } from './hooks.ts';

export interface RecordTimes {
  occurredAt: number;
  receivedAt: number;
  /** occurredAt clamped to [receivedAt − a year, receivedAt] (times.ts): what statistics count by. */
  effectiveAt: number;
}

export interface RecordStore<E> {
  family: RecordFamilyName;
  /** The recorder a record names, which must be the one whose credentials sent it. */
  recorderOf(event: E): string;
  /** Why a record naming someone else is refused. */
  notYours: string;
  /** Writes the record through the request's transaction; false when its id is already there (a duplicate). */
  insert(tx: Engine, event: E, times: RecordTimes): Promise<boolean>;
  /** The recorder of the stored record with this id, if there is one. */
  storedBy(tx: Engine, id: string): Promise<string | undefined>;
  /** Once per request, inside its transaction, after its records, when at least one of them is stored for the recorder. */
  afterRequest?(tx: Engine, by: Recorder, receivedAt: number): Promise<void>;
  /** Once per request, inside its transaction, before its first record is written (only where a store needs it). */
  beforeRequest?(tx: Engine): Promise<void>;
}

/**
 * PostgreSQL: every transaction that stores learner records holds this
 * advisory lock shared, from before its first insert to its commit. The
 * stats catch-up (server/stats/catch-up.ts) takes it alone to read how far
 * the stored records reach: it then waits for those transactions, so its
 * cursor never passes a record numbered earlier that commits later. SQLite
 * commits in insertion order and needs no lock (no extra statement on its sync path).
 * The lock is the schema's own (recordsLock): a city's localities, each in a
 * schema of its own, never wait for each other's syncs and catch-ups.
 */
export const LEARNER_RECORDS_LOCK = 1_936_024_950;

/**
 * PostgreSQL: held alone by whatever writes the rollups: each catch-up page
 * and rebuild (server/stats/catch-up.ts), a reviewer's decision on a held
 * record, and every transaction that stores guide records, which go into the
 * rollups inside their sync (stats/rollup.ts guide.apply). A page's
 * multi-row upserts and a guide sync's would otherwise lock the same rollup
 * rows in different orders, and PostgreSQL ends one of them as a deadlock.
 * Taken before the guide transaction's first insert, so a rebuild (which
 * holds it, then holds guide syncs back with a SHARE lock on guide_events)
 * never waits for a sync that waits for it.
 */
export const ROLLUP_WRITER_LOCK = 1_936_024_951;

/** The arguments of a PostgreSQL advisory lock of this kind for the tables of the current schema (a locality's). */
export const schemaLock = (kind: number) => sql.raw(`${kind}, hashtext(current_schema())`);

const courseOf = (e: { courseId?: string; lessonId?: string }) => ({ courseId: e.courseId ?? null, lessonId: e.lessonId ?? null });

export function createLearnerStore(kind: EngineKind = 'sqlite'): RecordStore<LearningEvent> {
  type Row = typeof events.$inferInsert;
  const columns = ['id', 'type', 'learnerId', 'deviceId', 'courseId', 'lessonId', 'occurredAt', 'receivedAt', 'effectiveAt', 'payload', 'score'] as const;
  // Once per record: built once (db/engine prepared()).
  const insert = prepared((b) => b.insert(events).values(placeholders<Row>(columns)).onConflictDoNothing());
  const owner = prepared((b) => b.select({ by: events.learnerId }).from(events).where(eq(events.id, sql.placeholder('id'))));
  const shareLock = prepared(() => sql`SELECT pg_advisory_xact_lock_shared(${schemaLock(LEARNER_RECORDS_LOCK)})`);
  // The later of the two times (CASE: SQLite's two-argument max() has no PostgreSQL twin).
  const touchDevice = prepared((b) =>
    b
      .insert(devices)
      .values(placeholders<typeof devices.$inferInsert>(['id', 'learnerId', 'lastSyncAt']))
      .onConflictDoUpdate({
        target: [devices.id, devices.learnerId],
        set: { lastSyncAt: sql`CASE WHEN excluded.last_sync_at > ${devices.lastSyncAt} THEN excluded.last_sync_at ELSE ${devices.lastSyncAt} END` },
      }),
  );
  return {
    family: 'learner',
    recorderOf: (e) => e.learnerId,
    notYours: 'The event belongs to another learner',
    async insert(tx, e, t) {
      const row: Required<Row> = {
        id: e.id,
        type: e.type,
        learnerId: e.learnerId,
        deviceId: e.deviceId,
        ...courseOf(e as { courseId?: string; lessonId?: string }),
        ...t,
        payload: JSON.stringify(e),
        score: e.type === 'lesson.completed' ? e.score : null,
      };
      return (await tx.runPrepared(insert, row)).changes === 1;
    },
    storedBy: async (tx, id) => tx.valuePrepared<string>(owner, { id }),
    ...(kind === 'postgres' && { beforeRequest: async (tx: Engine) => void (await tx.runPrepared(shareLock, {})) }),
    afterRequest: async (tx, by, receivedAt) => void (await tx.runPrepared(touchDevice, { id: by.deviceId, learnerId: by.id, lastSyncAt: receivedAt } satisfies typeof devices.$inferInsert)),
  };
}

export function createGuideStore(kind: EngineKind = 'sqlite'): RecordStore<GuideEvent> {
  type Row = typeof guideEvents.$inferInsert;
  const columns = ['id', 'type', 'recordedBy', 'deviceId', 'learnerId', 'sessionId', 'courseId', 'lessonId', 'occurredAt', 'receivedAt', 'effectiveAt', 'payload'] as const;
  const insert = prepared((b) => b.insert(guideEvents).values(placeholders<Row>(columns)).onConflictDoNothing());
  const owner = prepared((b) => b.select({ by: guideEvents.recordedBy }).from(guideEvents).where(eq(guideEvents.id, sql.placeholder('id'))));
  const writerLock = prepared(() => sql`SELECT pg_advisory_xact_lock(${schemaLock(ROLLUP_WRITER_LOCK)})`);
  return {
    family: 'guide',
    recorderOf: (e) => e.recordedBy,
    notYours: 'The event names another guide as recorder',
    async insert(tx, e, t) {
      const about = e as { learnerId?: string; sessionId?: string; courseId?: string; lessonId?: string };
      const row: Required<Row> = {
        id: e.id,
        type: e.type,
        recordedBy: e.recordedBy,
        deviceId: e.deviceId,
        learnerId: about.learnerId ?? null,
        sessionId: about.sessionId ?? null,
        ...courseOf(about),
        ...t,
        payload: JSON.stringify(e),
      };
      return (await tx.runPrepared(insert, row)).changes === 1;
    },
    storedBy: async (tx, id) => tx.valuePrepared<string>(owner, { id }),
    ...(kind === 'postgres' && { beforeRequest: async (tx: Engine) => void (await tx.runPrepared(writerLock, {})) }),
  };
}

export function createUnitStore(): RecordStore<UnitEvent> {
  type Row = typeof unitEvents.$inferInsert;
  const columns = ['id', 'type', 'recordedBy', 'deviceId', 'unitId', 'planId', 'activityId', 'occurredAt', 'receivedAt', 'effectiveAt', 'payload'] as const;
  const insert = prepared((b) => b.insert(unitEvents).values(placeholders<Row>(columns)).onConflictDoNothing());
  const owner = prepared((b) => b.select({ by: unitEvents.recordedBy }).from(unitEvents).where(eq(unitEvents.id, sql.placeholder('id'))));
  return {
    family: 'unit',
    recorderOf: (e) => e.recordedBy,
    notYours: 'The record names another officer as recorder',
    async insert(tx, e, t) {
      const row: Required<Row> = { id: e.id, type: e.type, recordedBy: e.recordedBy, deviceId: e.deviceId, unitId: e.unitId, planId: e.planId, activityId: e.activityId, ...t, payload: JSON.stringify(e) };
      return (await tx.runPrepared(insert, row)).changes === 1;
    },
    storedBy: async (tx, id) => tx.valuePrepared<string>(owner, { id }),
  };
}
