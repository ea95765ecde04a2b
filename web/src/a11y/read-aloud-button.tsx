import { createSignal, onCleanup, Show } from 'solid-js';
import { language, t } from '../i18n/index.ts';
import { registerStrings } from '../i18n/lazy-strings.ts';
import { getSpeech, type Speech } from './speech.ts';
import '../styles/read-aloud.css';
import vi from '../i18n/vi/lazy/readAloud.json';
import en from '../i18n/en/lazy/readAloud.json';

registerStrings('readAloud', { vi, en });

let nextId = 0;

/**
 * "Nghe đọc": reads a text aloud in the current language. A guide's approved
 * recording of the screen (`recording`, an object URL) plays first; else the
 * phone's voice reads `text`, taken at the moment of the tap, so it is always
 * the screen the resident sees. Hidden when there is neither.
 */
export function ReadAloudButton(props: { text: () => string; what: string; speech?: Speech; recording?: string }) {
  const speech = () => props.speech ?? getSpeech();
  const id = `read-${++nextId}`;
  const [playing, setPlaying] = createSignal(false);
  let audio: HTMLAudioElement | undefined;
  const isSpeaking = () => playing() || speech().speaking() === id;
  // Leaving the screen stops its reading.
  onCleanup(() => {
    audio?.pause();
    if (speech().speaking() === id) speech().stop();
  });
  const toggle = () => {
    if (props.recording && audio) {
      if (playing()) audio.pause();
      else {
        speech().stop();
        void audio.play().catch(() => setPlaying(false));
      }
      return;
    }
    if (isSpeaking()) speech().stop();
    else speech().speak(id, props.text(), language());
  };

  return (
    <Show when={props.recording || speech().canSpeak(language())}>
      <Show when={props.recording}>
        {(src) => (
          <audio
            ref={audio}
            src={src()}
            preload="auto"
            data-testid="read-aloud-recording"
            onPlay={() => setPlaying(true)}
            onPause={() => setPlaying(false)}
            onEnded={() => setPlaying(false)}
          />
        )}
      </Show>
      <button
        type="button"
        class="read-aloud"
        data-testid="read-aloud"
        data-source={props.recording ? 'recording' : 'voice'}
        aria-pressed={isSpeaking()}
        aria-label={isSpeaking() ? t('readAloud.stopLabel', { what: props.what }) : t('readAloud.listenLabel', { what: props.what })}
        onClick={toggle}
      >
        <span aria-hidden="true">{isSpeaking() ? '■' : '🔊'}</span> {isSpeaking() ? t('readAloud.stop') : t(props.recording ? 'readAloud.listenGuide' : 'readAloud.listen')}
      </button>
    </Show>
  );
}
