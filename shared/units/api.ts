// The unit officer's API shapes: who they are (unit, the plans they record
// against, kept on the phone for offline use), the unit sync request and the
// unit's activity list that officers and the office read.
import { z } from 'zod';
import { syncRequestSchema } from '../api.ts';
import { fileLinkSchema } from '../files.ts';
import { AUDIENCES } from '../plans/constants.ts';
import { RHYTHMS } from '../plans/periods.ts';
import { TASK_STATUSES } from '../plans/task-status.ts';
import { planSchema, unitIdSchema, unitInputSchema, unitSchema } from '../plans/schema.ts';

export const unitMeSchema = z.object({ unit: unitSchema, plans: z.array(planSchema) });
export type UnitMe = z.infer<typeof unitMeSchema>;

/** Same shape as every sync request; the records are the unit family's. */
export const unitSyncRequestSchema = syncRequestSchema;

export const createUnitSchema = unitInputSchema.extend({ id: unitIdSchema.optional() });

export const activityQuerySchema = z.strictObject({
  plan: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const activityRowSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  planId: z.string(),
  formCode: z.string(),
  subFormId: z.string().nullable(),
  contentItems: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  title: z.string(),
  place: z.string(),
  audiences: z.array(z.enum(AUDIENCES)),
  reach: z.record(z.string(), z.number()),
  links: z.array(z.string()),
  /** Evidence photos and scans, read at GET /unit-files/:sha256. */
  files: z.array(fileLinkSchema),
  /** How many corrections replaced the first record. */
  corrections: z.number(),
  recordedAt: z.string(),
});
export type ActivityRow = z.infer<typeof activityRowSchema>;
export const activityListSchema = z.object({ unitId: z.string(), activities: z.array(activityRowSchema) });
export type ActivityList = z.infer<typeof activityListSchema>;

/** The tracker's span: activities whose days overlap [from, to]; both optional. */
export const trackerQuerySchema = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** For one plan and a span: each unit's activities per form and its last one, and which content items were served. */
export const trackerSchema = z.object({
  planId: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  forms: z.array(z.object({ code: z.string(), title: z.string() })),
  units: z.array(
    z.object({
      id: z.string(),
      shortName: z.string(),
      name: z.string(),
      /** Activities per form code (forms without any are absent). */
      perForm: z.record(z.string(), z.number()),
      total: z.number(),
      /** First day of the unit's latest activity in the span, or null: nothing recorded. */
      lastActivityOn: z.string().nullable(),
      /** First day of the unit's latest activity up to the period's end, in the span or before it. */
      latestOn: z.string().nullable(),
    }),
  ),
  contentItems: z.array(z.object({ code: z.string(), title: z.string(), activities: z.number() })),
  /** Guide sessions of the movement that started in the span, counted by themselves (never typed twice) under the
   * form whose sub-form is `guide-session` (2.5 in the sample); null when the plan has no such sub-form, and in a
   * unit officer's view (the sessions are the ward's, not the unit's). */
  guideSessions: z.object({ formCode: z.string(), sessions: z.number() }).nullable(),
  /** The period tasks and targets are judged over: the span asked for, else the plan's period, else this year. */
  period: z.object({ from: z.string(), to: z.string() }),
  /** The Vietnam day deadlines were judged on. */
  today: z.string(),
  /** Each shown unit's tasks with a deadline in the period (shared/plans/task-status.ts). */
  tasks: z.array(
    z.object({
      taskId: z.string(),
      unitId: z.string(),
      title: z.string(),
      formCode: z.string(),
      subFormId: z.string().nullable(),
      every: z.enum(RHYTHMS).nullable(),
      atLeast: z.number(),
      dueOn: z.string().nullable(),
      status: z.enum(TASK_STATUSES),
      deadlines: z.number(),
      met: z.number(),
      missed: z.number(),
      recorded: z.number(),
      required: z.number(),
      nextDue: z.string().nullable(),
      lastMissed: z.string().nullable(),
    }),
  ),
  /** The plan's targets scaled to the period, against activities that started in it. */
  targets: z.array(
    z.object({
      formCode: z.string(),
      subFormId: z.string().nullable(),
      unitId: z.string().nullable(),
      count: z.number(),
      per: z.enum(RHYTHMS),
      expected: z.number(),
      actual: z.number(),
    }),
  ),
});
export type Tracker = z.infer<typeof trackerSchema>;
