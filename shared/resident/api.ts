// Request and response shapes of the resident's own endpoints: recovery
// codes, certificates and the resident's data (see server/routes/resident-*.ts).
import { z } from 'zod';
import { CERTIFICATE_BASES } from './certificate-holder.ts';
import { secretSchema, slugSchema, uuidSchema } from '../events/primitives.ts';
import { profileDetailsSchema } from '../events/resident.ts';

/** How long a recovery code works: moving phones takes minutes, and a code
 * left lying around (written on paper, in a photo) should not open the
 * learner's record for ever. */
export const RECOVERY_CODE_LIFETIME_MS = 24 * 3_600_000;
/** expiresAt: when the code stops working (ISO time). */
export const recoveryCodeResponseSchema = z.object({ code: z.string(), expiresAt: z.string() });

export const redeemRecoverySchema = z.strictObject({
  /** As typed or scanned; normalized by the server. */
  code: z.string().max(40),
  /** The new phone's own secret for this learner; only its hash is stored. */
  secret: secretSchema,
});

export const consentStateSchema = z.object({ noticeVersion: z.number(), givenAt: z.string() }).nullable();

export const completionSchema = z.object({ courseId: z.string(), lessonId: z.string(), score: z.number(), occurredAt: z.string() });

export const redeemRecoveryResponseSchema = z.object({
  learnerId: uuidSchema,
  profile: profileDetailsSchema.nullable(),
  consent: consentStateSchema,
  completions: z.array(completionSchema),
});
export type RedeemRecoveryResponse = z.infer<typeof redeemRecoveryResponseSchema>;

/**
 * Whether a certificate stands today: `valid` while the completions behind it
 * count; `under-review` while some of them are held by a plausibility rule
 * (server/integrity), until a reviewer decides; `withdrawn` once a reviewer
 * dismissed them. The phone and /verify say the same.
 */
export const CERTIFICATE_STANDINGS = ['valid', 'under-review', 'withdrawn'] as const;
export type CertificateStanding = (typeof CERTIFICATE_STANDINGS)[number];

export const certificateSchema = z.object({
  code: z.string(),
  /** A course id, or "digital-citizen". */
  courseId: z.string(),
  issuedAt: z.string(),
  standing: z.enum(CERTIFICATE_STANDINGS),
  /** What it certifies (shared/resident/certificate-holder.ts): self-study, or confirmed in person by a team (key) on a day. */
  basis: z.object({ kind: z.enum(CERTIFICATE_BASES), team: z.string().nullable(), date: z.iso.date().nullable() }),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const claimCertificateSchema = z.strictObject({
  courseId: slugSchema,
});
export const certificateListSchema = z.object({ certificates: z.array(certificateSchema) });

/** GET /api/v1/me: everything the server holds about the learner. */
export const myDataSchema = z.object({
  learner: z.object({ id: uuidSchema, createdAt: z.string() }),
  profile: profileDetailsSchema.nullable(),
  consent: consentStateSchema,
  certificates: z.array(certificateSchema),
  devices: z.array(z.object({ deviceId: z.string(), lastSyncAt: z.string() })),
  events: z.array(
    z.object({ id: z.string(), type: z.string(), occurredAt: z.string(), receivedAt: z.string(), payload: z.unknown() }),
  ),
});
export type MyData = z.infer<typeof myDataSchema>;
