// Rules for the guide-related events a RESIDENT's phone sends through POST
// /sync: checking in to a session (session.joined) and joining a household by
// its QR (household.joined). A projection of the learner family (server/records).
//
// A check-in for a code the server does not know yet is accepted and kept:
// the guide may have created the session offline and not synced it yet. Once
// the session is known, a check-in after it closed (or more than
// CHECKIN_GRACE_MS after its end) is rejected with 'session_closed'. A second
// check-in of the same learner to the same code changes nothing.
import type { SyncResult } from '../../shared/api.ts';
import type { LearningEvent } from '../../shared/events.ts';
import type { Engine } from '../db/engine/engine.ts';
import { placeholders } from '../db/placeholders.ts';
import { sessionCheckins } from '../db/schema/index.ts';
import type { Projection } from '../records/hooks.ts';
import { createGuideAccess, type SessionRow } from './authorize.ts';
import { createHouseholdLink } from './households.ts';

/** Late arrivals may still check in this long after the planned end. */
export const CHECKIN_GRACE_MS = 2 * 3_600_000;

export type CheckinState = 'open' | 'closed' | 'ended';

export function checkinState(session: Pick<SessionRow, 'endsAt' | 'closedAt'>, at: number): CheckinState {
  if (session.closedAt !== null && at >= session.closedAt) return 'closed';
  if (at > session.endsAt + CHECKIN_GRACE_MS) return 'ended';
  return 'open';
}

type NewCheckin = typeof sessionCheckins.$inferInsert;

export function createCheckinProjection(engine: Engine): Projection {
  const access = createGuideAccess(engine);
  // Prepared once: runs for every synced learner record of these types.
  const addCheckin = engine.db
    .insert(sessionCheckins)
    .values(placeholders<NewCheckin>(['code', 'learnerId', 'eventId', 'joinedAt']))
    .onConflictDoNothing()
    .prepare();
  const joinHousehold = createHouseholdLink(engine);

  return {
    name: 'check-ins',
    learner: {
      async check(event: LearningEvent, effectiveAt: number): Promise<SyncResult | undefined> {
        if (event.type !== 'session.joined') return undefined;
        const session = await access.sessionByCode(event.code);
        if (!session || checkinState(session, effectiveAt) === 'open') return undefined;
        return { id: event.id, status: 'rejected', error: { code: 'session_closed', message: 'This session has ended; check-ins are closed' } };
      },
      async apply(event: LearningEvent, effectiveAt: number): Promise<void> {
        if (event.type === 'session.joined') await addCheckin.run({ code: event.code, learnerId: event.learnerId, eventId: event.id, joinedAt: effectiveAt } satisfies NewCheckin);
        else if (event.type === 'household.joined') await joinHousehold({ learnerId: event.learnerId, householdId: event.householdId, linkedBy: null, linkedAt: effectiveAt });
      },
    },
  };
}
