// Guide mode: which residential groups each guide serves, the events guides
// record (append-only, keyed by their client-made id exactly like `events`),
// and projections of those events that the roster, follow-up lists and team
// report read. Projection rows are written in the same transaction as the
// event that makes them, so they never disagree with guide_events.
// Learner-side check-ins (session.joined) stay in `events`; session_checkins
// indexes them by session code. Times are epoch milliseconds (UTC).
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './core.ts';
import { residentialGroups } from './ward.ts';

export const guideGroups = sqliteTable(
  'guide_groups',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    groupId: text('group_id')
      .notNull()
      .references(() => residentialGroups.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupId] }), index('guide_groups_group_id_idx').on(t.groupId)],
);

export const guideEvents = sqliteTable(
  'guide_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    deviceId: text('device_id').notNull(),
    /** The learner the event is about (assisted or self), if any. */
    learnerId: text('learner_id'),
    sessionId: text('session_id'),
    courseId: text('course_id'),
    lessonId: text('lesson_id'),
    occurredAt: integer('occurred_at').notNull(),
    receivedAt: integer('received_at').notNull(),
    /** min(occurred_at, received_at), as in `events`. Reports count by it. */
    effectiveAt: integer('effective_at').notNull(),
    payload: text('payload').notNull(),
  },
  (t) => [
    index('guide_events_type_effective_at_idx').on(t.type, t.effectiveAt),
    // With the phone's time: the guide rules count a guide's learners within an hour (server/integrity).
    index('guide_events_recorded_by_idx').on(t.recordedBy, t.type, t.occurredAt),
    index('guide_events_learner_id_idx').on(t.learnerId, t.type),
    index('guide_events_session_id_idx').on(t.sessionId),
  ],
);

export const guideSessions = sqliteTable(
  'guide_sessions',
  {
    id: text('id').primaryKey(),
    /** The short code residents type; unique across the ward, for ever. */
    code: text('code').notNull().unique(),
    guideId: text('guide_id')
      .notNull()
      .references(() => users.id),
    groupId: text('group_id').notNull(),
    title: text('title').notNull(),
    place: text('place').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    /** JSON array of course ids. */
    courses: text('courses').notNull(),
    closedAt: integer('closed_at'),
  },
  (t) => [index('guide_sessions_guide_id_idx').on(t.guideId, t.startsAt), index('guide_sessions_starts_at_idx').on(t.startsAt)],
);

/** One row per learner per session code: a second check-in changes nothing. */
export const sessionCheckins = sqliteTable(
  'session_checkins',
  {
    code: text('code').notNull(),
    learnerId: text('learner_id').notNull(),
    eventId: text('event_id').notNull(),
    joinedAt: integer('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.learnerId] }), index('session_checkins_learner_id_idx').on(t.learnerId)],
);

/** Residents without a phone whose learning a guide records. Personal data is
 * the minimum the issue allows, with the consent time; no ID or phone number. */
export const assistedLearners = sqliteTable(
  'assisted_learners',
  {
    id: text('id').primaryKey(),
    guideId: text('guide_id')
      .notNull()
      .references(() => users.id),
    groupId: text('group_id').notNull(),
    name: text('name').notNull(),
    birthYear: integer('birth_year').notNull(),
    gender: text('gender').notNull(),
    consentAt: integer('consent_at').notNull(),
    sessionId: text('session_id'),
    registeredAt: integer('registered_at').notNull(),
  },
  (t) => [index('assisted_learners_group_id_idx').on(t.groupId), index('assisted_learners_session_id_idx').on(t.sessionId)],
);

export const households = sqliteTable(
  'households',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id').notNull(),
    label: text('label').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('households_group_id_idx').on(t.groupId)],
);

/** A learner belongs to at most one household; linking again moves them. */
export const householdMembers = sqliteTable('household_members', {
  learnerId: text('learner_id').primaryKey(),
  /** No foreign key: a resident may scan a household QR made offline that
   * reaches the server after their own check-in does. */
  householdId: text('household_id').notNull(),
  /** The guide who linked them, or null when the resident scanned the QR. */
  linkedBy: text('linked_by'),
  linkedAt: integer('linked_at').notNull(),
});
