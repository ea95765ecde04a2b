// A session's roster and summary, as far as synced: who checked in or was
// registered there, what each attendee completed in the session's courses,
// and the outcomes confirmed. Self learners stay anonymous (an id only);
// assisted learners are shown by name to the guides of their group.
import type { OUTCOMES } from '../../shared/events/guide.ts';
import type { Attendee, SessionSummary } from '../../shared/guide/api.ts';
import { and, count, eq, lt, like, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { assistedLearners, events, guideEvents, guideSessions, sessionCheckins, users } from '../db/schema/index.ts';
import { ATTENDANCE, CHECKED_IN, CREDITED_COMPLETION } from './attribution.ts';
import type { SessionRow } from './authorize.ts';
import { checkinState } from './checkins.ts';

type Outcome = (typeof OUTCOMES)[number];

export function createRoster(engine: Engine, now: () => number) {
  const { db } = engine;
  // Prepared once: GET /guide/sessions asks them for each of up to 200 sessions.
  const attendance = db
    .select({ learnerId: sql<string>`attendance.learner_id`, kind: sql<'self' | 'assisted'>`attendance.kind`, at: sql<number>`MIN(attendance.at)`.as('first_at') })
    .from(ATTENDANCE)
    .where(sql`attendance.session_id = ${sql.placeholder('sessionId')}`)
    .groupBy(sql`attendance.learner_id`, sql`attendance.kind`)
    .orderBy(sql`first_at`, sql`attendance.learner_id`)
    .prepare();
  const selfDone = db
    .select({
      learnerId: events.learnerId,
      lessons: sql<number>`COUNT(DISTINCT ${events.courseId} || '/' || ${events.lessonId})`,
      n: sql<number>`COUNT(DISTINCT ${events.id})`,
    })
    .from(guideSessions)
    .innerJoin(sessionCheckins, CHECKED_IN)
    .innerJoin(events, CREDITED_COMPLETION)
    .where(eq(guideSessions.id, sql.placeholder('sessionId')))
    .groupBy(events.learnerId)
    .prepare();
  const assistedDone = db
    .select({ learnerId: sql<string>`${guideEvents.learnerId}`, lessons: sql<number>`COUNT(DISTINCT ${guideEvents.courseId} || '/' || ${guideEvents.lessonId})`, n: count() })
    .from(guideEvents)
    .where(and(eq(guideEvents.sessionId, sql.placeholder('sessionId')), eq(guideEvents.type, 'lesson.completed')))
    .groupBy(guideEvents.learnerId)
    .prepare();
  const confirmed = db
    .select({ learnerId: sql<string>`${guideEvents.learnerId}`, payload: guideEvents.payload })
    .from(guideEvents)
    .where(and(eq(guideEvents.sessionId, sql.placeholder('sessionId')), eq(guideEvents.type, 'outcome.confirmed')))
    .prepare();
  /** Each learner's confirmed outcomes, once each, in the order of the outcome names. */
  const outcomes = async (sessionId: string) => {
    const pairs = new Map<string, { learnerId: string; outcome: Outcome }>();
    for (const { learnerId, payload } of await confirmed.all({ sessionId })) {
      const { outcome } = JSON.parse(payload) as { outcome: Outcome };
      pairs.set(`${learnerId}/${outcome}`, { learnerId, outcome });
    }
    return [...pairs.values()].sort((a, b) => (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : 0));
  };
  const assistedInfo = db
    .select({ name: assistedLearners.name, groupId: assistedLearners.groupId, sessionId: assistedLearners.sessionId })
    .from(assistedLearners)
    .where(eq(assistedLearners.id, sql.placeholder('learnerId')))
    .prepare();
  const learnedBefore = db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.learnerId, sql.placeholder('learnerId')), like(events.type, 'lesson.%'), lt(events.effectiveAt, sql.placeholder('at'))))
    .limit(1)
    .prepare();
  const guideName = db.select({ displayName: users.displayName }).from(users).where(eq(users.id, sql.placeholder('id'))).prepare();

  return async (session: SessionRow, canSeeNames: (groupId: string) => boolean): Promise<SessionSummary> => {
    const self = new Map((await selfDone.all({ sessionId: session.id })).map((r) => [r.learnerId, r]));
    const assisted = new Map((await assistedDone.all({ sessionId: session.id })).map((r) => [r.learnerId, r]));
    const outcomesBy = new Map<string, Outcome[]>();
    for (const o of await outcomes(session.id)) outcomesBy.set(o.learnerId, [...(outcomesBy.get(o.learnerId) ?? []), o.outcome]);

    const attendees: Attendee[] = [];
    for (const { learnerId, kind, at } of await attendance.all({ sessionId: session.id })) {
      const info = kind === 'assisted' ? await assistedInfo.get({ learnerId }) : undefined;
      const done = (kind === 'self' ? self : assisted).get(learnerId);
      attendees.push({
        learnerId,
        kind,
        name: info && canSeeNames(info.groupId) ? info.name : null,
        isNew: kind === 'assisted' ? info?.sessionId === session.id : (await learnedBefore.get({ learnerId, at })) === undefined,
        lessonsCompleted: done?.lessons ?? 0,
        outcomes: outcomesBy.get(learnerId) ?? [],
      });
    }
    const sum = (m: Map<string, { n: number }>) => [...m.values()].reduce((a, r) => a + r.n, 0);
    return {
      id: session.id,
      code: session.code,
      title: session.title,
      place: session.place,
      groupId: session.groupId,
      guide: (await guideName.get({ id: session.guideId }))?.displayName ?? '',
      startsAt: new Date(session.startsAt).toISOString(),
      endsAt: new Date(session.endsAt).toISOString(),
      courses: JSON.parse(session.courses) as string[],
      state: checkinState(session, now()),
      attendees,
      totals: {
        attendees: attendees.length,
        newLearners: attendees.filter((a) => a.isNew).length,
        selfCompletions: sum(self),
        assistedCompletions: sum(assisted),
        outcomes: [...outcomesBy.values()].reduce((a, l) => a + l.length, 0),
      },
    };
  };
}
