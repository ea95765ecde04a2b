// Stored files (evidence photos and scans of the units' outreach, later the
// news stories' photos): the types the server accepts, its size limit and how
// a record names a file. A file is named by the SHA-256 of its bytes, so a
// phone that sends it twice never makes a second copy.
import { z } from 'zod';

/** What the store accepts, recognised by the file's first bytes, never by its name. */
export const STORED_FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type StoredFileType = (typeof STORED_FILE_TYPES)[number];

/**
 * 8 MiB. A phone photo is scaled down on the phone to at most 1,600 px
 * (EVIDENCE_PHOTO_MAX_PX) and is then well under 1 MB; what needs the room is
 * a PDF scan of a few pages, which the phone sends as it is. Over a slow
 * mobile link (about 1 Mbit/s) 8 MiB is a minute of upload, and a year of a
 * ward's evidence at this size stays within an ordinary server disk.
 */
export const MAX_STORED_FILE_BYTES = 8 * 1024 * 1024;
/** The longest side of a photo after the phone scales it down. */
export const EVIDENCE_PHOTO_MAX_PX = 1_600;
/** Files one activity may name. */
export const MAX_FILES_PER_ACTIVITY = 6;

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
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
