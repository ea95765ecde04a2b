// Guide mode's projection of the guide family (server/records): the rights
// check before an event is written (rights.ts), then the accepted event
// applied to the tables the roster, follow-up lists and reports read, in the
// same transaction, so the two can never disagree.
import type { GuideEvent } from '../../shared/events.ts';
import type { Sqlite } from '../db/open.ts';
import type { Projection } from '../records/hooks.ts';
import { createGuideRights } from './rights.ts';

const MINUTE = 60_000;

export function createGuideProjection(sqlite: Sqlite): Projection {
  const addSession = sqlite.prepare(
    `INSERT INTO guide_sessions (id, code, guide_id, group_id, title, place, starts_at, ends_at, courses, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const closeSession = sqlite.prepare('UPDATE guide_sessions SET closed_at = COALESCE(closed_at, ?) WHERE id = ?');
  const addAssisted = sqlite.prepare(
    `INSERT INTO assisted_learners (id, guide_id, group_id, name, birth_year, gender, consent_at, session_id, registered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addHousehold = sqlite.prepare('INSERT OR IGNORE INTO households (id, group_id, label, created_by, created_at) VALUES (?, ?, ?, ?, ?)');
  const link = sqlite.prepare(
    `INSERT INTO household_members (learner_id, household_id, linked_by, linked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(learner_id) DO UPDATE SET household_id = excluded.household_id, linked_by = excluded.linked_by, linked_at = excluded.linked_at
     WHERE excluded.linked_at >= household_members.linked_at`,
  );

  const apply = (e: GuideEvent, effectiveAt: number): void => {
    switch (e.type) {
      case 'session.created': {
        const startsAt = Date.parse(e.startsAt);
        addSession.run(e.sessionId, e.code, e.recordedBy, e.groupId, e.title, e.place, startsAt, startsAt + e.durationMin * MINUTE, JSON.stringify(e.courses));
        return;
      }
      case 'session.closed':
        closeSession.run(effectiveAt, e.sessionId);
        return;
      case 'assisted.registered':
        addAssisted.run(e.learnerId, e.recordedBy, e.groupId, e.name, e.birthYear, e.gender, Date.parse(e.consentAt), e.sessionId ?? null, effectiveAt);
        return;
      case 'household.created':
        addHousehold.run(e.householdId, e.groupId, e.label, e.recordedBy, effectiveAt);
        return;
      case 'household.linked':
        link.run(e.learnerId, e.householdId, e.recordedBy, effectiveAt);
        return;
      case 'lesson.completed':
      case 'outcome.confirmed':
        return; // guide_events is the record; reports read it directly.
    }
  };

  return { name: 'guide', guide: { check: createGuideRights(sqlite), apply } };
}
