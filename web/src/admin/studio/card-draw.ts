// Draws one social card on a canvas: the ward's name on a coloured band, the
// title, the body (a big figure, steps, a remember box), a QR code and the
// movement's name. Sizes are in units of 1/1080 of the card's shorter side,
// so every format reads the same on a phone, where a card is shown about a
// third of its width (40 units ≈ 13 px on screen).
import { encode } from 'uqr';
import { CARD_FONT } from './card-fonts.ts';

export type CardFormat = 'square' | 'portrait' | 'link' | 'story';

export const CARD_SIZES: Record<CardFormat, { width: number; height: number }> = {
  square: { width: 1080, height: 1080 },
  portrait: { width: 1080, height: 1350 },
  link: { width: 1200, height: 630 },
  story: { width: 1080, height: 1920 },
};

export interface CardSpec {
  ward: string;
  /** Above the title: what kind of card this is. */
  eyebrow: string;
  title: string;
  /** A figure shown large ("62%"), with an optional bar (0–1) and its caption. */
  big?: { text: string; bar?: number; caption: string };
  /** Numbered points (a lesson's steps) or plain lines (a story's summary). */
  points: string[];
  numbered: boolean;
  remember?: { label: string; text: string };
  qr?: { url: string; label: string; shown: string };
  footer: string;
}

const C = {
  band: '#0b4f8a',
  bandInk: '#ffffff',
  accent: '#ffbf47',
  paper: '#ffffff',
  ink: '#1a1a1a',
  muted: '#4a4a4a',
  brand: '#0b4f8a',
  barBack: '#e3eef8',
  rememberBack: '#fff4d6',
  rememberLine: '#8a5a00',
};

const font = (weight: 400 | 700, px: number) => `${weight} ${px}px "${CARD_FONT}", sans-serif`;

/** Lines of at most `width` pixels; a word longer than a line is cut. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (ctx.measureText(next).width <= width) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (ctx.measureText(line).width > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** At most `max` lines, the last one ending in "…" when text was left out. */
function clamp(ctx: CanvasRenderingContext2D, lines: string[], max: number, width: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1];
  while (last.length > 1 && ctx.measureText(`${last}…`).width > width) last = last.slice(0, -1);
  kept[max - 1] = `${last.trimEnd()}…`;
  return kept;
}

function drawQr(ctx: CanvasRenderingContext2D, url: string, x: number, y: number, size: number) {
  // A quiet zone of four modules, as on the printed posters: cameras need it.
  const qr = encode(url, { border: 4, ecc: 'M' });
  const cell = Math.floor(size / qr.size);
  const side = cell * qr.size;
  const ox = Math.round(x + (size - side) / 2);
  const oy = Math.round(y + (size - side) / 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x, y, size, size);
  ctx.fillStyle = '#000000';
  qr.data.forEach((row, r) => row.forEach((dark, c) => dark && ctx.fillRect(ox + c * cell, oy + r * cell, cell, cell)));
}

/** Where the card put its QR code (for a test that reads it back). */
export interface CardLayout {
  qr: { x: number; y: number; size: number } | null;
}

export function drawCard(canvas: HTMLCanvasElement, spec: CardSpec, format: CardFormat): CardLayout {
  const { width: W, height: H } = CARD_SIZES[format];
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d')!;
  const landscape = W > H;
  // A link picture is shown as wide as the phone, like a square one: its unit follows the width.
  const u = (landscape ? W : Math.min(W, H)) / 1080;
  // A 9:16 story is covered by the app's buttons at the top and bottom.
  const safeY = format === 'story' ? 200 * u : 0;
  const pad = (landscape ? 44 : 64) * u;

  ctx.fillStyle = C.paper;
  ctx.fillRect(0, 0, W, H);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  const line1 = (text: string, width: number) => clamp(ctx, wrap(ctx, text, width), 1, width)[0] ?? '';

  // The band: the ward's name, in the ward's colour.
  const bandH = (landscape ? 100 : 150) * u + safeY;
  ctx.fillStyle = C.band;
  ctx.fillRect(0, 0, W, bandH);
  ctx.fillStyle = C.accent;
  ctx.fillRect(0, bandH, W, 12 * u);
  ctx.fillStyle = C.bandInk;
  ctx.font = font(700, (landscape ? 38 : 44) * u);
  ctx.fillText(line1(spec.ward.toLocaleUpperCase('vi'), W - 2 * pad), pad, safeY + (landscape ? 14 : 30) * u);
  ctx.font = font(400, (landscape ? 30 : 34) * u);
  ctx.fillText(line1(spec.eyebrow, W - 2 * pad), pad, safeY + (landscape ? 58 : 90) * u);

  // The footer: the movement, on every card.
  const footH = (landscape ? 72 : 84) * u;
  const bottom = H - safeY;
  ctx.fillStyle = C.band;
  ctx.fillRect(0, bottom - footH, W, footH + safeY);
  ctx.fillStyle = C.bandInk;
  ctx.font = font(700, (landscape ? 30 : 32) * u);
  ctx.fillText(line1(spec.footer, W - 2 * pad), pad, bottom - footH + (landscape ? 20 : 24) * u);

  // The QR code with what it opens: right of the text on a link picture; on
  // the others, bottom right, with the remember box (or the address in
  // letters, for people who cannot scan) beside it.
  const qrSize = (landscape ? 250 : format === 'square' ? 240 : 280) * u;
  const labelPx = (landscape ? 28 : 30) * u;
  let qrBox: CardLayout['qr'] = null;
  let textRight = W - pad;
  let textBottom = bottom - footH - pad;
  let rememberInRow = false;
  if (spec.qr) {
    const qx = W - pad - qrSize;
    const labelH = 2 * labelPx * 1.25;
    const qy = landscape ? bandH + 12 * u + 30 * u : bottom - footH - pad - labelH - qrSize;
    drawQr(ctx, spec.qr.url, qx, qy, qrSize);
    qrBox = { x: qx, y: qy, size: qrSize };
    ctx.fillStyle = C.ink;
    ctx.font = font(700, labelPx);
    clamp(ctx, wrap(ctx, spec.qr.label, qrSize), 2, qrSize).forEach((l, i) => ctx.fillText(l, qx, qy + qrSize + 8 * u + i * labelPx * 1.25));
    if (landscape) {
      textRight = qx - pad;
    } else {
      const lw = qx - 2 * pad;
      if (spec.remember) {
        rememberInRow = true;
        drawRemember(ctx, spec.remember, pad, qy, lw, qrSize + labelH, (format === 'square' ? 34 : 38) * u, u);
      } else {
        ctx.font = font(400, 32 * u);
        ctx.fillStyle = C.muted;
        const shown = clamp(ctx, wrap(ctx, spec.qr.shown, lw), 3, lw);
        shown.forEach((l, i) => ctx.fillText(l, pad, qy + qrSize + labelH - (shown.length - i) * 40 * u));
      }
      textBottom = qy - 32 * u;
    }
  }
  // The body, top down, as much as fits.
  const x = pad;
  const w = textRight - x;
  let y = bandH + 12 * u + (landscape ? 30 : 48) * u;
  const room = () => textBottom - y;

  const titlePx = (landscape ? 52 : format === 'story' ? 76 : format === 'square' ? 60 : 68) * u;
  ctx.font = font(700, titlePx);
  ctx.fillStyle = C.ink;
  const titleLines = clamp(ctx, wrap(ctx, spec.title, w), format === 'square' ? 2 : 3, w);
  for (const l of titleLines) (ctx.fillText(l, x, y), (y += titlePx * 1.22));
  y += 24 * u;

  if (spec.big) {
    const bigPx = (landscape ? 150 : 220) * u;
    ctx.font = font(700, bigPx);
    ctx.fillStyle = C.brand;
    ctx.fillText(spec.big.text, x, y);
    y += bigPx * 1.05;
    if (spec.big.bar !== undefined) {
      const barH = 36 * u;
      ctx.fillStyle = C.barBack;
      ctx.fillRect(x, y, w, barH);
      ctx.fillStyle = C.brand;
      ctx.fillRect(x, y, Math.max(0, Math.min(1, spec.big.bar)) * w, barH);
      ctx.strokeStyle = C.brand;
      ctx.lineWidth = 3 * u;
      ctx.strokeRect(x, y, w, barH);
      y += barH + 24 * u;
    }
    const capPx = (landscape ? 34 : 44) * u;
    ctx.font = font(400, capPx);
    ctx.fillStyle = C.ink;
    const capLines = wrap(ctx, spec.big.caption, w);
    const fits = Math.max(1, Math.floor(room() / (capPx * 1.3)));
    for (const l of clamp(ctx, capLines, fits, w)) (ctx.fillText(l, x, y), (y += capPx * 1.3));
    y += 24 * u;
  }

  const bodyPx = (landscape ? 36 : format === 'square' ? 40 : 42) * u;
  const lineH = bodyPx * 1.3;
  // On a link picture the remember box follows the points, if they leave it room (its label and two lines).
  const rememberPx = 32 * u;
  const rememberMin = spec.remember && !rememberInRow ? rememberPx * 1.3 * 3 + 40 * u : 0;
  ctx.font = font(400, bodyPx);
  const numW = spec.numbered ? ctx.measureText('8.').width + 16 * u : 0;
  for (const [i, p] of spec.points.entries()) {
    ctx.font = font(400, bodyPx);
    const lines = wrap(ctx, p, w - numW);
    const left = Math.floor((room() - rememberMin) / lineH);
    if (left < 1) break;
    const kept = clamp(ctx, lines, Math.min(lines.length, left), w - numW);
    if (spec.numbered) {
      ctx.font = font(700, bodyPx);
      ctx.fillStyle = C.brand;
      ctx.fillText(`${i + 1}.`, x, y);
    }
    ctx.font = font(400, bodyPx);
    ctx.fillStyle = C.ink;
    for (const l of kept) (ctx.fillText(l, x + numW, y), (y += lineH));
    y += 10 * u;
  }

  if (spec.remember && !rememberInRow && room() >= rememberMin) drawRemember(ctx, spec.remember, x, y + 8 * u, w, room() - 8 * u, rememberPx, u);

  return { qr: qrBox };
}

/** The remember box: a pale yellow box with a dark rule, its label and as many lines as fit in `maxH`. */
function drawRemember(ctx: CanvasRenderingContext2D, remember: { label: string; text: string }, x: number, y: number, w: number, maxH: number, px: number, u: number) {
  const lh = px * 1.3;
  const inner = w - 48 * u;
  ctx.font = font(400, px);
  const maxLines = Math.max(1, Math.floor((maxH - 40 * u) / lh) - 1);
  const lines = clamp(ctx, wrap(ctx, remember.text, inner), maxLines, inner);
  const boxH = (lines.length + 1) * lh + 40 * u;
  ctx.fillStyle = C.rememberBack;
  ctx.fillRect(x, y, w, boxH);
  ctx.fillStyle = C.rememberLine;
  ctx.fillRect(x, y, 10 * u, boxH);
  let ry = y + 20 * u;
  ctx.font = font(700, px);
  ctx.fillText(remember.label, x + 32 * u, ry);
  ry += lh;
  ctx.font = font(400, px);
  ctx.fillStyle = C.ink;
  for (const l of lines) (ctx.fillText(l, x + 32 * u, ry), (ry += lh));
}
