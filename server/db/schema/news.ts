// Ward news ("Tin phường"): short items staff write, VH-XH approves and
// publishes. One row per story, its current version; every write is in the
// audit log. The Markdown source and the HTML made from it at save time are
// both kept, so readers never parse Markdown. Times are epoch milliseconds (UTC).
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './core.ts';
import { units } from './plans.ts';

export const stories = sqliteTable(
  'stories',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['typical-model', 'support-policy', 'plan-posted', 'announcement'] }).notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'published', 'unpublished'] }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    html: text('html').notNull(),
    namesPrivate: integer('names_private', { mode: 'boolean' }).notNull(),
    /** Who ticked "they agreed to be named", and when; null while not given. */
    consentBy: text('consent_by').references(() => users.id),
    consentAt: integer('consent_at'),
    unitId: text('unit_id').references(() => units.id),
    /** JSON: [{sha256, alt}] of the evidence-file store's pictures. */
    photos: text('photos').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    approvedBy: text('approved_by').references(() => users.id),
    approvedAt: integer('approved_at'),
    /** First publication; kept when unpublished and published again. */
    publishedAt: integer('published_at'),
  },
  (t) => [index('stories_status_idx').on(t.status, t.publishedAt), index('stories_unit_idx').on(t.unitId, t.updatedAt)],
);

/**
 * Photos uploaded for stories (the file store keeps the bytes): who uploaded
 * each and for which unit, so a story may only name photos uploaded for
 * stories (never a unit's private evidence) and an officer sees only their
 * unit's. A photo is public only while a published story names it.
 */
export const storyFiles = sqliteTable(
  'story_files',
  {
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    /** The uploader's unit (a unit officer); null for the office. */
    unitId: text('unit_id').references(() => units.id),
    uploadedAt: integer('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.uploadedBy] }), index('story_files_unit_idx').on(t.unitId, t.sha256)],
);
