// Ingest of events recorded on a guide's phone (POST /guide/sync): the same
// exactly-once contract as server/sync/ingest.ts — the event id is the
// guide_events primary key, a resent event is a 'duplicate', each event is
// judged on its own and one bad event never blocks the rest. Events are
// processed in order inside one transaction, so an assisted learner
// registered earlier in a batch can receive completions later in the same
// batch. Projections (sessions, assisted learners, households) are written
// only when the event row itself went in.
import type { SyncResult } from '../../shared/api.ts';
import { GUIDE_EVENT_TYPES, guideEventSchema, type GuideEvent } from '../../shared/events/guide.ts';
import type { Sqlite } from '../db/open.ts';
import { formatZodError } from '../http/errors.ts';
import { createGuideAccess } from './authorize.ts';
import { createGuideProjections } from './projections.ts';

export interface GuideIngestInput {
  guideId: string;
  events: unknown[];
  receivedAt: number;
}

const MAX_ECHOED_ID = 100;

function resultId(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, MAX_ECHOED_ID) : '';
}

const reject = (id: string, code: string, message: string): SyncResult => ({ id, status: 'rejected', error: { code, message } });
const NOT_YOURS = 'You may record only for learners you registered or who joined your session, in your residential groups';

/** Another feature's work on an accepted guide event (dashboard rollups), run in the same transaction. */
export type GuideEventHook = (event: GuideEvent, effectiveAt: number) => void;

export function createGuideIngest(sqlite: Sqlite, afterEvent?: GuideEventHook) {
  const access = createGuideAccess(sqlite);
  const project = createGuideProjections(sqlite);
  const exists = sqlite.prepare<[string], { n: number }>('SELECT 1 AS n FROM guide_events WHERE id = ?');
  const insert = sqlite.prepare(
    `INSERT INTO guide_events (id, type, recorded_by, device_id, learner_id, session_id, course_id, lesson_id, occurred_at, received_at, effective_at, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
  );
  const learnerKnown = sqlite.prepare<[string, string], { n: number }>(
    'SELECT 1 AS n FROM learners WHERE id = ? UNION ALL SELECT 1 FROM assisted_learners WHERE id = ?',
  );
  const household = sqlite.prepare<[string], { groupId: string }>('SELECT group_id AS groupId FROM households WHERE id = ?');

  /** Why the guide may not record this event, or undefined when they may. */
  function refusal(guideId: string, e: GuideEvent): SyncResult | undefined {
    const no = (code: string, message: string) => reject(e.id, code, message);
    if (e.recordedBy !== guideId) return no('forbidden', 'The event names another guide as recorder');
    const sessionId = 'sessionId' in e ? e.sessionId : undefined;
    if (sessionId && e.type !== 'session.created' && !access.ownsSession(guideId, sessionId)) {
      return no('forbidden', 'The session is not one of yours');
    }
    switch (e.type) {
      case 'session.created': {
        if (!access.inGroup(guideId, e.groupId)) return no('forbidden', `You are not assigned to residential group "${e.groupId}"`);
        if (access.sessionById(e.sessionId)) return no('session_exists', 'This session was already created by another event');
        if (access.sessionByCode(e.code)) return no('code_taken', `Session code ${e.code} is already used; create the session again to get a new code`);
        return undefined;
      }
      case 'session.closed':
        return access.ownsSession(guideId, e.sessionId) ? undefined : no('forbidden', 'The session is not one of yours');
      case 'assisted.registered':
        if (!access.inGroup(guideId, e.groupId)) return no('forbidden', `You are not assigned to residential group "${e.groupId}"`);
        if (learnerKnown.get(e.learnerId, e.learnerId)) return no('learner_exists', 'A learner with this id already exists');
        return undefined;
      case 'household.created':
        return access.inGroup(guideId, e.groupId) ? undefined : no('forbidden', `You are not assigned to residential group "${e.groupId}"`);
      case 'household.linked': {
        const h = household.get(e.householdId);
        if (!h) return no('unknown_household', 'No such household');
        if (!access.inGroup(guideId, h.groupId)) return no('forbidden', `You are not assigned to residential group "${h.groupId}"`);
        return access.mayRecordFor(guideId, e.learnerId) ? undefined : no('forbidden', NOT_YOURS);
      }
      case 'lesson.completed':
      case 'outcome.confirmed':
        return access.mayRecordFor(guideId, e.learnerId) ? undefined : no('forbidden', NOT_YOURS);
    }
  }

  function toRow(e: GuideEvent, receivedAt: number) {
    const occurredAt = Date.parse(e.occurredAt);
    return [
      e.id,
      e.type,
      e.recordedBy,
      e.deviceId,
      'learnerId' in e ? e.learnerId : null,
      'sessionId' in e ? (e.sessionId ?? null) : null,
      'courseId' in e ? e.courseId : null,
      'lessonId' in e ? e.lessonId : null,
      occurredAt,
      receivedAt,
      Math.min(occurredAt, receivedAt),
      JSON.stringify(e),
    ] as const;
  }

  const run = sqlite.transaction((input: GuideIngestInput): SyncResult[] =>
    input.events.map((raw) => {
      const parsed = guideEventSchema.safeParse(raw);
      if (!parsed.success) {
        const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
        return typeof type === 'string' && !(GUIDE_EVENT_TYPES as readonly string[]).includes(type)
          ? reject(resultId(raw), 'unknown_type', `Unknown guide event type "${type.slice(0, 40)}"`)
          : reject(resultId(raw), 'invalid_event', formatZodError(parsed.error));
      }
      const event = parsed.data;
      // A resend is a duplicate even if the rules would now refuse it.
      if (exists.get(event.id)) return { id: event.id, status: 'duplicate' };
      const refused = refusal(input.guideId, event);
      if (refused) return refused;
      const row = toRow(event, input.receivedAt);
      insert.run(...row);
      project(event, row[10]);
      afterEvent?.(event, row[10]);
      return { id: event.id, status: 'accepted' };
    }),
  );

  return (input: GuideIngestInput): SyncResult[] => run(input);
}
