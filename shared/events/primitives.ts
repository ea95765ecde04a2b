// The primitives every record and API schema is built from: ids, the phone's
// device id, slugs, residential group ids, secrets and times. This is their
// only definition; the event families (shared/events/*.ts), the API schemas
// and the server all import them from here.
import { z } from 'zod';
import { DEVICE_ID_PATTERN, GROUP_ID_PATTERN, SECRET_PATTERN, SLUG_PATTERN, UUID_PATTERN } from './patterns.ts';

/** A lowercase UUID (records use v7, see shared/ids.ts). */
export const uuidSchema = z.string().regex(UUID_PATTERN, 'must be a lowercase UUID');
/** Made once per phone (or per guide-mode install) and kept there. */
export const deviceIdSchema = z.string().regex(DEVICE_ID_PATTERN, 'must be 8–64 letters, digits, "-" or "_"');
/** Course and lesson ids. */
export const slugSchema = z.string().regex(SLUG_PATTERN).max(80);
/** A residential group's id, chosen by the ward. */
export const groupIdSchema = z.string().regex(GROUP_ID_PATTERN);
/** A learner's device secret (shared/ids.ts newSecret), base64url. */
export const secretSchema = z.string().regex(SECRET_PATTERN, 'must be 22–128 base64url characters');
/** A staff user's id (users.id). */
export const staffUserIdSchema = z.string().min(1).max(64);
/** A time with its offset, as phones write it (Date.toISOString()). */
export const isoTimeSchema = z.iso.datetime({ offset: true });
/** The compiled course's version hash a completion was made against. */
export const contentVersionSchema = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/);
/** Share of quiz questions right on the first try. */
export const scoreSchema = z.number().int().min(0).max(100);
/** Time spent on a lesson, at most a day. */
export const durationSecSchema = z.number().int().min(0).max(86_400);
