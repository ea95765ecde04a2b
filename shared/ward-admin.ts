// Admin-side shapes of the ward profile: what the office edits (figures
// included). The public shape phones read is wardProfileSchema in api.ts.
import { z } from 'zod';
import { residentialGroupSchema, wardChannelSchema } from './api.ts';

const figure = z.number().int().min(0).max(1_000_000).nullable();

export const adminGroupSchema = residentialGroupSchema.extend({
  adultPopulation: figure,
  households: figure,
  /** True while the figures are the shipped sample's. */
  figuresAreSample: z.boolean(),
});
export type AdminGroup = z.infer<typeof adminGroupSchema>;

export const adminWardSchema = z.object({
  name: z.string(),
  isSample: z.boolean(),
  groups: z.array(adminGroupSchema),
  channels: z.array(wardChannelSchema),
});
export type AdminWard = z.infer<typeof adminWardSchema>;

/** PUT body: replaces name and channels (groups are edited one by one). */
export const updateWardSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  channels: z.array(wardChannelSchema.strict()).max(20),
});

/** PUT /ward/groups/:id body: creates or replaces one group; figures
 * entered here are the office's own, so they stop being "sample". */
export const upsertGroupSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  adultPopulation: figure.default(null),
  households: figure.default(null),
});
