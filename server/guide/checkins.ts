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
import type { Sqlite } from '../db/open.ts';
import type { Projection } from '../records/hooks.ts';
import { createGuideAccess, type SessionRow } from './authorize.ts';

/** Late arrivals may still check in this long after the planned end. */
export const CHECKIN_GRACE_MS = 2 * 3_600_000;

export type CheckinState = 'open' | 'closed' | 'ended';

export function checkinState(session: Pick<SessionRow, 'endsAt' | 'closedAt'>, at: number): CheckinState {
  if (session.closedAt !== null && at >= session.closedAt) return 'closed';
  if (at > session.endsAt + CHECKIN_GRACE_MS) return 'ended';
  return 'open';
}

export function createCheckinProjection(sqlite: Sqlite): Projection {
  const access = createGuideAccess(sqlite);
  const addCheckin = sqlite.prepare('INSERT OR IGNORE INTO session_checkins (code, learner_id, event_id, joined_at) VALUES (?, ?, ?, ?)');
  const joinHousehold = sqlite.prepare(
    `INSERT INTO household_members (learner_id, household_id, linked_by, linked_at) VALUES (?, ?, NULL, ?)
     ON CONFLICT(learner_id) DO UPDATE SET household_id = excluded.household_id, linked_by = NULL, linked_at = excluded.linked_at
     WHERE excluded.linked_at >= household_members.linked_at`,
  );

  return {
    name: 'check-ins',
    learner: {
      check(event: LearningEvent, effectiveAt: number): SyncResult | undefined {
        if (event.type !== 'session.joined') return undefined;
        const session = access.sessionByCode(event.code);
        if (!session || checkinState(session, effectiveAt) === 'open') return undefined;
        return { id: event.id, status: 'rejected', error: { code: 'session_closed', message: 'This session has ended; check-ins are closed' } };
      },
      apply(event: LearningEvent, effectiveAt: number): void {
        if (event.type === 'session.joined') addCheckin.run(event.code, event.learnerId, event.id, effectiveAt);
        else if (event.type === 'household.joined') joinHousehold.run(event.learnerId, event.householdId, effectiveAt);
      },
    },
  };
}
