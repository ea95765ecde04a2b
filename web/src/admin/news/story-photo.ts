// Gets a photo ready for a story, in the staff browser: drawn again on a
// canvas (no camera metadata survives a canvas, and the server strips it
// again) once at most STORY_PHOTO_MAX_PX for the full view and the feeds,
// once at most STORY_THUMB_MAX_PX wide for phones, which keep that one
// offline; both uploaded under their SHA-256. A photo that cannot be read
// or is too large is refused here, before any upload.
import { MAX_STORED_FILE_BYTES, sniffType } from '../../../../shared/file-types.ts';
import type { StoredFile } from '../../../../shared/files.ts';
import { STORY_PHOTO_MAX_PX, STORY_THUMB_MAX_PX } from '../../../../shared/news/constants.ts';
import { staffRequest } from '../../net/http.ts';

export type PhotoProblem = 'unsupported' | 'tooLarge' | 'unreadable';
export class PhotoRefused extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(problem);
  }
}

const QUALITY = 0.85;

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function drawAt(bitmap: ImageBitmap, scale: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  if (!blob) throw new PhotoRefused('unreadable');
  if (blob.size > MAX_STORED_FILE_BYTES) throw new PhotoRefused('tooLarge');
  return blob;
}

const upload = async (blob: Blob) => (await staffRequest<StoredFile>(`/api/v1/story-photos/${await sha256Hex(blob)}`, { method: 'PUT', file: blob })).sha256;

/** The stored hashes of the photo and its thumbnail. */
export async function uploadStoryPhoto(file: File): Promise<{ sha256: string; thumb: string }> {
  const type = sniffType(new Uint8Array(await file.slice(0, 12).arrayBuffer()));
  if (!type || type === 'application/pdf') throw new PhotoRefused('unsupported');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoRefused('unreadable');
  }
  try {
    const full = await drawAt(bitmap, Math.min(1, STORY_PHOTO_MAX_PX / Math.max(bitmap.width, bitmap.height)));
    const small = await drawAt(bitmap, Math.min(1, STORY_THUMB_MAX_PX / bitmap.width));
    return { sha256: await upload(full), thumb: await upload(small) };
  } finally {
    bitmap.close();
  }
}
