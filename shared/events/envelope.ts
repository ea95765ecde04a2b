// Fields every learning event carries, in their own module so that event
// families in shared/events/*.ts can build on them without importing the
// union in shared/events.ts (which imports them).
import { z } from 'zod';

export const uuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a lowercase UUID');
export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"');

export const envelope = {
  id: uuidSchema,
  learnerId: uuidSchema,
  deviceId: deviceIdSchema,
  /** The phone's clock: kept for reports, never trusted for security decisions. */
  occurredAt: z.iso.datetime({ offset: true }),
};
