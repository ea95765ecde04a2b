// Everything a guide records, written to the guide database: the local row
// (so the phone shows it offline) and its outbox event in ONE transaction.
import { uuidv7 } from '../../../shared/ids.ts';
import type { GuideEvent, GuideEventOf, OUTCOMES } from '../../../shared/events/guide.ts';
import type { ResultPlan } from '../../../shared/sync/results.ts';
import { newSessionCode } from './code.ts';
import type { GuideDatabase, LocalAssisted, LocalSession } from './db.ts';

export interface GuideIdentity {
  guideId: string;
  deviceId: string;
}

export type NewSession = Omit<LocalSession, 'id' | 'code' | 'closed'>;
export type NewAssisted = Omit<LocalAssisted, 'learnerId' | 'registeredAt'>;
type Outcome = (typeof OUTCOMES)[number];

export function createGuideRepo(db: GuideDatabase) {
  const envelope = (me: GuideIdentity, now: Date) => ({ id: uuidv7(now.getTime()), recordedBy: me.guideId, deviceId: me.deviceId, occurredAt: now.toISOString() });
  const enqueue = (event: GuideEvent, now: Date) =>
    db.outbox.add({ id: event.id, event, createdAt: now.getTime(), attempts: 0, state: 'pending', lastError: null });

  return {
    listSessions: () => db.sessions.orderBy('startsAt').reverse().toArray(),
    getSession: (id: string) => db.sessions.get(id),
    listAssisted: (sessionId?: string) => (sessionId ? db.assisted.where('sessionId').equals(sessionId).toArray() : db.assisted.toArray()),
    getAssisted: (learnerId: string) => db.assisted.get(learnerId),
    recordsOf: (learnerId: string) => db.records.where('learnerId').equals(learnerId).toArray(),

    createSession: (me: GuideIdentity, s: NewSession, now = new Date()) =>
      db.transaction('rw', db.sessions, db.outbox, async () => {
        const session: LocalSession = { ...s, id: uuidv7(now.getTime()), code: newSessionCode(), closed: false };
        const event: GuideEventOf<'session.created'> = { ...envelope(me, now), type: 'session.created', sessionId: session.id, ...s, code: session.code };
        await db.sessions.add(session);
        await enqueue(event, now);
        return session;
      }),

    closeSession: (me: GuideIdentity, sessionId: string, now = new Date()) =>
      db.transaction('rw', db.sessions, db.outbox, async () => {
        await db.sessions.update(sessionId, { closed: true });
        await enqueue({ ...envelope(me, now), type: 'session.closed', sessionId }, now);
      }),

    registerAssisted: (me: GuideIdentity, a: NewAssisted, now = new Date()) =>
      db.transaction('rw', db.assisted, db.outbox, async () => {
        const row: LocalAssisted = { ...a, learnerId: uuidv7(now.getTime()), registeredAt: now.toISOString() };
        const event: GuideEventOf<'assisted.registered'> = {
          ...envelope(me, now),
          type: 'assisted.registered',
          learnerId: row.learnerId,
          name: a.name,
          birthYear: a.birthYear,
          gender: a.gender as GuideEventOf<'assisted.registered'>['gender'],
          groupId: a.groupId,
          consent: true,
          // The box was ticked while the form was filled in: that is the consent time.
          consentAt: now.toISOString(),
          ...(a.sessionId ? { sessionId: a.sessionId } : {}),
        };
        await db.assisted.add(row);
        await enqueue(event, now);
        return row;
      }),

    recordLesson: (me: GuideIdentity, r: { learnerId: string; sessionId: string | null; courseId: string; lessonId: string; contentVersion: string }, now = new Date()) =>
      db.transaction('rw', db.records, db.outbox, async () => {
        const event: GuideEventOf<'lesson.completed'> = {
          ...envelope(me, now),
          type: 'lesson.completed',
          learnerId: r.learnerId,
          courseId: r.courseId,
          lessonId: r.lessonId,
          contentVersion: r.contentVersion,
          // Assisted learning has no self-marked quiz: the guide confirms the lesson was understood.
          score: 100,
          durationSec: 0,
          ...(r.sessionId ? { sessionId: r.sessionId } : {}),
        };
        await db.records.add({ id: event.id, learnerId: r.learnerId, sessionId: r.sessionId, kind: 'lesson', what: `${r.courseId}/${r.lessonId}`, at: event.occurredAt });
        await enqueue(event, now);
      }),

    confirmOutcome: (me: GuideIdentity, r: { learnerId: string; sessionId: string | null; outcome: Outcome }, now = new Date()) =>
      db.transaction('rw', db.records, db.outbox, async () => {
        const event: GuideEventOf<'outcome.confirmed'> = {
          ...envelope(me, now),
          type: 'outcome.confirmed',
          learnerId: r.learnerId,
          outcome: r.outcome,
          ...(r.sessionId ? { sessionId: r.sessionId } : {}),
        };
        await db.records.add({ id: event.id, learnerId: r.learnerId, sessionId: r.sessionId, kind: 'outcome', what: r.outcome, at: event.occurredAt });
        await enqueue(event, now);
      }),

    // Outbox, for the sync engine.
    listPending: () => db.outbox.where('state').equals('pending').sortBy('createdAt'),
    countPending: () => db.outbox.where('state').equals('pending').count(),
    listDead: () => db.outbox.where('state').equals('dead').toArray(),
    applyPlan: (plan: ResultPlan) =>
      db.transaction('rw', db.outbox, async () => {
        await db.outbox.bulkDelete(plan.remove);
        for (const { id, error } of plan.dead) await db.outbox.update(id, { state: 'dead', lastError: error });
        for (const id of plan.retry) await db.outbox.where('id').equals(id).modify((row) => void (row.attempts += 1));
      }),
    getMeta: async <T,>(key: string): Promise<T | undefined> => (await db.meta.get(key))?.value as T | undefined,
    setMeta: (key: string, value: unknown) => db.meta.put({ key, value }),
  };
}
export type GuideRepo = ReturnType<typeof createGuideRepo>;
