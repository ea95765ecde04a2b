// A tiny Solid wrapper around i18next: the current language is a signal, so
// every t() call inside JSX re-runs when the resident switches language.
// The choice is kept in localStorage (read synchronously at start-up, before
// the first paint, unlike IndexedDB).
import i18next, { type TOptions } from 'i18next';
import { createSignal } from 'solid-js';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../shared/skills.ts';
import { loadStrings, viStrings } from './resources.ts';

const STORAGE_KEY = 'hvs.language';

function savedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  } catch {
    // Storage can be blocked (private mode); the default language is fine.
  }
  return DEFAULT_LANGUAGE;
}

const [language, setLanguageSignal] = createSignal<Language>(savedLanguage());

void i18next.init({
  lng: language(),
  fallbackLng: DEFAULT_LANGUAGE,
  resources: { vi: { translation: viStrings } },
  initAsync: false,
  // Solid escapes text itself; escaping here would show "&amp;" to residents.
  interpolation: { escapeValue: false },
});

export { language };

const loaded = new Set<Language>(['vi']);

/** Adds a language's strings to i18next once; a failure leaves the Vietnamese fallback showing. */
async function ensureStrings(lang: Language): Promise<void> {
  if (loaded.has(lang)) return;
  const strings = await loadStrings(lang);
  i18next.addResourceBundle(lang, 'translation', strings, true, true);
  loaded.add(lang);
}

/** Settles once the chosen language's strings are in; the first render waits for it. */
export const stringsReady: Promise<void> = ensureStrings(language()).catch(() => undefined);

export function t(key: string, options?: TOptions): string {
  language(); // subscribe: re-render on language change
  return i18next.t(key, options) as string;
}

function apply(lang: Language): void {
  void i18next.changeLanguage(lang);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still applies for this visit.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  setLanguageSignal(lang);
}

/** Switches language: at once when its strings are in, else once they have loaded. */
export function setLanguage(lang: Language): Promise<void> {
  if (loaded.has(lang)) {
    apply(lang);
    return Promise.resolve();
  }
  return ensureStrings(lang)
    .catch(() => undefined)
    .then(() => apply(lang));
}

/** "14:05" today, "3/5 14:05" on another day, in the chosen language. */
export function formatTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  const locale = language() === 'vi' ? 'vi-VN' : 'en-GB';
  const time = d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === now.toDateString()) return time;
  return `${d.toLocaleDateString(locale, { day: 'numeric', month: 'numeric' })} ${time}`;
}
