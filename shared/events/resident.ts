// Resident events: consent, the optional profile, and the request to delete
// everything. Consent comes first: the phone queues `profile.updated` only
// while consent stands, and the server rejects a `profile.updated` from a
// learner without consent on record (a tampered or replayed phone).
import { z } from 'zod';
import { CONSENT_PURPOSE, PRIVACY_NOTICE_VERSION } from '../privacy.ts';
import { learnerEnvelope } from './envelope.ts';
import { groupIdSchema } from './primitives.ts';
import { GENDERS, MAX_BIRTH_YEAR, MIN_BIRTH_YEAR, type ProfileDetails as PlainProfileDetails } from '../resident/profile-constants.ts';

// The constants live in a zod-free module so phone code can use them without this file.
export { EMPTY_PROFILE, GENDERS, MAX_BIRTH_YEAR, MIN_BIRTH_YEAR } from '../resident/profile-constants.ts';

const noticeVersion = z.number().int().min(1).max(PRIVACY_NOTICE_VERSION, 'unknown privacy notice version');

/** Each field optional: null means "not given" (or cleared). */
export const profileDetailsSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(40).nullable(),
  birthYear: z.number().int().min(MIN_BIRTH_YEAR).max(MAX_BIRTH_YEAR).nullable(),
  gender: z.enum(GENDERS).nullable(),
  residentialGroupId: groupIdSchema.nullable(),
  /** Civil servants: the office they work in. */
  unit: z.string().trim().min(1).max(120).nullable(),
});
export type ProfileDetails = z.infer<typeof profileDetailsSchema>;
// The plain shape phones use must stay the schema's shape, both ways.
const sameShape: [ProfileDetails, PlainProfileDetails] extends [PlainProfileDetails, ProfileDetails] ? true : never = true;
void sameShape;

export const consentGivenSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('consent.given'),
  noticeVersion,
  purpose: z.literal(CONSENT_PURPOSE),
});

export const consentWithdrawnSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('consent.withdrawn'),
  noticeVersion,
});

/** A full snapshot of the profile (not a patch), so the last one received wins. */
export const profileUpdatedSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('profile.updated'),
  profile: profileDetailsSchema,
});

/** Queued so deletion works offline; the server erases the learner when it arrives. */
export const learnerDeletionRequestedSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('learner.deletion-requested'),
});

export const RESIDENT_EVENT_TYPES = ['consent.given', 'consent.withdrawn', 'profile.updated', 'learner.deletion-requested'] as const;
export const residentEventSchemas = [consentGivenSchema, consentWithdrawnSchema, profileUpdatedSchema, learnerDeletionRequestedSchema] as const;

export type ConsentGivenEvent = z.infer<typeof consentGivenSchema>;
export type ConsentWithdrawnEvent = z.infer<typeof consentWithdrawnSchema>;
export type ProfileUpdatedEvent = z.infer<typeof profileUpdatedSchema>;
export type LearnerDeletionRequestedEvent = z.infer<typeof learnerDeletionRequestedSchema>;
export type ResidentEvent = ConsentGivenEvent | ConsentWithdrawnEvent | ProfileUpdatedEvent | LearnerDeletionRequestedEvent;
