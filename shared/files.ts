// Stored files (evidence photos and scans of the units' outreach, later the
// news stories' photos): the types the server accepts, its size limit and how
// a record names a file. A file is named by the SHA-256 of its bytes, so a
// phone that sends it twice never makes a second copy.
import { z } from 'zod';
import { MAX_STORED_FILE_BYTES, SHA256_PATTERN, STORED_FILE_TYPES } from './file-types.ts';

export * from './file-types.ts';

export const sha256Schema = z.string().regex(SHA256_PATTERN, 'must be a SHA-256 in lower-case hex');

/** A file as a record names it: the hash the phone sent it under (the server maps it to the stored copy). */
export const fileRefSchema = z.strictObject({
  sha256: sha256Schema,
  type: z.enum(STORED_FILE_TYPES),
  bytes: z.number().int().min(1).max(MAX_STORED_FILE_BYTES),
  /** The name on the phone, shown to the office; never used to find the type. */
  name: z.string().trim().min(1).max(200).optional(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

/** The server's answer to an upload: the stored copy (its hash is of the cleaned bytes). */
export const storedFileSchema = z.object({
  sha256: sha256Schema,
  type: z.enum(STORED_FILE_TYPES),
  bytes: z.number(),
  /** The hash the bytes were sent under. */
  sentSha256: sha256Schema,
});
export type StoredFile = z.infer<typeof storedFileSchema>;

/** A stored file as a list shows it. */
export const fileLinkSchema = z.object({
  sha256: sha256Schema,
  type: z.enum(STORED_FILE_TYPES),
  bytes: z.number(),
  name: z.string().nullable(),
});
export type FileLink = z.infer<typeof fileLinkSchema>;
