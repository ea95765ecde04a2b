// Gets a photo or a scan ready to keep on the phone: the type from the first
// bytes (as the server checks it); a photo drawn again on a canvas at most
// EVIDENCE_PHOTO_MAX_PX on its longest side and saved as JPEG — smaller to
// send, and a canvas carries none of the camera's metadata (no GPS) — and a
// PDF kept as it is, within the server's limit. Then the SHA-256 the upload
// goes under.
import { EVIDENCE_PHOTO_MAX_PX, MAX_STORED_FILE_BYTES, sniffType } from '../../../shared/file-types.ts';
import type { AttachedFile } from './unit-repo.ts';

export type EvidenceProblem = 'unsupported' | 'tooLarge' | 'unreadable';
export class EvidenceRefused extends Error {
  constructor(readonly problem: EvidenceProblem) {
    super(problem);
  }
}

const PHOTO_QUALITY = 0.85;

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function redraw(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new EvidenceRefused('unreadable');
  }
  const scale = Math.min(1, EVIDENCE_PHOTO_MAX_PX / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY));
  if (!blob) throw new EvidenceRefused('unreadable');
  return blob;
}

export async function prepareEvidence(file: File): Promise<AttachedFile> {
  const type = sniffType(new Uint8Array(await file.slice(0, 12).arrayBuffer()));
  if (!type) throw new EvidenceRefused('unsupported');
  const base = file.name.replace(/\.[^.]*$/, '').trim().slice(0, 180) || 'minh-chung';
  const blob = type === 'application/pdf' ? file.slice(0, file.size, type) : await redraw(file);
  if (blob.size > MAX_STORED_FILE_BYTES) throw new EvidenceRefused('tooLarge');
  const isPdf = type === 'application/pdf';
  return { sha256: await sha256Hex(blob), blob, type: isPdf ? type : 'image/jpeg', bytes: blob.size, name: `${base}.${isPdf ? 'pdf' : 'jpg'}` };
}
