// The ward profile: the ward's name, its residential groups (tổ dân phố) with
// the figures coverage is measured against, and the public channels residents
// are pointed to. One ward per server. A fresh server starts on a clearly
// labelled SAMPLE (inserted by the ward migration) that the admin replaces.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const wardProfile = sqliteTable('ward_profile', {
  /** Always 1: a server serves exactly one ward. */
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  /** True while the ward still runs on the shipped sample profile. */
  isSample: integer('is_sample', { mode: 'boolean' }).notNull(),
  /** JSON array of wardChannelSchema. */
  channels: text('channels').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const residentialGroups = sqliteTable('residential_groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Adults living in the group; null until the ward office enters it. */
  adultPopulation: integer('adult_population'),
  households: integer('households'),
  /** True while the figures are the sample's, not the ward office's. */
  figuresAreSample: integer('figures_are_sample', { mode: 'boolean' }).notNull(),
  sortOrder: integer('sort_order').notNull(),
});
