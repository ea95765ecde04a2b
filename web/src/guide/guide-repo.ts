// Everything a guide records, written to the guide database: the local row
// (so the phone shows it offline) and its outbox event in ONE transaction.
import { uuidv7 } from '../../../shared/ids.ts';
import { newEvent, type GuideRecorder } from '../../../shared/events/new-event.ts';
import type { GuideEvent } from '../../../shared/events.ts';
import type { OUTCOMES } from '../../../shared/events/guide.ts';
import { createOutbox } from '../sync/outbox.ts';
import { newSessionCode } from './code.ts';
import type { GuideDatabase, LocalAssisted, LocalAudio, LocalHousehold, LocalSession } from './db.ts';

/** The guide's login and this phone: who records. */
export type GuideIdentity = GuideRecorder;

export type NewSession = Omit<LocalSession, 'id' | 'code' | 'closed'>;
export type NewAssisted = Omit<LocalAssisted, 'learnerId' | 'registeredAt'>;
type Outcome = (typeof OUTCOMES)[number];

export function createGuideRepo(db: GuideDatabase) {
  const outbox = createOutbox(db.outbox);
  const enqueue = (event: GuideEvent, now: Date) => outbox.enqueue(event, now.getTime());

  return {
    listSessions: () => db.sessions.orderBy('startsAt').reverse().toArray(),
    getSession: (id: string) => db.sessions.get(id),
    listAssisted: (sessionId?: string) => (sessionId ? db.assisted.where('sessionId').equals(sessionId).toArray() : db.assisted.toArray()),
    getAssisted: (learnerId: string) => db.assisted.get(learnerId),
    recordsOf: (learnerId: string) => db.records.where('learnerId').equals(learnerId).toArray(),

    createSession: (me: GuideIdentity, s: NewSession, now = new Date()) =>
      db.transaction('rw', db.sessions, db.outbox, async () => {
        const session: LocalSession = { ...s, id: uuidv7(now.getTime()), code: newSessionCode(), closed: false };
        const event = newEvent(me, { type: 'session.created', sessionId: session.id, ...s, code: session.code }, now.getTime());
        await db.sessions.add(session);
        await enqueue(event, now);
        return session;
      }),

    closeSession: (me: GuideIdentity, sessionId: string, now = new Date()) =>
      db.transaction('rw', db.sessions, db.outbox, async () => {
        await db.sessions.update(sessionId, { closed: true });
        await enqueue(newEvent(me, { type: 'session.closed', sessionId }, now.getTime()), now);
      }),

    registerAssisted: (me: GuideIdentity, a: NewAssisted, now = new Date()) =>
      db.transaction('rw', db.assisted, db.outbox, async () => {
        const row: LocalAssisted = { ...a, learnerId: uuidv7(now.getTime()), registeredAt: now.toISOString() };
        const event = newEvent(me, {
          type: 'assisted.registered',
          learnerId: row.learnerId,
          name: a.name,
          birthYear: a.birthYear,
          gender: a.gender,
          groupId: a.groupId,
          consent: true,
          // The box was ticked while the form was filled in: that is the consent time.
          consentAt: now.toISOString(),
          ...(a.sessionId ? { sessionId: a.sessionId } : {}),
        }, now.getTime());
        await db.assisted.add(row);
        await enqueue(event, now);
        return row;
      }),

    recordLesson: (
      me: GuideIdentity,
      r: { learnerId: string; sessionId: string | null; courseId: string; lessonId: string; contentVersion: string; score?: number; durationSec?: number },
      now = new Date(),
    ) =>
      db.transaction('rw', db.records, db.outbox, async () => {
        const event = newEvent(me, {
          type: 'lesson.completed',
          learnerId: r.learnerId,
          courseId: r.courseId,
          lessonId: r.lessonId,
          contentVersion: r.contentVersion,
          // Played through the lesson player: the real quiz score and time. The
          // quick "record" button (lesson done earlier, away from the app) has
          // no quiz, so the guide's confirmation counts as a full score.
          score: r.score ?? 100,
          durationSec: r.durationSec ?? 0,
          ...(r.sessionId ? { sessionId: r.sessionId } : {}),
        }, now.getTime());
        await db.records.add({ id: event.id, learnerId: r.learnerId, sessionId: r.sessionId, kind: 'lesson', what: `${r.courseId}/${r.lessonId}`, at: event.occurredAt });
        await enqueue(event, now);
      }),

    confirmOutcome: (me: GuideIdentity, r: { learnerId: string; sessionId: string | null; outcome: Outcome }, now = new Date()) =>
      db.transaction('rw', db.records, db.outbox, async () => {
        const event = newEvent(me, {
          type: 'outcome.confirmed',
          learnerId: r.learnerId,
          outcome: r.outcome,
          ...(r.sessionId ? { sessionId: r.sessionId } : {}),
        }, now.getTime());
        await db.records.add({ id: event.id, learnerId: r.learnerId, sessionId: r.sessionId, kind: 'outcome', what: r.outcome, at: event.occurredAt });
        await enqueue(event, now);
      }),

    listHouseholds: (groupId: string) => db.households.where('groupId').equals(groupId).sortBy('label'),

    createHousehold: (me: GuideIdentity, h: { groupId: string; label: string }, now = new Date()) =>
      db.transaction('rw', db.households, db.outbox, async () => {
        const row: LocalHousehold = { id: uuidv7(now.getTime()), groupId: h.groupId, label: h.label.trim(), createdAt: now.toISOString(), members: [] };
        await db.households.add(row);
        await enqueue(newEvent(me, { type: 'household.created', householdId: row.id, groupId: row.groupId, label: row.label }, now.getTime()), now);
        return row;
      }),

    /** Links a learner to a household (moving them from another one). False when already linked there.
     * A household made on another phone gets a local copy here (no second household.created). */
    linkToHousehold: (me: GuideIdentity, household: Pick<LocalHousehold, 'id' | 'groupId' | 'label'>, learnerId: string, now = new Date()) =>
      db.transaction('rw', db.households, db.outbox, async () => {
        const target = (await db.households.get(household.id)) ?? { ...household, createdAt: now.toISOString(), members: [] };
        if (target.members.includes(learnerId)) return false;
        await db.households.where('members').equals(learnerId).modify((h) => void (h.members = h.members.filter((m) => m !== learnerId)));
        await db.households.put({ ...target, members: [...target.members, learnerId] });
        await enqueue(newEvent(me, { type: 'household.linked', householdId: household.id, learnerId }, now.getTime()), now);
        return true;
      }),

    /** Keeps a recording of a lesson screen and its record in one transaction; the sync sends the file first. */
    recordAudio: (
      me: GuideIdentity,
      r: { courseId: string; lessonId: string; step: number; lang: 'vi' | 'en'; contentVersion: string; durationSec: number; sha256: string; type: LocalAudio['type']; blob: Blob },
      now = new Date(),
    ) =>
      db.transaction('rw', db.audio, db.outbox, async () => {
        const screen = `${r.courseId}/${r.lessonId}/${r.step}/${r.lang}`;
        if (!(await db.audio.get(r.sha256))) {
          await db.audio.add({ sha256: r.sha256, blob: r.blob, type: r.type, bytes: r.blob.size, state: 'pending', screen, durationSec: r.durationSec, createdAt: now.getTime() });
        }
        const event = newEvent(me, {
          type: 'audio.recorded',
          courseId: r.courseId,
          lessonId: r.lessonId,
          step: r.step,
          lang: r.lang,
          contentVersion: r.contentVersion,
          durationSec: r.durationSec,
          file: { sha256: r.sha256, type: r.type, bytes: r.blob.size },
        }, now.getTime());
        await enqueue(event, now);
      }),
    /** Recordings of a lesson's screens made on this phone. */
    audioOf: (courseId: string, lessonId: string) => db.audio.where('screen').startsWith(`${courseId}/${lessonId}/`).toArray(),
    pendingFiles: () => db.audio.where('state').equals('pending').toArray(),
    markFile: (sha256: string, state: LocalAudio['state']) => db.audio.update(sha256, state === 'uploaded' ? { state, blob: undefined } : { state }),

    /** The guide outbox, for the one sync engine (sync/outbox-sync.ts). */
    outbox,
    countPending: () => db.outbox.where('state').equals('pending').count(),
    getMeta: async <T,>(key: string): Promise<T | undefined> => (await db.meta.get(key))?.value as T | undefined,
    setMeta: (key: string, value: unknown) => db.meta.put({ key, value }),
    deleteMeta: (key: string) => db.meta.delete(key),
    /** On logout: the server's answers kept for offline use (rosters, follow-up,
     * households, reports) hold other people's details; this phone's own
     * records and its device id stay. */
    forgetServerCopies: () => db.meta.where('key').noneOf([...KEPT_META]).delete(),
  };
}
/** Meta keys that outlive a logout: this phone, the last sync, and who recorded the queued records. */
const KEPT_META = ['deviceId', 'lastSyncedAt', 'me', 'loggedOut'] as const;

export type GuideRepo = ReturnType<typeof createGuideRepo>;
