// Draws a certificate as a PNG (for sharing to Zalo and the like) and hands it
// to the phone's share sheet, or downloads it where sharing files is missing.
import { encode } from 'uqr';

export interface CertificateText {
  heading: string;
  course: string;
  /** "Kỹ năng: …", the course's skill as the certificate page and /verify name it; null when the course is not on this phone. */
  skill: string | null;
  awardedTo: string;
  name: string;
  /** "self-declared name" beside a name; null for "not shared". */
  nameNote: string | null;
  /** What it certifies ("Self-study on a phone, completed on …"). */
  basis: string;
  dateLabel: string;
  date: string;
  codeLabel: string;
  code: string;
  /** The issuing ward; null when the phone has never fetched the ward profile. */
  ward: string | null;
  verifyUrl: string;
}

function wrap(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, width: number, lineHeight: number): number {
  let line = '';
  for (const word of text.split(' ')) {
    const test = line ? `${line} ${word}` : word;
    if (ctx.measureText(test).width > width && line) {
      ctx.fillText(line, x, y);
      y += lineHeight;
      line = word;
    } else line = test;
  }
  ctx.fillText(line, x, y);
  return y + lineHeight;
}

export async function renderCertificatePng(c: CertificateText): Promise<Blob> {
  const W = 1080;
  const H = 1350;
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  ctx.strokeStyle = '#0b4f8a';
  ctx.lineWidth = 16;
  ctx.strokeRect(24, 24, W - 48, H - 48);
  ctx.fillStyle = '#0b4f8a';
  ctx.textAlign = 'center';
  ctx.font = 'bold 60px system-ui, sans-serif';
  let y = wrap(ctx, c.heading, W / 2, 150, W - 160, 72);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = 'bold 52px system-ui, sans-serif';
  y = wrap(ctx, c.course, W / 2, y + 40, W - 160, 64);
  if (c.skill) {
    ctx.font = '32px system-ui, sans-serif';
    ctx.fillStyle = '#0b4f8a';
    y = wrap(ctx, c.skill, W / 2, y + 4, W - 160, 40) - 20;
    ctx.fillStyle = '#1a1a1a';
  }
  ctx.font = '36px system-ui, sans-serif';
  ctx.fillText(c.awardedTo, W / 2, y + 40);
  ctx.font = 'bold 56px system-ui, sans-serif';
  ctx.fillText(c.name, W / 2, y + 110);
  ctx.font = '30px system-ui, sans-serif';
  if (c.nameNote) ctx.fillText(`(${c.nameNote})`, W / 2, y + 150);
  // The ward and date line below sits 50 px under the last line of the basis.
  y = wrap(ctx, c.basis, W / 2, y + (c.nameNote ? 200 : 170), W - 160, 40) - 170;
  ctx.font = '34px system-ui, sans-serif';
  ctx.fillText(c.ward ? `${c.ward} · ${c.dateLabel}: ${c.date}` : `${c.dateLabel}: ${c.date}`, W / 2, y + 180);
  ctx.fillText(`${c.codeLabel}: ${c.code}`, W / 2, y + 230);

  const qr = encode(c.verifyUrl, { border: 2 });
  const cell = Math.floor(420 / qr.size);
  const left = (W - cell * qr.size) / 2;
  const top = H - 110 - cell * qr.size;
  ctx.fillStyle = '#000000';
  qr.data.forEach((row, r) => row.forEach((on, col) => on && ctx.fillRect(left + col * cell, top + r * cell, cell, cell)));
  ctx.font = '26px system-ui, sans-serif';
  ctx.fillText(c.verifyUrl, W / 2, H - 64);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no image'))), 'image/png'));
}

/** Share sheet with the picture where the phone can share files; otherwise a download. */
export async function shareCertificate(c: CertificateText): Promise<void> {
  const blob = await renderCertificatePng(c);
  const file = new File([blob], `chung-nhan-${c.code}.png`, { type: 'image/png' });
  if (navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: c.heading, text: c.verifyUrl });
      return;
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
    }
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
