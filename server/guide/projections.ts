// Guide mode's projection of the guide family (server/records): the rights
// check before an event is written (rights.ts), then the accepted event
// applied to the tables the roster, follow-up lists and reports read, in the
// same transaction, so the two can never disagree. Statements are prepared
// once: they run for every synced guide record.
import { notFarBefore } from '../records/times.ts';
import { eq, sql } from 'drizzle-orm';
import type { GuideEvent } from '../../shared/events.ts';
import type { Engine } from '../db/engine/engine.ts';
import { placeholders } from '../db/placeholders.ts';
import { assistedLearners, guideSessions, households } from '../db/schema/index.ts';
import type { Projection } from '../records/hooks.ts';
import { createHouseholdLink } from './households.ts';
import { createGuideRights } from './rights.ts';

const MINUTE = 60_000;

type NewSession = typeof guideSessions.$inferInsert;
type NewAssisted = typeof assistedLearners.$inferInsert;
type NewHousehold = typeof households.$inferInsert;

export function createGuideProjection(engine: Engine): Projection {
  const { db } = engine;
  const addSession = db
    .insert(guideSessions)
    .values({ ...placeholders<NewSession>(['id', 'code', 'guideId', 'groupId', 'title', 'place', 'startsAt', 'endsAt', 'courses']), closedAt: null })
    .prepare();
  const closeSession = db
    .update(guideSessions)
    .set({ closedAt: sql`coalesce(${guideSessions.closedAt}, ${sql.placeholder('closedAt')})` })
    .where(eq(guideSessions.id, sql.placeholder('id')))
    .prepare();
  const addAssisted = db
    .insert(assistedLearners)
    .values(placeholders<NewAssisted>(['id', 'guideId', 'groupId', 'name', 'birthYear', 'gender', 'consentAt', 'sessionId', 'registeredAt']))
    .prepare();
  const addHousehold = db
    .insert(households)
    .values(placeholders<NewHousehold>(['id', 'groupId', 'label', 'createdBy', 'createdAt']))
    .onConflictDoNothing()
    .prepare();
  const link = createHouseholdLink(engine);

  const apply = async (e: GuideEvent, effectiveAt: number): Promise<void> => {
    switch (e.type) {
      case 'session.created': {
        // A start long before the record was made is a reset clock's: the session starts when it was recorded.
        const startsAt = notFarBefore(Date.parse(e.startsAt), effectiveAt);
        await addSession.run({
          id: e.sessionId,
          code: e.code,
          guideId: e.recordedBy,
          groupId: e.groupId,
          title: e.title,
          place: e.place,
          startsAt,
          endsAt: startsAt + e.durationMin * MINUTE,
          courses: JSON.stringify(e.courses),
        } satisfies NewSession);
        return;
      }
      case 'session.closed':
        await closeSession.run({ closedAt: effectiveAt, id: e.sessionId });
        return;
      case 'assisted.registered':
        await addAssisted.run({
          id: e.learnerId,
          guideId: e.recordedBy,
          groupId: e.groupId,
          name: e.name,
          birthYear: e.birthYear,
          // '' is "not said", as in the stats tables (the column predates it).
          gender: e.gender ?? '',
          consentAt: Date.parse(e.consentAt),
          sessionId: e.sessionId ?? null,
          registeredAt: effectiveAt,
        } satisfies NewAssisted);
        return;
      case 'household.created':
        await addHousehold.run({ id: e.householdId, groupId: e.groupId, label: e.label, createdBy: e.recordedBy, createdAt: effectiveAt } satisfies NewHousehold);
        return;
      case 'household.linked':
        await link({ learnerId: e.learnerId, householdId: e.householdId, linkedBy: e.recordedBy, linkedAt: effectiveAt });
        return;
      case 'lesson.completed':
      case 'outcome.confirmed':
      case 'audio.recorded': // kept by the lesson audio projection
        return; // guide_events is the record; reports read it directly.
    }
  };

  return { name: 'guide', guide: { check: createGuideRights(engine), apply } };
}
