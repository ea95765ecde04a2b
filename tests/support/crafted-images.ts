// Image files built byte by byte for the file store's tests: a real 16×16
// JPEG, a 1×1 PNG and a WebP container, each carrying location metadata the
// store must remove (an Exif block with a GPS IFD, PNG text and eXIf chunks,
// WebP EXIF and XMP chunks).
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** A 16×16 baseline JPEG (JFIF), decodable by any browser. */
export const PLAIN_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSgBBwcHCggKEwoKEygaFhooKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKP/AABEIABAAEAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AJ0h0S6hRIEsrNgwPmQJbliMHj55mGPwzxXwbniYNuV5evN+kUfbOeMpybk5S8m5/pBP8Q8qaySWZfsUtsjYUrJbvIy5wD5aRMc9MgZx64GaOaNRqOqb8pJfe5L9A54VmovmUn5TS+9zS++1y/5UN68sy/bYrh1+UrJcJGrYwDsSJRjpkDGfXJzXPzSpJR0aXlFv73J/qc3POilF8rivKDf3ubf33sNcaxp2Xzd3FukfmPPGs6IgGc5MkykYAznGPeqX1etpone1nytv7osqLwuI00i27JPkbfpywf8Amf/Z',
  'base64',
);

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A TIFF (Exif) block, little-endian: IFD0 points to a GPS IFD holding latitude 21° 1′ 40″ N. */
export function gpsTiff(): Buffer {
  const b = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 2 * 12 + 4 + 24);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  let at = 8;
  b.writeUInt16LE(1, at); // IFD0: one entry
  b.writeUInt16LE(0x8825, at + 2); // GPSInfo
  b.writeUInt16LE(4, at + 4); // LONG
  b.writeUInt32LE(1, at + 6);
  const gpsIfd = 8 + 2 + 12 + 4;
  b.writeUInt32LE(gpsIfd, at + 10);
  b.writeUInt32LE(0, at + 14);
  at = gpsIfd;
  b.writeUInt16LE(2, at);
  b.writeUInt16LE(1, at + 2); // GPSLatitudeRef
  b.writeUInt16LE(2, at + 4); // ASCII
  b.writeUInt32LE(2, at + 6);
  b.write('N\0', at + 10, 'latin1');
  const rationals = gpsIfd + 2 + 2 * 12 + 4;
  b.writeUInt16LE(2, at + 14); // GPSLatitude
  b.writeUInt16LE(5, at + 16); // RATIONAL
  b.writeUInt32LE(3, at + 18);
  b.writeUInt32LE(rationals, at + 22);
  b.writeUInt32LE(0, at + 26);
  [21, 1, 1, 1, 40, 1].forEach((v, i) => b.writeUInt32LE(v, rationals + i * 4));
  return b;
}

/** An APP1 Exif segment carrying the GPS block. */
export function exifSegment(): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), gpsTiff()]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** An APP1 XMP segment naming a place. */
export function xmpSegment(): Buffer {
  const payload = Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>21,1.6667N</exif:GPSLatitude></x:xmpmeta>', 'latin1');
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A JPEG as a phone camera writes it: Exif with GPS (and XMP) right after the start of the image. */
export function jpegWithGps(jpeg: Uint8Array = PLAIN_JPEG): Buffer {
  const b = Buffer.from(jpeg);
  return Buffer.concat([b.subarray(0, 2), exifSegment(), xmpSegment(), b.subarray(2)]);
}

/** The 16×16 JPEG with a comment segment (kept by the store): a different picture's bytes, for a second stored file. */
export function jpegWithComment(text: string, jpeg: Uint8Array = PLAIN_JPEG): Buffer {
  const b = Buffer.from(jpeg);
  const body = Buffer.from(text, 'latin1');
  const head = Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([b.subarray(0, 2), head, body, b.subarray(2)]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A 1×1 red PNG with an eXIf GPS chunk and text chunks naming a place. */
export function pngWithMetadata(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('eXIf', gpsTiff()),
    pngChunk('tEXt', Buffer.from('Comment\0GPS 21.0278 N 105.8342 E', 'latin1')),
    pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<exif:GPSLatitude>21,1.6667N</exif:GPSLatitude>', 'latin1')),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function riffChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** A WebP container (VP8X announcing EXIF and XMP) with an EXIF GPS chunk and an XMP chunk. */
export function webpWithMetadata(): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riffChunk('VP8X', vp8x),
    riffChunk('VP8L', Buffer.from([0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0])),
    riffChunk('EXIF', gpsTiff()),
    riffChunk('XMP ', Buffer.from('<exif:GPSLatitude>21,1.6667N</exif:GPSLatitude>', 'latin1')),
  ]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

/** A one-page PDF (kept as it is by the store). */
export const PLAIN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/**
 * A one-page PDF as a phone's scanner app writes it: the page is a camera
 * JPEG with Exif GPS (uncompressed, DCTDecode), the document information
 * names the person who scanned it, and an XMP packet repeats it. A correct
 * xref table, so a PDF reader opens it.
 */
export function pdfWithMetadata(): Buffer {
  const jpeg = jpegWithGps();
  const xmp =
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Nguyen Van Quet</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>';
  const content = 'q 200 0 0 200 0 0 cm /Im1 Do Q';
  const objects: Buffer[] = [
    Buffer.from('<</Type/Catalog/Pages 2 0 R/Metadata 6 0 R>>', 'latin1'),
    Buffer.from('<</Type/Pages/Kids[3 0 R]/Count 1>>', 'latin1'),
    Buffer.from('<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Resources<</XObject<</Im1 4 0 R>>>>/Contents 5 0 R>>', 'latin1'),
    Buffer.concat([Buffer.from(`<</Type/XObject/Subtype/Image/Width 8/Height 8/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/DCTDecode/Length ${jpeg.length}>>\nstream\n`, 'latin1'), jpeg, Buffer.from('\nendstream', 'latin1')]),
    Buffer.from(`<</Length ${content.length}>>\nstream\n${content}\nendstream`, 'latin1'),
    Buffer.from(`<</Type/Metadata/Subtype/XML/Length ${Buffer.byteLength(xmp, 'utf8')}>>\nstream\n${xmp}\nendstream`, 'utf8'),
    Buffer.from('<</Author (Nguyen Van Quet \\(to 5\\) (nha so 12)) /Producer <FEFF0053> /CreationDate (D:20250601083000+07\'00\') /Title (Bien ban)>>', 'latin1'),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<</Size ${objects.length + 1}/Root 1 0 R/Info 7 0 R>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** Whether the bytes still hold any of the crafted location data. */
export function hasLocation(b: Uint8Array): boolean {
  const s = Buffer.from(b).toString('latin1');
  return s.includes('Exif\0\0') || s.includes('GPS') || Buffer.from(b).includes(gpsTiff());
}
