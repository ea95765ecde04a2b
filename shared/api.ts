// The HTTP API's request and response shapes, shared by the server (which
// validates with them), the web client and the OpenAPI document.
import { z } from 'zod';
import { deviceIdSchema, groupIdSchema, secretSchema, uuidSchema } from './events/primitives.ts';

export const API_PREFIX = '/api/v1';
/** Upper bound on events per sync request; the client sends smaller batches. */
export const MAX_SYNC_BATCH = 500;
export const SYNC_BATCH_SIZE = 100;
/** Largest request body the API reads, in bytes. */
export const MAX_BODY_BYTES = 1_000_000;

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof errorSchema>;

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });

export const registerLearnerSchema = z.strictObject({
  id: uuidSchema,
  /** base64url, at least 128 bits. Only a hash is stored. */
  secret: secretSchema,
});
export const registerLearnerResponseSchema = z.object({ id: uuidSchema });

export const syncRequestSchema = z.strictObject({
  deviceId: deviceIdSchema,
  /** Each event is validated on its own so one bad event cannot block the rest. */
  events: z.array(z.unknown()).max(MAX_SYNC_BATCH, `at most ${MAX_SYNC_BATCH} events per request`),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/** accepted: stored now; duplicate: already stored for this recorder (a resend);
 * rejected: never storable, do not resend; conflict: the id is already stored
 * for another recorder, so this record is NOT stored: send it again under a new id. */
export const syncStatusSchema = z.enum(['accepted', 'duplicate', 'rejected', 'conflict']);
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncResultSchema = z.object({
  id: z.string(),
  status: syncStatusSchema,
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export const syncResponseSchema = z.object({
  results: z.array(syncResultSchema),
  serverTime: z.string(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;
export type SyncResponse = z.infer<typeof syncResponseSchema>;

export const myProgressSchema = z.object({
  completions: z.array(
    z.object({
      courseId: z.string(),
      lessonId: z.string(),
      score: z.number(),
      occurredAt: z.string(),
    }),
  ),
});

/** `unit`: a unit's officer (one unit of the ward's plans), see shared/plans. */
export const ROLES = ['guide', 'reviewer', 'admin', 'unit'] as const;
export type StaffRole = (typeof ROLES)[number];
export const TEAMS = ['cns', 'da06'] as const;

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const staffUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  team: z.enum(TEAMS).nullable(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;
export const meResponseSchema = z.object({ user: staffUserSchema });

/** Query of the ward summary; dates are local calendar days YYYY-MM-DD, inclusive. */
export const statsQuerySchema = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const statsSummarySchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  learners: z.number(),
  completions: z.number(),
  perLesson: z.array(z.object({ courseId: z.string(), lessonId: z.string(), completions: z.number() })),
  perDay: z.array(z.object({ day: z.string(), completions: z.number() })),
});
export type StatsSummary = z.infer<typeof statsSummarySchema>;

/** The ward profile phones need (public): name, residential groups, public channels. */
export const residentialGroupSchema = z.object({
  id: groupIdSchema,
  name: z.string().min(1).max(120),
});
export const wardChannelSchema = z.object({
  kind: z.enum(['portal', 'social', 'feedback', 'hotline', 'other']),
  label: z.string().min(1).max(120),
  /** An address the ward office entered; never made up by the app. */
  url: z.string().max(300).optional(),
});
export const wardProfileSchema = z.object({
  name: z.string(),
  /** True while the ward still runs on the shipped sample profile. */
  isSample: z.boolean(),
  groups: z.array(residentialGroupSchema),
  channels: z.array(wardChannelSchema),
});
export type WardProfile = z.infer<typeof wardProfileSchema>;
