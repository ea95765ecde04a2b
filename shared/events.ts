// Learning events: immutable facts made on a phone and synced to the ward's
// server. The event id (UUID, time-ordered v7) is the primary key on the
// server, so a resent event is a duplicate and never a second row.
// Extend with new types; never rename a type or a field (phones in the field
// keep old code for a while).
import { z } from 'zod';
import { householdJoinedSchema, LEARNER_GUIDE_EVENT_TYPES, sessionJoinedSchema } from './events/guide.ts';
import { RESIDENT_EVENT_TYPES, residentEventSchemas } from './events/resident.ts';

export const uuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a lowercase UUID');
export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"');
const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);

const envelope = {
  id: uuidSchema,
  learnerId: uuidSchema,
  deviceId: deviceIdSchema,
  /** The phone's clock: kept for reports, never trusted for security decisions. */
  occurredAt: z.iso.datetime({ offset: true }),
};

export const lessonStartedSchema = z.strictObject({
  ...envelope,
  type: z.literal('lesson.started'),
  courseId: slugSchema,
  lessonId: slugSchema,
});

export const lessonCompletedSchema = z.strictObject({
  ...envelope,
  type: z.literal('lesson.completed'),
  courseId: slugSchema,
  lessonId: slugSchema,
  contentVersion: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/),
  /** Share of quiz questions right on the first try, 0–100. */
  score: z.number().int().min(0).max(100),
  durationSec: z.number().int().min(0).max(86_400),
});

export const EVENT_TYPES = ['lesson.started', 'lesson.completed', ...LEARNER_GUIDE_EVENT_TYPES, ...RESIDENT_EVENT_TYPES] as const;

export const eventSchema = z.discriminatedUnion('type', [lessonStartedSchema, lessonCompletedSchema, sessionJoinedSchema, householdJoinedSchema, ...residentEventSchemas]);

export type LearningEvent = z.infer<typeof eventSchema>;
export type LessonCompletedEvent = z.infer<typeof lessonCompletedSchema>;
export type LessonStartedEvent = z.infer<typeof lessonStartedSchema>;
