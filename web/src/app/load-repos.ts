// Stores reach storage through this one lazy import: the first screen paints
// before Dexie has even downloaded. The import waits for the page's `load`
// event (everything index.html asked for) and for the first screen's paint,
// so Dexie's 30 KB never compete with what the first screen shows; the
// progress bars and the home plan fill in just after.
import type { Repos } from '../resident/db/index.ts';
import { afterFirstPaint } from './first-paint.ts';

let pending: Promise<Repos> | undefined;

function pageLoaded(): Promise<void> {
  if (typeof document === 'undefined' || document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => addEventListener('load', () => resolve(), { once: true }));
}

export function loadRepos(): Promise<Repos> {
  pending ??= Promise.all([pageLoaded(), afterFirstPaint()])
    .then(() => import('../resident/db/index.ts'))
    .then((m) => m.openRepos());
  return pending;
}
