// The units' outreach log: records made on a unit officer's phone (or office
// PC) under their login, the third record family (shared/events.ts). An
// activity is recorded once and corrected by later records that carry the
// whole activity again and a reason, so the log keeps both. The server checks
// that the unit is the officer's own and that the plan has the form, the
// sub-form and the content items named (server/units/projection.ts).
// Like every record: extend, never rename a type or a field.
import { z } from 'zod';
import { AUDIENCES, ITEM_CODE_PATTERN, PLAN_ID_PATTERN, SUB_FORM_ID_PATTERN, UNIT_ID_PATTERN } from '../plans/constants.ts';
import { fileRefSchema, MAX_FILES_PER_ACTIVITY } from '../files.ts';
import { staffEnvelope } from './envelope.ts';
import { uuidSchema } from './primitives.ts';

const count = z.number().int().min(0).max(100_000_000);
const code = z.string().regex(ITEM_CODE_PATTERN);
const link = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) address');

/** What is known of an activity's reach; every count is optional. */
export const reachSchema = z.strictObject({
  participants: count.optional(),
  views: count.optional(),
  minutesAired: count.optional(),
  copies: count.optional(),
  /** Screens × hours shown (LED). */
  screenHours: count.optional(),
});

const activityFields = {
  unitId: z.string().regex(UNIT_ID_PATTERN),
  planId: z.string().regex(PLAN_ID_PATTERN),
  /** The activity's own id, made on the phone; corrections name it. */
  activityId: uuidSchema,
  startsOn: z.iso.date(),
  /** Last day, for an activity over several days (a banner up for a month). */
  endsOn: z.iso.date().optional(),
  formCode: code,
  subFormId: z.string().regex(SUB_FORM_ID_PATTERN).optional(),
  contentItems: z.array(code).min(1).max(30),
  title: z.string().trim().min(1).max(300),
  /** Where it took place, or the channel it went out on. */
  place: z.string().trim().max(300).default(''),
  audiences: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length).default([]),
  reach: reachSchema.default({}),
  links: z.array(link).max(10).default([]),
  /** Evidence photos and scans, uploaded before the record (PUT /unit-files/:sha256). Absent in a
   * correction: the activity keeps its files; present (also empty): they are replaced. */
  files: z
    .array(fileRefSchema)
    .max(MAX_FILES_PER_ACTIVITY)
    .refine((fs) => new Set(fs.map((f) => f.sha256)).size === fs.length, 'a file is named twice')
    .optional(),
};

const datesInOrder = (a: { startsOn: string; endsOn?: string }) => !a.endsOn || a.endsOn >= a.startsOn;
const datesMessage = { message: 'endsOn must not be before startsOn', path: ['endsOn'] };

export const activityRecordedSchema = z
  .strictObject({ ...staffEnvelope, type: z.literal('activity.recorded'), ...activityFields })
  .refine(datesInOrder, datesMessage);

export const activityCorrectedSchema = z
  .strictObject({
    ...staffEnvelope,
    type: z.literal('activity.corrected'),
    ...activityFields,
    /** Why the record changed; shown next to both versions. */
    reason: z.string().trim().min(1).max(500),
    /** Set when the activity's days fall in a period whose report was already issued: the officer
     * knows, the correction is kept as a new record beside the original, and the issued report
     * keeps its figures. Without it such a correction is refused (period_locked). */
    afterIssue: z.literal(true).optional(),
  })
  .refine(datesInOrder, datesMessage);

export const unitEventSchemas = [activityRecordedSchema, activityCorrectedSchema] as const;
