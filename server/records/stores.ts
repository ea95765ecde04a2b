// Where each record family is kept: its append-only table, keyed by the
// record's id so that a resend is a duplicate (INSERT … ON CONFLICT DO
// NOTHING), and the columns other code filters on. The whole validated record
// is kept as JSON in `payload`. Adding a family: a table in db/schema and a
// store here.
import { eq, sql } from 'drizzle-orm';
import type { GuideEvent, LearningEvent, RecordFamilyName, UnitEvent } from '../../shared/events.ts';
import type { Db } from '../db/open.ts';
import { directRun } from '../db/direct.ts';
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
  /** Writes the record; false when its id is already there (a duplicate). */
  insert(event: E, times: RecordTimes): boolean;
  /** The recorder of the stored record with this id, if there is one. */
  storedBy(id: string): string | undefined;
  /** Once per request, inside its transaction, after its records, when at least one of them is stored for the recorder. */
  afterRequest?(by: Recorder, receivedAt: number): void;
}

const courseOf = (e: { courseId?: string; lessonId?: string }) => ({ courseId: e.courseId ?? null, lessonId: e.lessonId ?? null });

export function createLearnerStore(db: Db): RecordStore<LearningEvent> {
  type Row = typeof events.$inferInsert;
  const columns = ['id', 'type', 'learnerId', 'deviceId', 'courseId', 'lessonId', 'occurredAt', 'receivedAt', 'effectiveAt', 'payload', 'score'] as const;
  // Once per record: bound directly (db/direct.ts).
  const insert = directRun<Required<Row>>(db.$client, db.insert(events).values(placeholders<Row>(columns)).onConflictDoNothing().prepare());
  const owner = db.select({ by: events.learnerId }).from(events).where(eq(events.id, sql.placeholder('id'))).prepare();
  const touchDevice = db
    .insert(devices)
    .values(placeholders<typeof devices.$inferInsert>(['id', 'learnerId', 'lastSyncAt']))
    .onConflictDoUpdate({ target: [devices.id, devices.learnerId], set: { lastSyncAt: sql`max(${devices.lastSyncAt}, excluded.last_sync_at)` } })
    .prepare();
  return {
    family: 'learner',
    recorderOf: (e) => e.learnerId,
    notYours: 'The event belongs to another learner',
    insert(e, t) {
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
      return insert(row).changes === 1;
    },
    storedBy: (id) => owner.get({ id })?.by,
    afterRequest: (by, receivedAt) => void touchDevice.run({ id: by.deviceId, learnerId: by.id, lastSyncAt: receivedAt } satisfies typeof devices.$inferInsert),
  };
}

export function createGuideStore(db: Db): RecordStore<GuideEvent> {
  type Row = typeof guideEvents.$inferInsert;
  const columns = ['id', 'type', 'recordedBy', 'deviceId', 'learnerId', 'sessionId', 'courseId', 'lessonId', 'occurredAt', 'receivedAt', 'effectiveAt', 'payload'] as const;
  const insert = directRun<Required<Row>>(db.$client, db.insert(guideEvents).values(placeholders<Row>(columns)).onConflictDoNothing().prepare());
  const owner = db.select({ by: guideEvents.recordedBy }).from(guideEvents).where(eq(guideEvents.id, sql.placeholder('id'))).prepare();
  return {
    family: 'guide',
    recorderOf: (e) => e.recordedBy,
    notYours: 'The event names another guide as recorder',
    insert(e, t) {
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
      return insert(row).changes === 1;
    },
    storedBy: (id) => owner.get({ id })?.by,
  };
}

export function createUnitStore(db: Db): RecordStore<UnitEvent> {
  type Row = typeof unitEvents.$inferInsert;
  const columns = ['id', 'type', 'recordedBy', 'deviceId', 'unitId', 'planId', 'activityId', 'occurredAt', 'receivedAt', 'effectiveAt', 'payload'] as const;
  const insert = directRun<Required<Row>>(db.$client, db.insert(unitEvents).values(placeholders<Row>(columns)).onConflictDoNothing().prepare());
  const owner = db.select({ by: unitEvents.recordedBy }).from(unitEvents).where(eq(unitEvents.id, sql.placeholder('id'))).prepare();
  return {
    family: 'unit',
    recorderOf: (e) => e.recordedBy,
    notYours: 'The record names another officer as recorder',
    insert(e, t) {
      const row: Required<Row> = { id: e.id, type: e.type, recordedBy: e.recordedBy, deviceId: e.deviceId, unitId: e.unitId, planId: e.planId, activityId: e.activityId, ...t, payload: JSON.stringify(e) };
      return insert(row).changes === 1;
    },
    storedBy: (id) => owner.get({ id })?.by,
  };
}
