// A zip reader for uploaded files that never trusts the file: the central
// directory is read first (entry count, declared sizes) and refused before
// anything is unpacked when it asks for more than the caller allows; then an
// entry is inflated by node's zlib with a hard output cap, so a size header
// that lies stops the inflate at the cap instead of filling memory. Only what
// the caller asks for is unpacked. Zip64, encryption and methods other than
// stored and deflate are refused: no spreadsheet a ward keeps needs them.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the file declares it; the inflate holds it to this. */
  size: number;
  localOffset: number;
}

/** Why a zip was refused: `invalid` (not a readable zip) or a limit it broke. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: 'invalid' | 'too_many_entries' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

const END_SIG = 0x06054b50;
const DIR_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The central directory's entries, refused when there are more than `maxEntries`. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): Map<string, ZipEntry> {
  const v = view(bytes);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - MAX_COMMENT); i--) {
    if (v.getUint32(i, true) === END_SIG) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipRefused('invalid', 'not a zip archive (no central directory)');
  const count = v.getUint16(end + 10, true);
  const dirSize = v.getUint32(end + 12, true);
  const dirOffset = v.getUint32(end + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipRefused('invalid', 'zip64 archives are not supported');
  if (count > maxEntries) throw new ZipRefused('too_many_entries', `the archive holds ${count} files (at most ${maxEntries})`);
  if (dirOffset + dirSize > end) throw new ZipRefused('invalid', 'the zip directory is outside the file');
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || v.getUint32(p, true) !== DIR_SIG) throw new ZipRefused('invalid', 'the zip directory is damaged');
    const flags = v.getUint16(p + 8, true);
    const nameLength = v.getUint16(p + 28, true);
    const skip = nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
    if (p + 46 + skip > end) throw new ZipRefused('invalid', 'the zip directory is damaged');
    if (flags & 1) throw new ZipRefused('invalid', 'encrypted archives are not supported');
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.set(name, {
      name,
      method: v.getUint16(p + 10, true),
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      localOffset: v.getUint32(p + 42, true),
    });
    p += 46 + skip;
  }
  return entries;
}

/** An entry's bytes, refused when its declared size passes `maxBytes` or its data unpacks to more than it declares. */
export function unzipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.size > maxBytes) throw new ZipRefused('too_large', `${entry.name} unpacks to ${entry.size} bytes (at most ${maxBytes})`);
  const v = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || v.getUint32(at, true) !== LOCAL_SIG) throw new ZipRefused('invalid', `${entry.name}: damaged entry`);
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipRefused('invalid', `${entry.name}: the entry runs past the end of the file`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      // One byte over the declared size is enough to know the header lied.
      out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefused('too_large', `${entry.name} unpacks to more than it declares`);
      throw new ZipRefused('invalid', `${entry.name}: damaged compressed data`);
    }
  } else throw new ZipRefused('invalid', `${entry.name}: compression method ${entry.method} is not supported`);
  if (out.length !== entry.size) throw new ZipRefused(out.length > entry.size ? 'too_large' : 'invalid', `${entry.name} does not unpack to its declared size`);
  return out;
}
