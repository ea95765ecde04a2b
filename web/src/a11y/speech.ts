// Read-aloud with the Web Speech API. The button only appears when the phone
// has a voice for the lesson's language: a Vietnamese text read by an English
// voice is worse than none. Voices often arrive late (Chrome fills the list
// after `voiceschanged`), so availability is a signal that updates.
import { createRoot, createSignal } from 'solid-js';
import type { Language } from '../../../shared/skills.ts';

const LOCALES: Record<Language, string[]> = { vi: ['vi-VN', 'vi'], en: ['en-US', 'en-GB', 'en'] };

type Synth = Pick<SpeechSynthesis, 'getVoices' | 'speak' | 'cancel' | 'addEventListener' | 'removeEventListener'>;

/** The best voice for a language: exact locale first (in preference order), then any of the language. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: Language): SpeechSynthesisVoice | undefined {
  const norm = (s: string) => s.replace('_', '-').toLowerCase();
  for (const locale of LOCALES[lang].slice(0, -1)) {
    const v = voices.find((x) => norm(x.lang) === locale.toLowerCase());
    if (v) return v;
  }
  return voices.find((x) => norm(x.lang).split('-')[0] === lang);
}

export function createSpeech(synth: Synth | undefined = globalThis.speechSynthesis) {
  const [voices, setVoices] = createSignal<readonly SpeechSynthesisVoice[]>(synth?.getVoices() ?? []);
  /** The id of the text being read, or null. */
  const [speaking, setSpeaking] = createSignal<string | null>(null);
  synth?.addEventListener('voiceschanged', () => setVoices(synth.getVoices()));

  function stop() {
    synth?.cancel();
    setSpeaking(null);
  }

  function speak(id: string, text: string, lang: Language) {
    const voice = pickVoice(voices(), lang);
    if (!synth || !voice) return;
    synth.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9; // a little slower than default, for older listeners
    const done = () => setSpeaking((cur) => (cur === id ? null : cur));
    u.onend = done;
    u.onerror = done;
    setSpeaking(id);
    synth.speak(u);
  }

  return {
    canSpeak: (lang: Language) => pickVoice(voices(), lang) !== undefined,
    speaking,
    speak,
    stop,
  };
}

export type Speech = ReturnType<typeof createSpeech>;

let shared: Speech | undefined;
/** One speech controller per app, so starting one text stops another. */
export function getSpeech(): Speech {
  return (shared ??= createRoot(() => createSpeech()));
}

/** Plain text of build-time HTML, read without rendering it into the page. */
export function htmlToText(html: string): string {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  for (const img of tpl.content.querySelectorAll('img[alt]')) img.replaceWith(` ${img.getAttribute('alt')} `);
  for (const block of tpl.content.querySelectorAll('p, li, h1, h2, h3, div')) block.append('. ');
  return (tpl.content.textContent ?? '').replace(/\s*\.\s*(\.\s*)+/g, '. ').replace(/\s+/g, ' ').replace(/\s+([.,])/g, '$1').trim();
}
