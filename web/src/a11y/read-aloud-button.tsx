import { onCleanup, Show } from 'solid-js';
import { language, t } from '../i18n/index.ts';
import { registerStrings } from '../i18n/lazy-strings.ts';
import { getSpeech, type Speech } from './speech.ts';
import '../styles/read-aloud.css';
import vi from '../i18n/vi/lazy/readAloud.json';
import en from '../i18n/en/lazy/readAloud.json';

registerStrings('readAloud', { vi, en });

let nextId = 0;

/**
 * "Nghe đọc": reads a text aloud in the current language. Hidden when the
 * phone has no voice for that language. `text` is read at the moment of the
 * tap, so it is always the screen the resident sees.
 */
export function ReadAloudButton(props: { text: () => string; what: string; speech?: Speech }) {
  const speech = () => props.speech ?? getSpeech();
  const id = `read-${++nextId}`;
  const isSpeaking = () => speech().speaking() === id;
  // Leaving the screen stops its reading.
  onCleanup(() => {
    if (isSpeaking()) speech().stop();
  });

  return (
    <Show when={speech().canSpeak(language())}>
      <button
        type="button"
        class="read-aloud"
        data-testid="read-aloud"
        aria-pressed={isSpeaking()}
        aria-label={isSpeaking() ? t('readAloud.stopLabel', { what: props.what }) : t('readAloud.listenLabel', { what: props.what })}
        onClick={() => (isSpeaking() ? speech().stop() : speech().speak(id, props.text(), language()))}
      >
        <span aria-hidden="true">{isSpeaking() ? '■' : '🔊'}</span> {isSpeaking() ? t('readAloud.stop') : t('readAloud.listen')}
      </button>
    </Show>
  );
}
