// Guide actions in the audit log. A guide works offline and their phone syncs
// the actions later as guide events (server/records); this projection runs
// inside that ingest transaction for each event accepted the first time, so a
// resent event never makes a second entry. Entries name the session, group or
// household acted on and never the resident (no learner id, name or birth year).
import type { GuideEvent } from '../../shared/events.ts';
import type { AuditAction, AuditDetails } from '../../shared/audit.ts';
import { eq, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { users } from '../db/schema/index.ts';
import type { Projection } from '../records/hooks.ts';
import type { AuditLog, AuditTarget } from './log.ts';

function describe(e: GuideEvent): [AuditAction, AuditTarget | undefined, AuditDetails] {
  // Completions and outcomes recorded outside a session name no target.
  const session: AuditTarget | undefined = 'sessionId' in e && e.sessionId ? { type: 'session', id: e.sessionId } : undefined;
  switch (e.type) {
    case 'session.created':
      return ['guide.session_created', session, { groupId: e.groupId, sessionCode: e.code, courses: e.courses.length }];
    case 'session.closed':
      return ['guide.session_closed', session, {}];
    case 'assisted.registered':
      return ['guide.learner_registered', { type: 'group', id: e.groupId }, { sessionId: e.sessionId ?? null }];
    case 'lesson.completed':
      return ['guide.lesson_recorded', session, { courseId: e.courseId, lessonId: e.lessonId }];
    case 'outcome.confirmed':
      return ['guide.outcome_confirmed', session, { outcome: e.outcome }];
    case 'household.created':
      return ['guide.household_created', { type: 'household', id: e.householdId }, { groupId: e.groupId }];
    case 'household.linked':
      return ['guide.household_linked', { type: 'household', id: e.householdId }, {}];
    case 'audio.recorded':
      return ['guide.audio_recorded', { type: 'lesson_audio', id: e.id }, { courseId: e.courseId, lessonId: e.lessonId, step: e.step, lang: e.lang }];
  }
}

export function createGuideAuditProjection(engine: Engine, audit: AuditLog): Projection {
  // Prepared once: runs for every guide record accepted, inside the ingest transaction.
  const user = engine.db.select({ username: users.username, role: users.role }).from(users).where(eq(users.id, sql.placeholder('id'))).prepare();
  const apply = async (event: GuideEvent): Promise<void> => {
    // Ingest has already checked that recordedBy is the logged-in guide.
    const who = await user.get({ id: event.recordedBy });
    const [action, target, details] = describe(event);
    await audit.record({ id: event.recordedBy, username: who?.username ?? event.recordedBy, role: who?.role ?? 'guide' }, action, target, {
      ...details,
      occurredAt: event.occurredAt, // the phone's time; the entry's own time is when it reached the server
    });
  };

  return { name: 'audit', guide: { apply } };
}
