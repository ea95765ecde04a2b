// A locality: a ward, commune or special zone that runs the movement in a
// city deployment, with its own residents, staff, plans and reports. (The
// word "unit" stays with the plan's offices.) A single-ward deployment has
// one implicit locality and never shows this.
import { z } from 'zod';

export const LOCALITY_KINDS = ['ward', 'commune', 'special-zone'] as const;
export type LocalityKind = (typeof LOCALITY_KINDS)[number];

/** What goes into addresses and QR codes: lower-case letters, digits and dashes, as a resident's link carries it. */
export const localitySlugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, 'lower-case letters, digits and dashes, at most 48, not starting or ending with a dash');

export const newLocalitySchema = z.strictObject({
  slug: localitySlugSchema,
  /** As the locality writes its own name: "Phường Kiến An". */
  name: z.string().trim().min(2).max(120),
  kind: z.enum(LOCALITY_KINDS),
});
export type NewLocality = z.infer<typeof newLocalitySchema>;

export interface Locality extends NewLocality {
  createdAt: string;
}
