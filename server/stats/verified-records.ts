// The one definition of which records count and which are verified, for every
// figure, report and sample that reads the record tables directly (the
// rollups, the kinds of figure, the indicators, the team report,
// certificates, spot-checks).
//
// - Not held: a record (events.id or guide_events.id) counts unless a
//   plausibility rule holds it (server/integrity/holds.ts) or a reviewer
//   dismissed it; once a reviewer accepts it, it counts like any other.
// - Verified: what a guide stands behind, not held —
//   a lesson a guide recorded in person, an outcome a guide confirmed
//   (guide_events), or a resident's own completion credited to a guided
//   session they checked in to (the attribution rule, server/guide/attribution.ts).
import { and, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { events, guideEvents, guideSessions, integrityHolds, sessionCheckins } from '../db/schema/index.ts';
import { attendanceOf, CHECKED_IN, CREDITED_COMPLETION } from '../guide/attribution.ts';

/** The record with this id counts: no hold on it, or one a reviewer accepted. */
export const notHeld = (eventId: SQL | AnyColumn): SQL =>
  sql`NOT EXISTS (SELECT 1 FROM ${integrityHolds} WHERE ${integrityHolds.eventId} = ${eventId} AND ${integrityHolds.status} <> 'accepted')`;

/** The guide records that are verified learning or outcomes. */
export const VERIFIED_GUIDE_TYPES = ['lesson.completed', 'outcome.confirmed'] as const;

/** On guide_events: a verified record of one of `types` (by default lessons and outcomes) that counts. */
export const verifiedGuideRecord = (types: ReadonlyArray<(typeof VERIFIED_GUIDE_TYPES)[number]> = VERIFIED_GUIDE_TYPES): SQL =>
  and(inArray(guideEvents.type, [...types]), notHeld(guideEvents.id))!;

/**
 * A FROM source: a resident's own completions (events) credited to guided
 * sessions (guide_sessions) via check-ins (session_checkins), held ones left
 * out. A completion credited to two sessions appears once per session.
 */
export const VERIFIED_SELF_COMPLETIONS = sql`${guideSessions} JOIN ${sessionCheckins} ON ${CHECKED_IN} JOIN ${events} ON ${CREDITED_COMPLETION} AND ${notHeld(sql.raw('"events"."id"'))}`;

/** A FROM source, `attendance` (server/guide/attribution.ts): who attended a session, by records that count. */
export const COUNTED_ATTENDANCE = attendanceOf(notHeld);
