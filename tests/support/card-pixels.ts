// Reading a downloaded PNG back: its size from the header, and its pixels
// decoded by the browser itself (createImageBitmap needs no image address, so
// the app's Content-Security-Policy stays on), compared there with a
// checked-in reference picture.
import type { Page } from 'playwright-core';

/** Width and height from the PNG's IHDR chunk (bytes 16–23), after checking the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface PixelReport {
  /** Spread of the grey levels: near 0 for a blank picture. */
  stdDev: number;
  /** Share of compared pixels whose channels differ from the reference by more than the threshold. */
  differing: number;
  sameSize: boolean;
}

export interface Rect {
  x: number;
  y: number;
  size: number;
}

/** Decodes both pictures in the page and compares them, leaving out `mask` (a QR code that carries a fresh id). */
export function comparePixels(page: Page, png: Buffer, reference: Buffer, mask: Rect | null, threshold = 48): Promise<PixelReport> {
  return page.evaluate(
    async ({ a, b, mask, threshold }) => {
      const decode = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(a), decode(b)]);
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const grey = (x.data[i] + x.data[i + 1] + x.data[i + 2]) / 3;
        sum += grey;
        sumSq += grey * grey;
      }
      const n = x.data.length / 4;
      const stdDev = Math.sqrt(Math.max(0, sumSq / n - (sum / n) ** 2));
      const sameSize = x.width === y.width && x.height === y.height;
      if (!sameSize) return { stdDev, differing: 1, sameSize };
      let compared = 0;
      let differing = 0;
      for (let py = 0; py < x.height; py++) {
        for (let px = 0; px < x.width; px++) {
          if (mask && px >= mask.x && px < mask.x + mask.size && py >= mask.y && py < mask.y + mask.size) continue;
          const i = (py * x.width + px) * 4;
          compared++;
          if (Math.max(Math.abs(x.data[i] - y.data[i]), Math.abs(x.data[i + 1] - y.data[i + 1]), Math.abs(x.data[i + 2] - y.data[i + 2])) > threshold) differing++;
        }
      }
      return { stdDev, differing: differing / compared, sameSize };
    },
    { a: png.toString('base64'), b: reference.toString('base64'), mask, threshold },
  );
}

/** The RGBA pixels of one square of the picture, decoded in the page (for reading a QR code back with jsQR). */
export function rgbaOf(page: Page, png: Buffer, rect: Rect): Promise<{ width: number; height: number; data: number[] }> {
  return page.evaluate(
    async ({ base64, rect }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const side = Math.ceil(rect.size);
      const canvas = new OffscreenCanvas(side, side);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, -Math.floor(rect.x), -Math.floor(rect.y));
      return { width: side, height: side, data: Array.from(ctx.getImageData(0, 0, side, side).data) };
    },
    { base64: png.toString('base64'), rect },
  );
}
