// Guide-mode events. Two families:
// - learnerGuideEventSchemas: made on a RESIDENT's phone (checking in to a
//   session, joining a household by its QR); they travel in the learner's
//   outbox and POST /sync like lesson events.
// - guideEventSchema: made on a GUIDE's phone and accepted only from a guide's
//   cookie session at POST /guide/sync. The event names the guide as
//   recordedBy, and the server checks it against the session.
// Like every event: extend, never rename a type or a field.
import { z } from 'zod';
import { GENDERS, OUTCOMES, SESSION_CODE_LENGTH, SESSION_CODE_PATTERN } from '../guide/constants.ts';

// Repeated from ../events.ts (which imports this file) to avoid an import cycle.
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a lowercase UUID');
const deviceId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const isoTime = z.iso.datetime({ offset: true });
export const groupIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/);

export { GENDERS, OUTCOMES, SESSION_CODE_ALPHABET, SESSION_CODE_LENGTH } from '../guide/constants.ts';
export const sessionCodeSchema = z
  .string()
  .regex(SESSION_CODE_PATTERN, `must be ${SESSION_CODE_LENGTH} characters of the session code alphabet`);

const learnerEnvelope = { id: uuid, learnerId: uuid, deviceId, occurredAt: isoTime };

export const sessionJoinedSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('session.joined'),
  code: sessionCodeSchema,
  method: z.enum(['qr', 'code']),
});

export const householdJoinedSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('household.joined'),
  householdId: uuid,
});

export const learnerGuideEventSchemas = [sessionJoinedSchema, householdJoinedSchema] as const;
export const LEARNER_GUIDE_EVENT_TYPES = ['session.joined', 'household.joined'] as const;

const guideEnvelope = {
  id: uuid,
  /** The guide's staff user id; must be the logged-in guide. */
  recordedBy: z.string().min(1).max(64),
  deviceId,
  occurredAt: isoTime,
};

export const sessionCreatedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('session.created'),
  sessionId: uuid,
  code: sessionCodeSchema,
  title: z.string().trim().min(1).max(120),
  groupId: groupIdSchema,
  place: z.string().trim().min(1).max(160),
  startsAt: isoTime,
  durationMin: z.number().int().min(15).max(12 * 60),
  courses: z.array(slug).min(1).max(20),
});

export const sessionClosedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('session.closed'),
  sessionId: uuid,
});

export const assistedRegisteredSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('assisted.registered'),
  /** A new learner id made on the guide's phone; it never gets a device secret. */
  learnerId: uuid,
  name: z.string().trim().min(1).max(80),
  birthYear: z.number().int().min(1900).max(2100),
  gender: z.enum(GENDERS),
  groupId: groupIdSchema,
  /** The resident said yes out loud; the guide ticked the box at consentAt. */
  consent: z.literal(true),
  consentAt: isoTime,
  sessionId: uuid.optional(),
});

export const assistedLessonCompletedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('lesson.completed'),
  learnerId: uuid,
  courseId: slug,
  lessonId: slug,
  contentVersion: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/),
  score: z.number().int().min(0).max(100),
  durationSec: z.number().int().min(0).max(86_400),
  sessionId: uuid.optional(),
});

export const outcomeConfirmedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('outcome.confirmed'),
  learnerId: uuid,
  outcome: z.enum(OUTCOMES),
  sessionId: uuid.optional(),
});

export const householdCreatedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('household.created'),
  householdId: uuid,
  groupId: groupIdSchema,
  /** The label the ward already uses (house number and lane); no names. */
  label: z.string().trim().min(1).max(80),
});

export const householdLinkedSchema = z.strictObject({
  ...guideEnvelope,
  type: z.literal('household.linked'),
  householdId: uuid,
  learnerId: uuid,
});

export const guideEventSchema = z.discriminatedUnion('type', [
  sessionCreatedSchema,
  sessionClosedSchema,
  assistedRegisteredSchema,
  assistedLessonCompletedSchema,
  outcomeConfirmedSchema,
  householdCreatedSchema,
  householdLinkedSchema,
]);
export type GuideEvent = z.infer<typeof guideEventSchema>;
export type GuideEventOf<T extends GuideEvent['type']> = Extract<GuideEvent, { type: T }>;

export const GUIDE_EVENT_TYPES = [
  'session.created',
  'session.closed',
  'assisted.registered',
  'lesson.completed',
  'outcome.confirmed',
  'household.created',
  'household.linked',
] as const;
/** Types a learner credential may never send (lesson.completed is shared: a
 * learner sends their own, without recordedBy). */
export const GUIDE_ONLY_EVENT_TYPES: readonly string[] = GUIDE_EVENT_TYPES.filter((t) => t !== 'lesson.completed');
