// What a stored lesson recording is: the type comes from the first bytes
// (WebM/Matroska's EBML header, Ogg's "OggS" page, MP4's "ftyp" box), never
// from a name or a Content-Type header. A recording made by the phone's
// MediaRecorder carries no location, so its bytes are kept as they are; the
// container's start is checked so a file that only begins like audio is refused.
import { sniffAudioType, type AudioType } from '../../shared/lesson-audio/audio-types.ts';
import { FileRefused } from './clean-file.ts';

/** Shortest plausible recording: a container header and one frame. */
const MIN_BYTES = 64;

export function cleanAudio(bytes: Uint8Array): { type: AudioType; bytes: Uint8Array } {
  const type = sniffAudioType(bytes);
  if (!type) throw new FileRefused('unsupported_type', 'Only WebM, Ogg and MP4 audio recordings are accepted');
  if (bytes.length < MIN_BYTES || !wellFormed(type, bytes)) throw new FileRefused('invalid_file', 'The recording is damaged or not what its first bytes say');
  return { type, bytes };
}

const text = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

function wellFormed(type: AudioType, b: Uint8Array): boolean {
  if (type === 'audio/ogg') return b[4] === 0; // stream structure version 0
  if (type === 'audio/mp4') {
    const size = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
    return size >= 8 && size <= b.length;
  }
  // The EBML header names its doc type within its first bytes: "webm" or "matroska".
  const head = text(b, 4, Math.min(b.length, 64));
  return head.includes('webm') || head.includes('matroska');
}
