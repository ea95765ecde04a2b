// Everything a unit officer records, written to the unit database: the local
// activity (shown offline) and its outbox record in ONE transaction, so the
// two never disagree and a record is sent exactly once (the outbox keeps it
// until the server answers accepted or duplicate).
import { uuidv7 } from '../../../shared/ids.ts';
import { newEvent, type UnitRecorder } from '../../../shared/events/new-event.ts';
import { createOutbox } from '../sync/outbox.ts';
import type { LocalActivity, UnitDatabase } from './db.ts';

/** The officer's login and this device: who records. */
export type UnitIdentity = UnitRecorder;
export type NewActivity = Omit<LocalActivity, 'activityId' | 'recordedAt'>;

export function createUnitRepo(db: UnitDatabase) {
  const outbox = createOutbox(db.outbox);
  const optional = <T,>(key: string, v: T | undefined) => (v === undefined || v === '' ? {} : { [key]: v });
  const body = (a: NewActivity, activityId: string) => ({
    unitId: a.unitId,
    planId: a.planId,
    activityId,
    startsOn: a.startsOn,
    ...optional('endsOn', a.endsOn),
    formCode: a.formCode,
    ...optional('subFormId', a.subFormId),
    contentItems: a.contentItems,
    title: a.title,
    place: a.place,
    audiences: a.audiences,
    reach: a.reach,
    links: a.links,
  });

  return {
    outbox,
    listActivities: () => db.activities.orderBy('startsOn').reverse().toArray(),
    recordActivity: (me: UnitIdentity, a: NewActivity, now = new Date()) =>
      db.transaction('rw', db.activities, db.outbox, async () => {
        const activityId = uuidv7(now.getTime());
        const event = newEvent(me, { type: 'activity.recorded', ...body(a, activityId) }, now.getTime());
        const row: LocalActivity = { ...a, activityId, recordedAt: now.toISOString() };
        await db.activities.add(row);
        await outbox.enqueue(event, now.getTime());
        return row;
      }),
    /** `afterIssue`: the activity's period was reported and issued; the correction is kept beside the issued report (else refused, period_locked). */
    correctActivity: (me: UnitIdentity, activityId: string, a: NewActivity, reason: string, now = new Date(), opts: { afterIssue?: boolean } = {}) =>
      db.transaction('rw', db.activities, db.outbox, async () => {
        const event = newEvent(me, { type: 'activity.corrected', ...body(a, activityId), reason, ...(opts.afterIssue ? { afterIssue: true as const } : {}) }, now.getTime());
        await db.activities.put({ ...a, activityId, recordedAt: now.toISOString() });
        await outbox.enqueue(event, now.getTime());
      }),
    countPending: () => db.outbox.where('state').equals('pending').count(),
    getMeta: async <T,>(key: string) => (await db.meta.get(key))?.value as T | undefined,
    setMeta: (key: string, value: unknown) => db.meta.put({ key, value }),
  };
}
export type UnitRepo = ReturnType<typeof createUnitRepo>;
