// The intrinsic size of a course image, so a lesson's <img> carries width and
// height and the browser keeps its space before the file arrives: the text
// and buttons under a picture do not jump down when it loads. SVG (from its
// width/height, else its viewBox) and PNG (from its header); other formats
// get no size and simply take their space when they load.
export interface ImageSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function imageSize(fileName: string, data: Buffer): ImageSize | undefined {
  if (/\.svg$/i.test(fileName)) return svgSize(data.toString('utf8'));
  if (/\.png$/i.test(fileName) && data.length >= 24 && data.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return positive(data.readUInt32BE(16), data.readUInt32BE(20));
  }
  return undefined;
}

function svgSize(text: string): ImageSize | undefined {
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1];
  // Plain numbers or px only: a size in %, em or cm says nothing about pixels.
  const px = (v: string | undefined) => (v !== undefined && /^\s*[\d.]+\s*(px)?\s*$/.test(v) ? Number.parseFloat(v) : undefined);
  const width = px(attr('width'));
  const height = px(attr('height'));
  if (width !== undefined && height !== undefined) return positive(width, height);
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  return box?.length === 4 ? positive(box[2], box[3]) : undefined;
}

function positive(width: number, height: number): ImageSize | undefined {
  return Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0 ? { width: Math.round(width), height: Math.round(height) } : undefined;
}
