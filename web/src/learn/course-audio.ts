// "Tải giọng đọc": a course's approved guide recordings stored on the phone on
// demand, in the runtime cache `hvs-audio`, never in the service worker's
// precache (which every phone downloads with the app). The list of recordings
// is stored last, so a screen plays a recording only once its file is here.
import { AUDIO_CACHE } from '../../../shared/lesson-audio/audio-types.ts';
import type { CourseAudio } from '../../../shared/lesson-audio/schema.ts';
import type { Language } from '../../../shared/skills.ts';
import { audioFileUrl, courseAudioUrl, keepOnlyApproved } from './step-audio.ts';

export interface AudioOffer {
  /** Recordings in the resident's language. */
  count: number;
  bytes: number;
  /** Every one of them is already on the phone. */
  stored: boolean;
}

const inLanguage = (audio: CourseAudio, lang: Language) => audio.recordings.filter((r) => r.lang === lang);

/** What the server has for the course and whether the phone already holds it; undefined offline. */
export async function audioOffer(courseId: string, lang: Language): Promise<{ offer: AudioOffer; audio: CourseAudio } | undefined> {
  // Without signal there is nothing to offer; asking anyway puts a failed request in the console.
  if (!navigator.onLine) return undefined;
  try {
    const res = await fetch(courseAudioUrl(courseId));
    if (!res.ok) return undefined;
    const audio = (await res.json()) as CourseAudio;
    const mine = inLanguage(audio, lang);
    const cache = await caches.open(AUDIO_CACHE);
    // One the office has withdrawn since the download goes from the phone.
    await keepOnlyApproved(cache, courseId, audio);
    const held = await Promise.all(mine.map(async (r) => (await cache.match(audioFileUrl(r.sha256))) !== undefined));
    const listed = (await cache.match(courseAudioUrl(courseId))) !== undefined;
    return { audio, offer: { count: mine.length, bytes: mine.reduce((n, r) => n + r.bytes, 0), stored: listed && held.every(Boolean) } };
  } catch {
    // No signal: what is stored plays anyway.
    return undefined;
  }
}

/** Stores every recording of the course in `lang`, reporting bytes as they arrive; then the list. */
export async function downloadCourseAudio(audio: CourseAudio, lang: Language, onProgress: (done: number, total: number) => void): Promise<void> {
  const mine = inLanguage(audio, lang);
  const total = mine.reduce((n, r) => n + r.bytes, 0);
  const cache = await caches.open(AUDIO_CACHE);
  let done = 0;
  onProgress(0, total);
  for (const r of mine) {
    const url = audioFileUrl(r.sha256);
    if (await cache.match(url)) {
      done += r.bytes;
      onProgress(done, total);
      continue;
    }
    const res = await fetch(url);
    if (!res.ok || !res.body) throw new Error(`${url}: ${res.status}`);
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) break;
      chunks.push(value);
      done += value.length;
      onProgress(Math.min(done, total), total);
    }
    await cache.put(url, new Response(new Blob(chunks as BlobPart[], { type: r.type }), { headers: { 'content-type': r.type } }));
  }
  await cache.put(courseAudioUrl(audio.courseId), new Response(JSON.stringify({ ...audio, recordings: mine }), { headers: { 'content-type': 'application/json' } }));
  onProgress(total, total);
}
