// In-app QR scanning with the phone's back camera. Loaded on demand (lazy) by
// the screens that scan; the decoder (BarcodeDetector or jsqr) loads only
// when the camera starts. The camera starts only when the user taps, so the
// permission prompt comes with a reason, and it stops when the screen goes.
// Every screen that uses this keeps its typed-code field visible beside it.
import { createSignal, onCleanup, Show } from 'solid-js';
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/scan.json';
import en from '../i18n/en/lazy/scan.json';
import { t } from '../i18n/index.ts';
import { loadQrDecoder, type QrDecoder } from './decode.ts';
import '../styles/scan.css';

registerStrings('scan', { vi, en });

type State = 'idle' | 'starting' | 'scanning' | 'denied' | 'noCamera' | 'failed';
/** Frames are scaled down to this width: enough for a QR held at arm's length, cheap to decode. */
const FRAME_WIDTH = 640;
const FRAME_INTERVAL_MS = 150;

export interface QrScannerProps {
  /** Called with each decoded text; return true to stop (accepted), false to keep scanning. */
  onResult: (text: string) => boolean | Promise<boolean>;
}

export default function QrScanner(props: QrScannerProps) {
  const [state, setState] = createSignal<State>('idle');
  const [unrecognised, setUnrecognised] = createSignal(false);
  let video: HTMLVideoElement | undefined;
  let stream: MediaStream | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRejected = '';

  function stop(next: State = 'idle') {
    clearTimeout(timer);
    stream?.getTracks().forEach((track) => track.stop());
    stream = undefined;
    if (video) video.srcObject = null;
    setState(next);
  }
  onCleanup(() => stop());

  async function start() {
    setUnrecognised(false);
    if (!navigator.mediaDevices?.getUserMedia) return setState('noCamera');
    setState('starting');
    let decode: QrDecoder;
    try {
      [stream, decode] = await Promise.all([
        navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }),
        loadQrDecoder(),
      ]);
    } catch (err) {
      const name = err instanceof DOMException ? err.name : '';
      return stop(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'noCamera' : 'failed');
    }
    if (!video) return stop();
    video.srcObject = stream;
    await video.play().catch(() => undefined);
    setState('scanning');
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const tick = async () => {
      if (state() !== 'scanning' || !video || !context) return;
      if (video.videoWidth > 0) {
        const scale = Math.min(1, FRAME_WIDTH / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const text = await decode(context.getImageData(0, 0, canvas.width, canvas.height)).catch(() => null);
        if (text && text !== lastRejected) {
          if (await props.onResult(text)) return stop();
          // Say it once per different code, not on every frame.
          lastRejected = text;
          setUnrecognised(true);
        }
      }
      timer = setTimeout(() => void tick(), FRAME_INTERVAL_MS);
    };
    void tick();
  }

  return (
    <section class="qr-scanner" aria-label={t('scan.title')}>
      <Show
        when={state() === 'scanning' || state() === 'starting'}
        fallback={
          <button type="button" class="button" onClick={() => void start()} data-testid="scan-start">
            {t('scan.start')}
          </button>
        }
      >
        <button type="button" class="button secondary" onClick={() => stop()} data-testid="scan-stop">
          {t('scan.stop')}
        </button>
      </Show>
      {/* Always in the DOM so start() has an element to attach the stream to. */}
      <video ref={video} class="qr-video" classList={{ hidden: state() !== 'scanning' }} playsinline muted aria-hidden="true" />
      <div role="status" aria-live="polite" data-testid="scan-status" data-state={state()}>
        <Show when={state() === 'scanning'}><p class="muted">{t('scan.scanning')}</p></Show>
        <Show when={state() === 'denied'}><p class="notice">{t('scan.denied')}</p></Show>
        <Show when={state() === 'noCamera'}><p class="notice">{t('scan.noCamera')}</p></Show>
        <Show when={state() === 'failed'}><p class="notice">{t('scan.failed')}</p></Show>
        <Show when={unrecognised()}><p class="notice">{t('scan.unrecognised')}</p></Show>
      </div>
    </section>
  );
}
