// A session's roster and summary, as far as synced: who checked in or was
// registered there, what each attendee completed in the session's courses,
// and the outcomes confirmed. Self learners stay anonymous (an id only);
// assisted learners are shown by name to the guides of their group.
import type { OUTCOMES } from '../../shared/events/guide.ts';
import type { Attendee, SessionSummary } from '../../shared/guide/api.ts';
import type { Sqlite } from '../db/open.ts';
import { ATTENDANCE, ATTRIBUTED_SELF_COMPLETIONS } from './attribution.ts';
import type { SessionRow } from './authorize.ts';
import { checkinState } from './checkins.ts';

type Outcome = (typeof OUTCOMES)[number];

export function createRoster(sqlite: Sqlite, now: () => number) {
  const attendance = sqlite.prepare<[string], { learnerId: string; kind: 'self' | 'assisted'; at: number }>(
    `SELECT learner_id AS learnerId, kind, MIN(at) AS at FROM (${ATTENDANCE}) WHERE session_id = ? GROUP BY learner_id, kind ORDER BY at, learner_id`,
  );
  const selfDone = sqlite.prepare<[string], { learnerId: string; lessons: number; n: number }>(
    `SELECT e.learner_id AS learnerId, COUNT(DISTINCT e.course_id || '/' || e.lesson_id) AS lessons, COUNT(DISTINCT e.id) AS n
     ${ATTRIBUTED_SELF_COMPLETIONS} WHERE s.id = ? GROUP BY e.learner_id`,
  );
  const assistedDone = sqlite.prepare<[string], { learnerId: string; lessons: number; n: number }>(
    `SELECT learner_id AS learnerId, COUNT(DISTINCT course_id || '/' || lesson_id) AS lessons, COUNT(*) AS n
       FROM guide_events WHERE session_id = ? AND type = 'lesson.completed' GROUP BY learner_id`,
  );
  const outcomes = sqlite.prepare<[string], { learnerId: string; outcome: Outcome }>(
    `SELECT DISTINCT learner_id AS learnerId, json_extract(payload, '$.outcome') AS outcome
       FROM guide_events WHERE session_id = ? AND type = 'outcome.confirmed' ORDER BY outcome`,
  );
  const assistedInfo = sqlite.prepare<[string], { name: string; groupId: string; sessionId: string | null }>(
    'SELECT name, group_id AS groupId, session_id AS sessionId FROM assisted_learners WHERE id = ?',
  );
  const learnedBefore = sqlite.prepare<[string, number], { n: number }>(
    "SELECT 1 AS n FROM events WHERE learner_id = ? AND type LIKE 'lesson.%' AND effective_at < ? LIMIT 1",
  );
  const guideName = sqlite.prepare<[string], { displayName: string }>('SELECT display_name AS displayName FROM users WHERE id = ?');

  return (session: SessionRow, canSeeNames: (groupId: string) => boolean): SessionSummary => {
    const self = new Map(selfDone.all(session.id).map((r) => [r.learnerId, r]));
    const assisted = new Map(assistedDone.all(session.id).map((r) => [r.learnerId, r]));
    const outcomesBy = new Map<string, Outcome[]>();
    for (const o of outcomes.all(session.id)) outcomesBy.set(o.learnerId, [...(outcomesBy.get(o.learnerId) ?? []), o.outcome]);

    const attendees: Attendee[] = attendance.all(session.id).map(({ learnerId, kind, at }) => {
      const info = kind === 'assisted' ? assistedInfo.get(learnerId) : undefined;
      const done = (kind === 'self' ? self : assisted).get(learnerId);
      return {
        learnerId,
        kind,
        name: info && canSeeNames(info.groupId) ? info.name : null,
        isNew: kind === 'assisted' ? info?.sessionId === session.id : learnedBefore.get(learnerId, at) === undefined,
        lessonsCompleted: done?.lessons ?? 0,
        outcomes: outcomesBy.get(learnerId) ?? [],
      };
    });
    const sum = (m: Map<string, { n: number }>) => [...m.values()].reduce((a, r) => a + r.n, 0);
    return {
      id: session.id,
      code: session.code,
      title: session.title,
      place: session.place,
      groupId: session.groupId,
      guide: guideName.get(session.guideId)?.displayName ?? '',
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
