// The file store (server/files/file-store.ts): each stored file once, under
// the SHA-256 of its cleaned bytes, in DATA_DIR/files/; and which hash each
// upload was sent under, so a phone resending the same bytes (or naming them
// in a record) finds the stored copy. Features keep their own links to a file
// (unit_files, unit_activity_files).
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const storedFiles = sqliteTable('stored_files', {
  sha256: text('sha256').primaryKey(),
  type: text('type').notNull(),
  bytes: integer('bytes').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const storedFileUploads = sqliteTable(
  'stored_file_uploads',
  {
    /** The hash of the bytes as sent (before the metadata was removed). */
    sentSha256: text('sent_sha256').primaryKey(),
    sha256: text('sha256')
      .notNull()
      .references(() => storedFiles.sha256),
  },
  (t) => [index('stored_file_uploads_file_idx').on(t.sha256)],
);
