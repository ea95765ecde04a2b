// The ward's plans and the units' outreach log. A plan is one row: its
// document fields as columns and its structure (content items, forms,
// duties, legal bases, recipients) as one validated JSON document, since an
// admin edits and imports a plan as a whole. Units are the offices with
// duties; a unit officer is a staff user bound to one unit. Unit records are
// append-only like every family (unit_events); unit_activities holds each
// activity's current version and unit_activity_items its content items, for
// the tracker. Times are epoch milliseconds (UTC); days are 'YYYY-MM-DD'.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './core.ts';

export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  /** True while the row is the shipped sample's, not the ward's own. */
  isSample: integer('is_sample', { mode: 'boolean' }).notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** A unit officer's unit: one per officer. */
export const unitOfficers = sqliteTable(
  'unit_officers',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [index('unit_officers_unit_id_idx').on(t.unitId)],
);

export const plans = sqliteTable('plans', {
  id: text('id').primaryKey(),
  numberSymbol: text('number_symbol').notNull(),
  issuedOn: text('issued_on'),
  issuingBody: text('issuing_body').notNull(),
  title: text('title').notNull(),
  periodFrom: text('period_from'),
  periodTo: text('period_to'),
  /** JSON: legalBases, contentItems, forms, duties, recipients (shared/plans/schema.ts). */
  structure: text('structure').notNull(),
  /** True while this is the shipped sample, before its first edit. */
  isSample: integer('is_sample', { mode: 'boolean' }).notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const unitEvents = sqliteTable(
  'unit_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    deviceId: text('device_id').notNull(),
    unitId: text('unit_id').notNull(),
    planId: text('plan_id').notNull(),
    activityId: text('activity_id').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    receivedAt: integer('received_at').notNull(),
    effectiveAt: integer('effective_at').notNull(),
    payload: text('payload').notNull(),
  },
  (t) => [index('unit_events_activity_idx').on(t.activityId, t.effectiveAt), index('unit_events_unit_idx').on(t.unitId, t.effectiveAt)],
);

/** Each activity as last recorded or corrected. */
export const unitActivities = sqliteTable(
  'unit_activities',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    formCode: text('form_code').notNull(),
    subFormId: text('sub_form_id'),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    title: text('title').notNull(),
    /** The record this version comes from (activity.recorded or the latest activity.corrected). */
    lastEventId: text('last_event_id').notNull(),
    corrections: integer('corrections').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: integer('recorded_at').notNull(),
    /** JSON of the record's activity fields (place, audiences, reach, links…). */
    details: text('details').notNull(),
    // The reach counts of `details` again, as numbers the report sums in SQL (null: not known).
    reachParticipants: integer('reach_participants'),
    reachViews: integer('reach_views'),
    reachMinutesAired: integer('reach_minutes_aired'),
    reachCopies: integer('reach_copies'),
    reachScreenHours: integer('reach_screen_hours'),
  },
  (t) => [
    // Covers every tracker read (server/units/tracker.ts) and the report's sums (server/plans/report-figures.ts):
    // a unit's form over a span is one short range; no row is read.
    index('unit_activities_tracker_idx').on(
      t.planId,
      t.unitId,
      t.formCode,
      t.startsOn,
      t.endsOn,
      t.subFormId,
      t.id,
      t.reachParticipants,
      t.reachViews,
      t.reachMinutesAired,
      t.reachCopies,
      t.reachScreenHours,
    ),
    index('unit_activities_unit_idx').on(t.unitId, t.startsOn),
  ],
);

export const unitActivityItems = sqliteTable(
  'unit_activity_items',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => unitActivities.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    // The activity's plan, unit and days again, so counts per content item and the report's
    // examples read this table's index alone (a year of a ward is 20,000 activities).
    planId: text('plan_id').notNull(),
    unitId: text('unit_id').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.itemCode] }),
    // An item's activities in report order (first day, unit, id): counted in one pass, the first few read without a sort.
    index('unit_activity_items_plan_idx').on(t.planId, t.itemCode, t.startsOn, t.unitId, t.activityId, t.endsOn),
  ],
);

/** Evidence files a unit's officers uploaded: the unit may read them and name them in its activities. */
export const unitFiles = sqliteTable(
  'unit_files',
  {
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: integer('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.sha256] }), index('unit_files_file_idx').on(t.sha256)],
);

/** The files an activity's current version names, in the record's order. */
export const unitActivityFiles = sqliteTable(
  'unit_activity_files',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => unitActivities.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    position: integer('position').notNull(),
    name: text('name'),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.sha256] })],
);
