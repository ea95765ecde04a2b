import { describe, expect, it } from 'vitest';
import { hasLocation, jpegWithGps, PLAIN_JPEG, PLAIN_PDF, pngWithMetadata, webpWithMetadata } from '../../tests/support/crafted-images.ts';
import { cleanFile, FileRefused, sniffType } from './clean-file.ts';

const refusal = (bytes: Uint8Array) => {
  try {
    cleanFile(bytes);
  } catch (err) {
    if (err instanceof FileRefused) return err.code;
    throw err;
  }
  return 'accepted';
};

describe('cleanFile', () => {
  it('finds the type by the first bytes, never by a name', () => {
    expect(sniffType(PLAIN_JPEG)).toBe('image/jpeg');
    expect(sniffType(pngWithMetadata())).toBe('image/png');
    expect(sniffType(webpWithMetadata())).toBe('image/webp');
    expect(sniffType(PLAIN_PDF)).toBe('application/pdf');
    expect(sniffType(Buffer.from('GIF89a...'))).toBeUndefined();
    expect(sniffType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });

  it('drops the Exif (GPS) and XMP segments of a JPEG and keeps the image data byte for byte', () => {
    const sent = jpegWithGps();
    expect(hasLocation(sent)).toBe(true);
    const { type, bytes } = cleanFile(sent);
    expect(type).toBe('image/jpeg');
    expect(hasLocation(bytes)).toBe(false);
    expect(Buffer.from(bytes).equals(PLAIN_JPEG)).toBe(true);
  });

  it('leaves a JPEG without metadata as it is', () => {
    expect(Buffer.from(cleanFile(PLAIN_JPEG).bytes).equals(PLAIN_JPEG)).toBe(true);
  });

  it('drops the eXIf and text chunks of a PNG', () => {
    const sent = pngWithMetadata();
    expect(hasLocation(sent)).toBe(true);
    const { bytes } = cleanFile(sent);
    expect(hasLocation(bytes)).toBe(false);
    const text = Buffer.from(bytes).toString('latin1');
    for (const kept of ['IHDR', 'IDAT', 'IEND']) expect(text).toContain(kept);
    for (const gone of ['eXIf', 'tEXt', 'iTXt']) expect(text).not.toContain(gone);
  });

  it('drops the EXIF and XMP chunks of a WebP, clears their flags and fixes the RIFF size', () => {
    const { bytes } = cleanFile(webpWithMetadata());
    const b = Buffer.from(bytes);
    expect(hasLocation(b)).toBe(false);
    expect(b.toString('latin1')).not.toContain('XMP ');
    expect(b.readUInt32LE(4)).toBe(b.length - 8);
    expect(b[20] & 0x0c).toBe(0); // VP8X flags
    expect(b.toString('latin1')).toContain('VP8L');
  });

  it('leaves a PDF with nothing to remove byte for byte', () => {
    expect(Buffer.from(cleanFile(PLAIN_PDF).bytes).equals(PLAIN_PDF)).toBe(true);
  });

  it('refuses other types and damaged files', () => {
    expect(refusal(Buffer.from('just text'))).toBe('unsupported_type');
    expect(refusal(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toBe('invalid_file');
    expect(refusal(PLAIN_JPEG.subarray(0, 40))).toBe('invalid_file');
    expect(refusal(pngWithMetadata().subarray(0, 50))).toBe('invalid_file');
    const webp = webpWithMetadata();
    webp.writeUInt32LE(0xffffff, 4);
    expect(refusal(webp)).toBe('invalid_file');
  });
});
