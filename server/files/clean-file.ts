// What a stored file is and what it must not carry. The type comes from the
// first bytes (magic numbers), never from a name or a Content-Type header.
// Photos lose every block that can hold where and when they were taken:
//   JPEG: APP1 (Exif, with its GPS IFD, and XMP) and APP13 (Photoshop/IPTC);
//   PNG:  eXIf and the text chunks (tEXt, iTXt, zTXt, where XMP lives);
//   WebP: the EXIF and XMP chunks (and their flags in VP8X).
// The image data itself is copied byte for byte. A PDF keeps its length and
// structure; its embedded photos' Exif, its XMP packet and its document
// information are overwritten in place (clean-pdf.ts).
import { sniffType, type StoredFileType } from '../../shared/files.ts';
import { cleanPdf } from './clean-pdf.ts';

export { sniffType } from '../../shared/files.ts';

export class FileRefused extends Error {
  constructor(
    readonly code: 'unsupported_type' | 'invalid_file' | 'hash_mismatch' | 'empty_file',
    message: string,
  ) {
    super(message);
  }
}

/** The file's type and its bytes without location metadata; FileRefused when it is not a well-formed file of an accepted type. */
export function cleanFile(bytes: Uint8Array): { type: StoredFileType; bytes: Uint8Array } {
  const type = sniffType(bytes);
  if (!type) throw new FileRefused('unsupported_type', 'Only JPEG, PNG and WebP photos and PDF files are accepted');
  if (type === 'image/jpeg') return { type, bytes: cleanJpeg(bytes) };
  if (type === 'image/png') return { type, bytes: cleanPng(bytes) };
  if (type === 'image/webp') return { type, bytes: cleanWebp(bytes) };
  return { type, bytes: cleanPdf(bytes) };
}

const broken = (what: string) => new FileRefused('invalid_file', `The ${what} file is damaged or not what its first bytes say`);
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
};

/** JPEG markers whose segment is dropped: APP1 (Exif, XMP) and APP13 (Photoshop IRB, IPTC). */
const JPEG_DROPPED = new Set([0xe1, 0xed]);

export function cleanJpeg(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let at = 2;
  for (;;) {
    if (at + 1 >= b.length || b[at] !== 0xff) throw broken('JPEG');
    const marker = b[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    // No length: restart markers, TEM, and the end of the image.
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(b.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (marker === 0xd9) {
      parts.push(b.subarray(at, at + 2));
      return concat(parts);
    }
    if (at + 4 > b.length) throw broken('JPEG');
    const length = (b[at + 2] << 8) | b[at + 3];
    if (length < 2 || at + 2 + length > b.length) throw broken('JPEG');
    // Start of scan: the entropy-coded image data and everything after it is copied as it is.
    if (marker === 0xda) {
      parts.push(b.subarray(at));
      return concat(parts);
    }
    if (!JPEG_DROPPED.has(marker)) parts.push(b.subarray(at, at + 2 + length));
    at += 2 + length;
  }
}

const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

export function cleanPng(b: Uint8Array): Uint8Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  let at = 8;
  for (;;) {
    if (at + 12 > b.length) throw broken('PNG');
    const length = view.getUint32(at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > b.length || !/^[A-Za-z]{4}$/.test(type)) throw broken('PNG');
    if (!PNG_DROPPED.has(type)) parts.push(b.subarray(at, end));
    at = end;
    if (type === 'IEND') return concat(parts);
  }
}

const WEBP_DROPPED = new Set(['EXIF', 'XMP ']);
/** VP8X flag bits that announce the dropped chunks. */
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

export function cleanWebp(b: Uint8Array): Uint8Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > b.length || riffEnd < 12) throw broken('WebP');
  const parts: Uint8Array[] = [];
  let at = 12;
  while (at < riffEnd) {
    if (at + 8 > riffEnd) throw broken('WebP');
    const type = String.fromCharCode(...b.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size & 1);
    if (at + 8 + size > riffEnd) throw broken('WebP');
    if (type === 'VP8X') {
      const chunk = b.slice(at, Math.min(end, riffEnd));
      if (chunk.length > 8) chunk[8] &= ~(VP8X_EXIF | VP8X_XMP);
      parts.push(chunk);
    } else if (!WEBP_DROPPED.has(type)) parts.push(b.subarray(at, Math.min(end, riffEnd)));
    at = end;
  }
  const body = concat(parts);
  const out = new Uint8Array(12 + body.length);
  out.set(b.subarray(0, 12));
  new DataView(out.buffer).setUint32(4, 4 + body.length, true);
  out.set(body, 12);
  return out;
}
