// Service worker registration (production builds only; the worker itself is
// generated at build time and precaches the app shell and all course content).
// A new version never takes over by itself: it waits until the resident taps
// "Reload" on the update banner, so a lesson in progress is never interrupted.
import { createRoot, createSignal } from 'solid-js';
import type { Workbox } from 'workbox-window';

const [isUpdateReady, setUpdateReady] = createRoot(() => createSignal(false));
let wb: Workbox | undefined;

/**
 * Whether the app can be used with no connection: 'ready' once a worker is
 * active (it activates only after its install step has precached the shell and
 * every course), 'preparing' until then, 'none' where there is no worker at
 * all (development, or a browser without service workers).
 */
export type OfflineReadiness = 'none' | 'preparing' | 'ready';
const canWork = () => import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
const [offlineReadiness, setOfflineReadiness] = createRoot(() =>
  createSignal<OfflineReadiness>(!canWork() ? 'none' : navigator.serviceWorker.controller ? 'ready' : 'preparing'),
);

export { isUpdateReady, offlineReadiness };

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => setUpdateReady(true));
  void navigator.serviceWorker.ready.then(() => setOfflineReadiness('ready'));
  await wb.register();
}

/** Lets the waiting worker take over, then reloads once it controls the page. */
export function applyUpdate(): void {
  if (!wb) return location.reload();
  wb.addEventListener('controlling', () => location.reload());
  wb.messageSkipWaiting();
}
