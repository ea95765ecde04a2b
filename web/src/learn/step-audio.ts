// The guide's approved recording of a lesson screen, when the resident has
// downloaded the course's audio (course-audio.ts). It is read from the
// runtime cache, never the network, so it plays offline; without it the
// read-aloud uses the phone's synthetic voice.
import { AUDIO_CACHE } from '../../../shared/lesson-audio/audio-types.ts';
import type { Language } from '../../../shared/skills.ts';

export const courseAudioUrl = (courseId: string) => `/api/v1/lesson-audio/courses/${courseId}`;
export const audioFileUrl = (sha256: string) => `/api/v1/lesson-audio/files/${sha256}`;

interface Manifest {
  recordings: Array<{ lessonId: string; step: number; lang: string; sha256: string }>;
}

/** An object URL of the stored recording of this screen, or undefined. The caller revokes it. */
export async function storedRecording(courseId: string, lessonId: string, step: number, lang: Language): Promise<string | undefined> {
  if (typeof caches === 'undefined') return undefined;
  try {
    const cache = await caches.open(AUDIO_CACHE);
    const manifest = await cache.match(courseAudioUrl(courseId));
    if (!manifest) return undefined;
    const hit = ((await manifest.json()) as Manifest).recordings.find((r) => r.lessonId === lessonId && r.step === step && r.lang === lang);
    const file = hit && (await cache.match(audioFileUrl(hit.sha256)));
    return file ? URL.createObjectURL(await file.blob()) : undefined;
  } catch {
    return undefined;
  }
}
