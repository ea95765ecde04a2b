// Reads the text of a QR code in one camera frame. The platform's
// BarcodeDetector is used where it exists (Chrome on Android); elsewhere jsqr
// is fetched on first use — it is ~130 KB, so it never reaches a screen that
// does not scan.

/** The pixels of one frame, as canvas getImageData() gives them (RGBA). */
export interface Frame {
  data: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
}

export type QrDecoder = (frame: Frame) => Promise<string | null>;

interface DetectorLike {
  detect(source: unknown): Promise<Array<{ rawValue: string }>>;
}
interface DetectorClass {
  new (options: { formats: string[] }): DetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

async function nativeDecoder(scope: object): Promise<QrDecoder | null> {
  const Detector = (scope as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const formats = (await Detector.getSupportedFormats?.()) ?? ['qr_code'];
    if (!formats.includes('qr_code')) return null;
    const detector = new Detector({ formats: ['qr_code'] });
    const toSource = (f: Frame) => (typeof ImageData === 'function' && !(f instanceof ImageData) ? new ImageData(f.data, f.width, f.height) : f);
    return async (frame) => (await detector.detect(toSource(frame)))[0]?.rawValue ?? null;
  } catch {
    return null; // A detector that cannot start is as good as none.
  }
}

export async function jsqrDecoder(): Promise<QrDecoder> {
  const { default: jsQR } = await import('jsqr');
  // Camera frames are dark-on-light; skipping the inverted pass halves the work per frame.
  return async (frame) => jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** The best decoder this browser has. */
export async function loadQrDecoder(scope: object = globalThis): Promise<QrDecoder> {
  return (await nativeDecoder(scope)) ?? jsqrDecoder();
}
