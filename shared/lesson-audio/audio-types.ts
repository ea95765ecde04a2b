// Guide-recorded lesson audio: the types a recording may have, its limits and
// how it is recognised, apart from the schemas (no zod) so a phone can check a
// recording before keeping it and the resident's lesson can name its cache.
/** What a phone's MediaRecorder writes: WebM/Opus (Chrome on Android), MP4/AAC (Safari on iPhone), Ogg/Opus (Firefox). */
export const AUDIO_TYPES = ['audio/webm', 'audio/mp4', 'audio/ogg'] as const;
export type AudioType = (typeof AUDIO_TYPES)[number];

/** The longest recording a guide may keep: one lesson screen read aloud. */
export const MAX_RECORDING_SEC = 180;
/** Asked of the recorder: speech needs little, and a course's audio must stay light for residents' phones. */
export const RECORDING_BITS_PER_SECOND = 32_000;
/**
 * 4 MiB: three minutes at the asked 32 kbit/s are about 0.7 MB; the room is for a
 * phone that ignores the asked rate (Chrome's default is 128 kbit/s, about 2.9 MB).
 */
export const MAX_AUDIO_BYTES = 4 * 1024 * 1024;
/** Lesson screens: 0 is the goal and intro, 1..n the steps, n + 1 the remember box. */
export const MAX_AUDIO_STEP = 60;

/** The runtime cache on a resident's phone holding a course's approved audio (never the precache). */
export const AUDIO_CACHE = 'hvs-audio';

const startsWith = (b: Uint8Array, magic: number[], at = 0) => b.length >= at + magic.length && magic.every((m, i) => b[at + i] === m);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const EBML = [0x1a, 0x45, 0xdf, 0xa3];

/** A recording's type from its first bytes, or undefined: not an audio container the store accepts. */
export function sniffAudioType(b: Uint8Array): AudioType | undefined {
  if (startsWith(b, EBML)) return 'audio/webm'; // WebM is Matroska with the doc type "webm"
  if (startsWith(b, ascii('OggS'))) return 'audio/ogg';
  if (startsWith(b, ascii('ftyp'), 4)) return 'audio/mp4';
  return undefined;
}

/** The MediaRecorder types to ask for, best first; the container decides the file's type. */
export const RECORDER_MIME_TYPES = ['audio/webm;codecs=opus', 'audio/mp4', 'audio/ogg;codecs=opus', 'audio/webm'] as const;
