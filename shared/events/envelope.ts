// The envelope: the fields every record carries, by who records it. A record
// is an immutable fact made offline and synced later; its id (UUID v7, made
// where it happened) is the server's primary key, so a resent record is a
// duplicate and never a second row. Extend with new fields and types; never
// rename a type or a field (phones in the field keep old code for a while).
import { deviceIdSchema, isoTimeSchema, staffUserIdSchema, uuidSchema } from './primitives.ts';

export { deviceIdSchema, uuidSchema } from './primitives.ts';

/** Made on a resident's phone under the learner's own identity. */
export const learnerEnvelope = {
  id: uuidSchema,
  learnerId: uuidSchema,
  deviceId: deviceIdSchema,
  /** The phone's clock: kept for reports, never trusted for security decisions. */
  occurredAt: isoTimeSchema,
};
/** Made on a staff member's phone (a guide) under their login. */
export const staffEnvelope = {
  id: uuidSchema,
  /** The staff user id; the server requires it to be the logged-in user. */
  recordedBy: staffUserIdSchema,
  deviceId: deviceIdSchema,
  occurredAt: isoTimeSchema,
};

/** The envelope's field names, by family: what newEvent() fills in. */
export type LearnerEnvelopeKey = keyof typeof learnerEnvelope;
export type StaffEnvelopeKey = keyof typeof staffEnvelope;
