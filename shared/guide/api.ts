// HTTP shapes of guide mode (/api/v1/guide/*, /api/v1/sessions/:code and the
// admin's /api/v1/staff), shared by the server and the guide's phone.
import { z } from 'zod';
import { deviceIdSchema } from '../events.ts';
import { groupIdSchema, OUTCOMES } from '../events/guide.ts';
import { MAX_SYNC_BATCH, ROLES, staffUserSchema, TEAMS } from '../api.ts';
import { unitIdSchema } from '../plans/schema.ts';

export const guideSyncRequestSchema = z.strictObject({
  deviceId: deviceIdSchema,
  events: z.array(z.unknown()).max(MAX_SYNC_BATCH, `at most ${MAX_SYNC_BATCH} events per request`),
});

export const guideMeSchema = z.object({
  user: staffUserSchema,
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  /** When the login on this phone ends; guide mode works offline until then. */
  sessionExpiresAt: z.string(),
});
export type GuideMe = z.infer<typeof guideMeSchema>;

export const checkinStateSchema = z.enum(['open', 'closed', 'ended']);

/** What a resident sees before checking in (public, rate-limited). */
export const publicSessionSchema = z.object({
  code: z.string(),
  title: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  courses: z.array(z.string()),
  state: checkinStateSchema,
});
export type PublicSession = z.infer<typeof publicSessionSchema>;

export const attendeeSchema = z.object({
  learnerId: z.string(),
  kind: z.enum(['self', 'assisted']),
  /** Assisted learners only, and only to guides of their group. */
  name: z.string().nullable(),
  isNew: z.boolean(),
  /** Lessons of the session's courses completed (self: attributed to the session; assisted: recorded). */
  lessonsCompleted: z.number(),
  outcomes: z.array(z.enum(OUTCOMES)),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  place: z.string(),
  groupId: z.string(),
  guide: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  courses: z.array(z.string()),
  state: checkinStateSchema,
  attendees: z.array(attendeeSchema),
  totals: z.object({
    attendees: z.number(),
    newLearners: z.number(),
    selfCompletions: z.number(),
    assistedCompletions: z.number(),
    outcomes: z.number(),
  }),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const reportQuerySchema = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const reportRowSchema = z.object({
  sessions: z.number(),
  attendees: z.number(),
  selfCompletions: z.number(),
  assistedCompletions: z.number(),
  outcomes: z.number(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const teamReportSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  guides: z.array(reportRowSchema.extend({ guideId: z.string(), displayName: z.string(), team: z.enum(TEAMS) })),
  teams: z.array(reportRowSchema.extend({ team: z.enum(TEAMS) })),
});
export type TeamReport = z.infer<typeof teamReportSchema>;

export const followUpLearnerSchema = z.object({
  learnerId: z.string(),
  kind: z.enum(['self', 'assisted']),
  name: z.string().nullable(),
  lastActivityAt: z.string(),
  /** Courses started 14+ days ago and not finished. */
  unfinishedCourses: z.array(z.string()),
});
export const followUpSchema = z.object({
  groupId: z.string(),
  notFinished: z.array(followUpLearnerSchema),
  inactive: z.array(followUpLearnerSchema),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const householdSchema = z.object({
  id: z.string(),
  label: z.string(),
  members: z.number(),
  /** Someone in the household completed all five basic skills. */
  covered: z.boolean(),
});
export const householdListSchema = z.object({ groupId: z.string(), households: z.array(householdSchema) });
export type HouseholdList = z.infer<typeof householdListSchema>;

export const createStaffSchema = z.strictObject({
  username: z.string().trim().min(2).max(64),
  displayName: z.string().trim().min(1).max(80),
  role: z.enum(ROLES),
  team: z.enum(TEAMS).nullable().default(null),
  groups: z.array(groupIdSchema).max(50).default([]),
  /** A unit officer's unit (role unit only). */
  unitId: unitIdSchema.optional(),
});
export const staffAccountSchema = staffUserSchema.extend({ groups: z.array(z.string()), disabled: z.boolean(), unitId: z.string().nullable() });
export type StaffAccount = z.infer<typeof staffAccountSchema>;
export const createStaffResponseSchema = z.object({ account: staffAccountSchema, password: z.string() });
export const setGroupsSchema = z.strictObject({ groups: z.array(groupIdSchema).min(1).max(50) });
