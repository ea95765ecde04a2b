// The city's list of its localities (server/localities/registry.ts). It lives
// in the city's own store (the default SQLite file or PostgreSQL schema);
// each locality's data lives in a store of its own (localities/stores.ts).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const localities = sqliteTable('localities', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  /** ward, commune or special-zone (shared/localities/locality.ts). */
  kind: text('kind').notNull(),
  createdAt: integer('created_at').notNull(),
});
