// A tiny Solid wrapper around i18next: the current language is a signal, so
// every t() call inside JSX re-runs when the resident switches language.
// The choice is kept in localStorage (read synchronously at start-up, before
// the first paint, unlike IndexedDB). i18next itself loads after the page's
// load event and the first paint; until then the same strings are read by
// lookup.ts, which answers exactly as i18next does (lookup.test.ts).
import type { i18n as I18n } from 'i18next';
import { createSignal } from 'solid-js';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../shared/skills.ts';
import { loadStrings, viStrings } from './resources.ts';
import { mergeInto, translate, type Tree, type TOptions } from './lookup.ts';
import { afterFirstPaint } from '../app/first-paint.ts';

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

/** Every string the app has so far, per language: the eager files, then each screen's as it loads. */
const trees: Partial<Record<Language, Tree>> = { vi: viStrings };
let engine: I18n | undefined;

/** Adds one screen's or one language's strings, to the reader and (once loaded) to i18next. */
export function addStrings(lang: Language, strings: Tree): void {
  mergeInto((trees[lang] ??= {}), strings);
  engine?.addResourceBundle(lang, 'translation', strings, true, true);
}

function pageLoaded(): Promise<void> {
  if (typeof document === 'undefined' || document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => addEventListener('load', () => resolve(), { once: true }));
}

/** Settles once i18next has taken over (after the load event and the first screen's paint: its
 * download must not compete with the first screen's); t() answers the same before and after. */
export const engineReady: Promise<void> = pageLoaded()
  .then(() => afterFirstPaint())
  .then(() => import('i18next'))
  .then(async ({ default: i18next }) => {
    const instance = i18next.createInstance();
    await instance.init({
      lng: language(),
      fallbackLng: DEFAULT_LANGUAGE,
      resources: Object.fromEntries(Object.entries(trees).map(([lang, tree]) => [lang, { translation: structuredClone(tree) }])),
      initAsync: false,
      // Solid escapes text itself; escaping here would show "&amp;" to residents.
      interpolation: { escapeValue: false },
    });
    engine = instance;
  })
  .catch(() => undefined); // the reader goes on answering

export { language };

const loaded = new Set<Language>(['vi']);

/** Adds a language's strings to i18next once; a failure leaves the Vietnamese fallback showing. */
async function ensureStrings(lang: Language): Promise<void> {
  if (loaded.has(lang)) return;
  addStrings(lang, await loadStrings(lang));
  loaded.add(lang);
}

/** Settles once the chosen language's strings are in; the first render waits for it. */
export const stringsReady: Promise<void> = ensureStrings(language()).catch(() => undefined);

export function t(key: string, options?: TOptions): string {
  const lang = language(); // subscribe: re-render on language change
  return engine ? (engine.t(key, options) as string) : translate(trees, lang, DEFAULT_LANGUAGE, key, options);
}

function apply(lang: Language): void {
  void engine?.changeLanguage(lang);
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
