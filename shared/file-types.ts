// What the file store accepts and how a file is recognised, apart from the
// schemas (no zod) so a phone can check a photo before keeping it.
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

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (b: Uint8Array, magic: number[], at = 0) => b.length >= at + magic.length && magic.every((m, i) => b[at + i] === m);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** A file's type from its first 12 bytes (magic numbers), or undefined: not one the store accepts. */
export function sniffType(b: Uint8Array): StoredFileType | undefined {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(b, ascii('%PDF-'))) return 'application/pdf';
  return undefined;
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
