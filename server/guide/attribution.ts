// How a resident's own completions are credited to a session: the resident
// checked in (session.joined) and then completed a lesson of one of the
// session's courses, between the check-in and ATTRIBUTION_DAYS after the
// session's end (people finish at home what they started in the cultural
// house). Times are effective times (min of phone clock and server receipt),
// as everywhere in the statistics. A completion can count for more than one
// session; reports count each completion once per guide and per team.
//
// These are SQL fragments (drizzle's `sql`, columns from the schema) shared
// by the roster and the team report, in spellings both engines understand.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { assistedLearners, events, guideEvents, guideSessions, sessionCheckins } from '../db/schema/index.ts';

export const ATTRIBUTION_DAYS = 7;
export const ATTRIBUTION_MS = ATTRIBUTION_DAYS * 86_400_000;

/**
 * `course` is one of the courses (a JSON array of ids) of the session. Read as
 * text, so that SQLite and PostgreSQL understand it alike: course ids are
 * slugs (lower-case letters, digits and hyphens, checked at ingest), so the
 * quoted id appears in the array's JSON exactly when it is an element, and
 * holds none of LIKE's wildcards.
 */
const amongCourses = (course: AnyColumn, courses: AnyColumn) => sql`${courses} LIKE ('%"' || ${course} || '"%')`;

/** Join conditions: a check-in to the session (session_checkins), then a self completion (events) credited to it. */
export const CHECKED_IN = sql`${sessionCheckins.code} = ${guideSessions.code}`;
export const CREDITED_COMPLETION = sql`${events.learnerId} = ${sessionCheckins.learnerId} AND ${events.type} = 'lesson.completed'
   AND ${amongCourses(events.courseId, guideSessions.courses)}
   AND ${events.effectiveAt} >= ${sessionCheckins.joinedAt} AND ${events.effectiveAt} < ${guideSessions.endsAt} + ${sql.raw(String(ATTRIBUTION_MS))}`;

/** A FROM source: self completions (events) credited to sessions (guide_sessions) via check-ins (session_checkins). */
export const ATTRIBUTED_SELF_COMPLETIONS = sql`${guideSessions} JOIN ${sessionCheckins} ON ${CHECKED_IN} JOIN ${events} ON ${CREDITED_COMPLETION}`;

/**
 * A FROM source, `attendance`: (session_id, learner_id, kind, at) of everyone
 * who attended a session. `counts` says which guide records show attendance
 * (the figures pass server/stats/verified-records.ts's notHeld; the guide's
 * own roster sees every record it made).
 */
export const attendanceOf = (counts: (guideEventId: SQL) => SQL = () => sql`1 = 1`) => sql`(
  SELECT ${guideSessions.id} AS session_id, ${sessionCheckins.learnerId} AS learner_id, 'self' AS kind, ${sessionCheckins.joinedAt} AS at
    FROM ${guideSessions} JOIN ${sessionCheckins} ON ${sessionCheckins.code} = ${guideSessions.code}
  UNION
  SELECT ${assistedLearners.sessionId}, ${assistedLearners.id}, 'assisted', ${assistedLearners.registeredAt}
    FROM ${assistedLearners} WHERE ${assistedLearners.sessionId} IS NOT NULL
  UNION
  SELECT ${guideEvents.sessionId}, ${guideEvents.learnerId}, 'assisted', MIN(${guideEvents.effectiveAt}) FROM ${guideEvents}
    JOIN ${assistedLearners} ON ${assistedLearners.id} = ${guideEvents.learnerId}
   WHERE ${guideEvents.sessionId} IS NOT NULL AND ${guideEvents.type} IN ('lesson.completed', 'outcome.confirmed') AND ${counts(sql.raw('"guide_events"."id"'))}
   GROUP BY ${guideEvents.sessionId}, ${guideEvents.learnerId}) AS attendance`;

/** Everyone who attended, by every record (the guide's roster). */
export const ATTENDANCE = attendanceOf();
