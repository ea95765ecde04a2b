// How a resident's own completions are credited to a session: the resident
// checked in (session.joined) and then completed a lesson of one of the
// session's courses, between the check-in and ATTRIBUTION_DAYS after the
// session's end (people finish at home what they started in the cultural
// house). Times are effective times (min of phone clock and server receipt),
// as everywhere in the statistics. A completion can count for more than one
// session; reports count each completion once per guide and per team.
export const ATTRIBUTION_DAYS = 7;
export const ATTRIBUTION_MS = ATTRIBUTION_DAYS * 86_400_000;

/** SQL: self completions (events e) credited to sessions (s) via check-ins (c). */
export const ATTRIBUTED_SELF_COMPLETIONS = `
  FROM guide_sessions s
  JOIN session_checkins c ON c.code = s.code
  JOIN events e ON e.learner_id = c.learner_id AND e.type = 'lesson.completed'
   AND e.course_id IN (SELECT value FROM json_each(s.courses))
   AND e.effective_at >= c.joined_at AND e.effective_at < s.ends_at + ${ATTRIBUTION_MS}`;

/** SQL: (session_id, learner_id, kind) of everyone who attended a session. */
export const ATTENDANCE = `
  SELECT s.id AS session_id, c.learner_id, 'self' AS kind, c.joined_at AS at
    FROM guide_sessions s JOIN session_checkins c ON c.code = s.code
  UNION
  SELECT a.session_id, a.id, 'assisted', a.registered_at FROM assisted_learners a WHERE a.session_id IS NOT NULL
  UNION
  SELECT g.session_id, g.learner_id, 'assisted', MIN(g.effective_at) FROM guide_events g
    JOIN assisted_learners a ON a.id = g.learner_id
   WHERE g.session_id IS NOT NULL AND g.type IN ('lesson.completed', 'outcome.confirmed')
   GROUP BY g.session_id, g.learner_id`;
