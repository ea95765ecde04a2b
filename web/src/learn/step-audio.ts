// The guide's approved recording of a lesson screen, when the resident has
// downloaded the course's audio (course-audio.ts). It is read from the
// runtime cache, never the network, so it plays offline; without it the
// read-aloud uses the phone's synthetic voice. A recording the office has
// withdrawn since (approved, then rejected) is dropped from the phone the
// first time the course is opened with signal, before it can play again.
import { AUDIO_CACHE } from '../../../shared/lesson-audio/audio-types.ts';
import type { Language } from '../../../shared/skills.ts';
import { apiUrl } from '../net/api-base.ts';

export const courseAudioUrl = (courseId: string) => apiUrl(`/api/v1/lesson-audio/courses/${courseId}`);
export const audioFileUrl = (sha256: string) => apiUrl(`/api/v1/lesson-audio/files/${sha256}`);

interface Manifest {
  recordings: Array<{ lessonId: string; step: number; lang: string; sha256: string }>;
}

/**
 * Keeps in the phone's copy only the recordings still in `current` (the
 * server's list of approved ones): the list first, then the files, so the
 * list never names a file that is gone.
 */
export async function keepOnlyApproved(cache: Cache, courseId: string, current: Manifest): Promise<void> {
  const stored = await cache.match(courseAudioUrl(courseId));
  if (!stored) return;
  const manifest = (await stored.json()) as Manifest;
  const approved = new Set(current.recordings.map((r) => r.sha256));
  const withdrawn = manifest.recordings.filter((r) => !approved.has(r.sha256));
  if (withdrawn.length === 0) return;
  const kept = { ...manifest, recordings: manifest.recordings.filter((r) => approved.has(r.sha256)) };
  await cache.put(courseAudioUrl(courseId), new Response(JSON.stringify(kept), { headers: { 'content-type': 'application/json' } }));
  await Promise.all(withdrawn.map((r) => cache.delete(audioFileUrl(r.sha256))));
}

// Asked once per course and visit, and only by a phone that holds the course's audio.
const checked = new Map<string, Promise<void>>();
const WITHDRAWN_CHECK_MS = 5000;

function forgetWithdrawn(courseId: string, cache: Cache): Promise<void> {
  // Without signal, asked again once there is some.
  if (!navigator.onLine) return Promise.resolve();
  let check = checked.get(courseId);
  if (!check) {
    check = (async () => {
      if (!(await cache.match(courseAudioUrl(courseId)))) return;
      const res = await fetch(courseAudioUrl(courseId), { signal: AbortSignal.timeout(WITHDRAWN_CHECK_MS) });
      if (res.ok) await keepOnlyApproved(cache, courseId, (await res.json()) as Manifest);
    })().catch(() => {
      // No answer: what is stored plays, as offline.
    });
    checked.set(courseId, check);
  }
  return check;
}

/** An object URL of the stored recording of this screen, or undefined. The caller revokes it. */
export async function storedRecording(courseId: string, lessonId: string, step: number, lang: Language): Promise<string | undefined> {
  if (typeof caches === 'undefined') return undefined;
  try {
    const cache = await caches.open(AUDIO_CACHE);
    await forgetWithdrawn(courseId, cache);
    const manifest = await cache.match(courseAudioUrl(courseId));
    if (!manifest) return undefined;
    const hit = ((await manifest.json()) as Manifest).recordings.find((r) => r.lessonId === lessonId && r.step === step && r.lang === lang);
    const file = hit && (await cache.match(audioFileUrl(hit.sha256)));
    return file ? URL.createObjectURL(await file.blob()) : undefined;
  } catch {
    return undefined;
  }
}
