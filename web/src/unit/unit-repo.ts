// Everything a unit officer records, written to the unit database: the local
// activity (shown offline), its evidence files and its outbox record in ONE
// transaction, so they never disagree and a record is sent exactly once (the
// outbox keeps it until the server answers accepted or duplicate). A file is
// kept once by its hash, however many activities name it.
import { uuidv7 } from '../../../shared/ids.ts';
import { newEvent, type UnitRecorder } from '../../../shared/events/new-event.ts';
import { createOutbox } from '../sync/outbox.ts';
import type { UnitEvent } from '../../../shared/events.ts';
import type { ActivityRow } from '../../../shared/units/api.ts';
import type { LocalActivity, LocalFile, UnitDatabase } from './db.ts';

/** A record the server will never take, and why. */
export interface Refusal {
  activityId: string;
  code: string;
  message: string;
  event: UnitEvent;
}

/** The officer's login and this device: who records. */
export type UnitIdentity = UnitRecorder;
export type NewActivity = Omit<LocalActivity, 'activityId' | 'recordedAt' | 'files'>;
/** A photo or scan ready to keep: its bytes and their hash (evidence-file.ts). */
export type AttachedFile = Pick<LocalFile, 'sha256' | 'type' | 'bytes' | 'name'> & { blob: Blob };

/** The server's row as the phone keeps it: the body a correction starts from, its files as the server names them. */
export function fromServer(r: ActivityRow): LocalActivity {
  return {
    activityId: r.id,
    unitId: r.unitId,
    planId: r.planId,
    startsOn: r.startsOn,
    ...(r.endsOn !== r.startsOn ? { endsOn: r.endsOn } : {}),
    formCode: r.formCode,
    ...(r.subFormId ? { subFormId: r.subFormId } : {}),
    contentItems: r.contentItems,
    title: r.title,
    place: r.place,
    audiences: r.audiences,
    reach: r.reach as UnitEvent['reach'],
    links: r.links,
    ...(r.files.length > 0 ? { files: r.files.map(({ sha256, type, bytes, name }) => ({ sha256, type, bytes, ...(name ? { name } : {}) })) } : {}),
    recordedAt: r.recordedAt,
  };
}

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
  const refs = (files: AttachedFile[]) => files.map(({ sha256, type, bytes, name }) => ({ sha256, type, bytes, ...optional('name', name) }));
  const keepFiles = async (files: AttachedFile[], now: Date) => {
    for (const f of files) {
      if (!(await db.files.get(f.sha256))) await db.files.add({ ...f, state: 'pending', createdAt: now.getTime() });
    }
  };

  return {
    outbox,
    listActivities: () => db.activities.orderBy('startsOn').reverse().toArray(),
    recordActivity: (me: UnitIdentity, a: NewActivity, files: AttachedFile[] = [], now = new Date()) =>
      db.transaction('rw', db.activities, db.outbox, db.files, async () => {
        const activityId = uuidv7(now.getTime());
        const named = files.length > 0 ? { files: refs(files) } : {};
        const event = newEvent(me, { type: 'activity.recorded', ...body(a, activityId), ...named }, now.getTime());
        const row: LocalActivity = { ...a, ...named, activityId, recordedAt: now.toISOString() };
        await keepFiles(files, now);
        await db.activities.add(row);
        await outbox.enqueue(event, now.getTime());
        return row;
      }),
    /** Records an activity under a given id unless this device already has it (a second tap changes nothing). */
    recordActivityOnce: (me: UnitIdentity, activityId: string, a: NewActivity, now = new Date()) =>
      db.transaction('rw', db.activities, db.outbox, async () => {
        const known = await db.activities.get(activityId);
        if (known) return { row: known, created: false };
        const event = newEvent(me, { type: 'activity.recorded', ...body(a, activityId) }, now.getTime());
        const row: LocalActivity = { ...a, activityId, recordedAt: now.toISOString() };
        await db.activities.add(row);
        await outbox.enqueue(event, now.getTime());
        return { row, created: true };
      }),
    /** `afterIssue`: the activity's period was reported and issued; the correction is kept beside the issued report (else refused, period_locked). */
    correctActivity: (me: UnitIdentity, activityId: string, a: NewActivity, reason: string, now = new Date(), opts: { afterIssue?: boolean } = {}) =>
      db.transaction('rw', db.activities, db.outbox, async () => {
        // Without a files list the server keeps the activity's files; so does the phone.
        const event = newEvent(me, { type: 'activity.corrected', ...body(a, activityId), reason, ...(opts.afterIssue ? { afterIssue: true as const } : {}) }, now.getTime());
        const files = (await db.activities.get(activityId))?.files;
        await db.activities.put({ ...a, ...(files ? { files } : {}), activityId, recordedAt: now.toISOString() });
        // A refused correction of this activity is replaced by this one: its refusal no longer stands.
        await db.outbox.where('state').equals('dead').filter((r) => r.event.type === 'activity.corrected' && r.event.activityId === activityId).delete();
        await outbox.enqueue(event, now.getTime());
      }),
    /** Keeps the unit's activities as the server gave them (recorded on any phone, corrected by any of its officers),
     * except one with a record still waiting on this phone: that one is newer here. Nothing is removed. */
    keepServerActivities: (rows: ActivityRow[]) =>
      db.transaction('rw', db.activities, db.outbox, async () => {
        const waiting = new Set((await db.outbox.where('state').equals('pending').toArray()).map((r) => r.event.activityId));
        await db.activities.bulkPut(rows.filter((r) => !waiting.has(r.id)).map(fromServer));
      }),
    /** Records the server refused, by activity, with the refusal's code (e.g. `period_locked`) and message. */
    refusals: async (): Promise<Refusal[]> =>
      (await outbox.listDead()).map((r) => {
        const [code, ...rest] = (r.lastError ?? '').split(': ');
        return { activityId: r.event.activityId, code, message: rest.join(': ') || code, event: r.event };
      }),
    countPending: () => db.outbox.where('state').equals('pending').count(),
    /** Files the server does not have yet: the sync sends them before any record. */
    pendingFiles: () => db.files.where('state').equals('pending').toArray(),
    countPendingFiles: () => db.files.where('state').equals('pending').count(),
    /** Once the server has a file its bytes leave the phone; the row stays, so naming it again sends nothing. */
    markFile: (sha256: string, state: LocalFile['state']) => db.files.update(sha256, state === 'uploaded' ? { state, blob: undefined } : { state }),
    getMeta: async <T,>(key: string) => (await db.meta.get(key))?.value as T | undefined,
    setMeta: (key: string, value: unknown) => db.meta.put({ key, value }),
  };
}
export type UnitRepo = ReturnType<typeof createUnitRepo>;
