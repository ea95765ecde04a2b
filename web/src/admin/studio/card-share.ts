// Getting a card off the device: the phone's share sheet with the picture
// (Zalo, Facebook, TikTok) where the browser can share files, else a download.
export const cardFileName = (title: string, format: string) =>
  `${title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'the'}-${format}.png`;

export const canvasPng = (canvas: HTMLCanvasElement): Promise<Blob> =>
  new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'));

export function downloadBlob(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** True when this browser can hand a picture to the share sheet. */
export function canShareFiles(): boolean {
  try {
    const probe = new File([new Uint8Array(1)], 'x.png', { type: 'image/png' });
    return typeof navigator.canShare === 'function' && navigator.canShare({ files: [probe] });
  } catch {
    return false;
  }
}

/** 'shared', or 'cancelled' when the person closed the sheet. */
export async function shareCard(blob: Blob, name: string, text: string): Promise<'shared' | 'cancelled'> {
  try {
    await navigator.share({ files: [new File([blob], name, { type: 'image/png' })], text });
    return 'shared';
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return 'cancelled';
    throw err;
  }
}
