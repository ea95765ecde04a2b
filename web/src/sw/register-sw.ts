// Service worker registration (production builds only; the worker itself is
// generated at build time and precaches the app shell and the course list;
// course content is stored per language, see content-cache.ts).
// A new version never takes over by itself: it waits until the resident taps
// "Reload" on the update banner, so a lesson in progress is never interrupted.
import { createEffect, createRoot, createSignal } from 'solid-js';
import type { Language } from '../../../shared/skills.ts';
import { language } from '../i18n/index.ts';
import type { Workbox } from 'workbox-window';

const [isUpdateReady, setUpdateReady] = createRoot(() => createSignal(false));
let wb: Workbox | undefined;

/**
 * Whether the app can be used with no connection: 'ready' once a worker is
 * active (its install step has precached the shell and the course list) and
 * every course in the resident's language is stored (content-cache.ts),
 * 'preparing' until then, 'none' where there is no worker at all
 * (development, or a browser without service workers).
 */
export type OfflineReadiness = 'none' | 'preparing' | 'ready';
const canWork = () => import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
const [offlineReadiness, setOfflineReadiness] = createRoot(() =>
  createSignal<OfflineReadiness>(!canWork() ? 'none' : navigator.serviceWorker.controller ? 'ready' : 'preparing'),
);

export { isUpdateReady, offlineReadiness };

/** The state on the page's root too (data-offline), where any screen and a browser test can read it. */
function setReadiness(state: OfflineReadiness): void {
  setOfflineReadiness(state);
  document.documentElement.dataset.offline = state;
}

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => setUpdateReady(true));
  void navigator.serviceWorker.ready.then(() => keepContent());
  await wb.register();
}

let storing: Language | null = null;
/** Stores the courses of the app's language (again after a switch); ready when done. */
function keepContent(): void {
  createRoot(() =>
    createEffect(() => {
      const lang = language();
      if (storing === lang) return;
      // No connection (a switch of language offline): store when it is back.
      if (!navigator.onLine) return void addEventListener('online', () => keepContent(), { once: true });
      storing = lang;
      setReadiness('preparing');
      void import('./content-cache.ts')
        .then((m) => m.keepLanguageOffline(lang))
        .then(() => storing === lang && setReadiness('ready'))
        // Offline or a failed file: try again when the connection is back.
        .catch(() => {
          storing = null;
          addEventListener('online', () => keepContent(), { once: true });
        });
    }),
  );
}

/** Lets the waiting worker take over, then reloads once it controls the page. */
export function applyUpdate(): void {
  if (!wb) return location.reload();
  wb.addEventListener('controlling', () => location.reload());
  wb.messageSkipWaiting();
}
