// Guide-mode events, in two record families (shared/events.ts):
// - learnerGuideEventSchemas: made on a RESIDENT's phone (checking in to a
//   session, joining a household by its QR); they belong to the learner
//   family and travel with lesson events.
// - guideEventSchemas: made on a GUIDE's phone, the guide family, accepted
//   only from a guide's login. The event names the guide as recordedBy, and
//   the server checks it against the login.
// Like every event: extend, never rename a type or a field.
import { z } from 'zod';
import { GENDERS, OUTCOMES, SESSION_CODE_LENGTH, SESSION_CODE_PATTERN } from '../guide/constants.ts';
import { contentVersionSchema, durationSecSchema, groupIdSchema, isoTimeSchema, scoreSchema, slugSchema, uuidSchema } from './primitives.ts';
import { learnerEnvelope, staffEnvelope } from './envelope.ts';
import { audioRecordedSchema } from '../lesson-audio/schema.ts';

export { groupIdSchema } from './primitives.ts';
export { GENDERS, OUTCOMES, SESSION_CODE_ALPHABET, SESSION_CODE_LENGTH } from '../guide/constants.ts';
export const sessionCodeSchema = z
  .string()
  .regex(SESSION_CODE_PATTERN, `must be ${SESSION_CODE_LENGTH} characters of the session code alphabet`);

export const sessionJoinedSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('session.joined'),
  code: sessionCodeSchema,
  method: z.enum(['qr', 'code']),
});

export const householdJoinedSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('household.joined'),
  householdId: uuidSchema,
});

export const learnerGuideEventSchemas = [sessionJoinedSchema, householdJoinedSchema] as const;

const guideEnvelope = staffEnvelope;

export const sessionCreatedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('session.created'),
  sessionId: uuidSchema,
  code: sessionCodeSchema,
  title: z.string().trim().min(1).max(120),
  groupId: groupIdSchema,
  place: z.string().trim().min(1).max(160),
  startsAt: isoTimeSchema,
  durationMin: z.number().int().min(15).max(12 * 60),
  courses: z.array(slugSchema).min(1).max(20),
});

export const sessionClosedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('session.closed'),
  sessionId: uuidSchema,
});

export const assistedRegisteredSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('assisted.registered'),
  /** A new learner id made on the guide's phone; it never gets a device secret. */
  learnerId: uuidSchema,
  name: z.string().trim().min(1).max(80),
  birthYear: z.number().int().min(1900).max(2100),
  /** null: the resident did not say (the form's default, as on a resident's own profile). */
  gender: z.enum(GENDERS).nullable(),
  groupId: groupIdSchema,
  /** The resident said yes out loud; the guide ticked the box at consentAt. */
  consent: z.literal(true),
  consentAt: isoTimeSchema,
  sessionId: uuidSchema.optional(),
});

export const assistedLessonCompletedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('lesson.completed'),
  learnerId: uuidSchema,
  courseId: slugSchema,
  lessonId: slugSchema,
  contentVersion: contentVersionSchema,
  score: scoreSchema,
  durationSec: durationSecSchema,
  sessionId: uuidSchema.optional(),
});

export const outcomeConfirmedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('outcome.confirmed'),
  learnerId: uuidSchema,
  outcome: z.enum(OUTCOMES),
  sessionId: uuidSchema.optional(),
});

export const householdCreatedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('household.created'),
  householdId: uuidSchema,
  groupId: groupIdSchema,
  /** The label the ward already uses (house number and lane); no names. */
  label: z.string().trim().min(1).max(80),
});

export const householdLinkedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('household.linked'),
  householdId: uuidSchema,
  learnerId: uuidSchema,
});

/** Every type a guide's phone records; the family is defined in shared/events.ts. */
export const guideEventSchemas = [
  sessionCreatedSchema,
  sessionClosedSchema,
  assistedRegisteredSchema,
  assistedLessonCompletedSchema,
  outcomeConfirmedSchema,
  householdCreatedSchema,
  householdLinkedSchema,
  audioRecordedSchema,
] as const;
