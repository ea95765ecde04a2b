// Everything a guide records, written to the guide database: the local row
// (so the phone shows it offline) and its outbox event in ONE transaction.
import { uuidv7 } from '../../../shared/ids.ts';
import type { GuideEvent, GuideEventOf, OUTCOMES } from '../../../shared/events/guide.ts';
import type { ResultPlan } from '../../../shared/sync/results.ts';
import { newSessionCode } from './code.ts';
import type { GuideDatabase, LocalAssisted, LocalHousehold, LocalSession } from './db.ts';

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

    recordLesson: (
      me: GuideIdentity,
      r: { learnerId: string; sessionId: string | null; courseId: string; lessonId: string; contentVersion: string; score?: number; durationSec?: number },
      now = new Date(),
    ) =>
      db.transaction('rw', db.records, db.outbox, async () => {
        const event: GuideEventOf<'lesson.completed'> = {
          ...envelope(me, now),
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

    listHouseholds: (groupId: string) => db.households.where('groupId').equals(groupId).sortBy('label'),

    createHousehold: (me: GuideIdentity, h: { groupId: string; label: string }, now = new Date()) =>
      db.transaction('rw', db.households, db.outbox, async () => {
        const row: LocalHousehold = { id: uuidv7(now.getTime()), groupId: h.groupId, label: h.label.trim(), createdAt: now.toISOString(), members: [] };
        await db.households.add(row);
        await enqueue({ ...envelope(me, now), type: 'household.created', householdId: row.id, groupId: row.groupId, label: row.label }, now);
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
        await enqueue({ ...envelope(me, now), type: 'household.linked', householdId: household.id, learnerId }, now);
        return true;
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
