// The phone's microphone through MediaRecorder: the best type the phone
// offers (WebM/Opus on Android, MP4 on an iPhone), a low bit rate for speech,
// and a hard stop at the length limit. The file's type is taken from its first
// bytes, as the server does, never from what the recorder says.
import { MAX_RECORDING_SEC, RECORDER_MIME_TYPES, RECORDING_BITS_PER_SECOND, sniffAudioType, type AudioType } from '../../../../shared/lesson-audio/audio-types.ts';

export type MicProblem = 'unsupported' | 'denied' | 'no-mic' | 'busy' | 'failed';

export interface Take {
  blob: Blob;
  type: AudioType;
  sha256: string;
  durationSec: number;
}

/** Why the microphone could not be opened, in the words the screen uses. */
export function micProblem(err: unknown): MicProblem {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-mic';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

export const canRecord = () => typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Starts recording; `stop()` (or the limit) resolves `done` with the take. */
export async function startRecording(onTick: (sec: number) => void): Promise<{ stop: () => void; done: Promise<Take> }> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
  const mimeType = RECORDER_MIME_TYPES.find((m) => MediaRecorder.isTypeSupported(m));
  const recorder = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: RECORDING_BITS_PER_SECOND });
  const parts: Blob[] = [];
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  recorder.ondataavailable = (e) => e.data.size > 0 && parts.push(e.data);
  const timer = setInterval(() => {
    onTick(seconds());
    if (seconds() >= MAX_RECORDING_SEC) stop();
  }, 250);
  const stop = () => {
    clearInterval(timer);
    if (recorder.state !== 'inactive') recorder.stop();
  };
  const done = new Promise<Take>((resolve, reject) => {
    recorder.onstop = async () => {
      for (const track of stream.getTracks()) track.stop();
      const durationSec = Math.max(1, Math.min(MAX_RECORDING_SEC, seconds()));
      const bytes = await new Blob(parts).arrayBuffer();
      const type = sniffAudioType(new Uint8Array(bytes));
      if (!type || bytes.byteLength === 0) return reject(new Error('unsupported'));
      resolve({ blob: new Blob([bytes], { type }), type, sha256: hex(await crypto.subtle.digest('SHA-256', bytes)), durationSec });
    };
  });
  recorder.start(1000);
  return { stop, done };
}
