// The studio reopens offline once it has been opened online. Office code is
// not precached (residents' phones need not store it); the service worker
// keeps every script, stylesheet and font it did not precache the first time
// it sees one go by (cache `hvs-office-code`, vite.config.ts). But on a
// browser's first visit the worker starts controlling the page only after the
// page has loaded this code, so it never sees those requests: the page hands
// the worker the addresses it loaded (workbox's CACHE_URLS message runs each
// through the same rule), and keeps doing so for what it loads later (the
// cards' fonts). Precached files are answered by the precache and not stored twice.
// A tab never opened online would still be missing: so any studio tab opened
// online also hands over the build's list of every tab's code (studio-code.json,
// tools/studio-code), and all of them reopen offline after one online visit.
const OWN_CODE = /^\/assets\/[^/]+\.(js|css|woff2)$/;

let watching = false;
let warmed = false;

/** Written by tools/studio-code/vite-plugin.ts at build time. */
const STUDIO_CODE_LIST = '/studio-code.json';

/** The same-origin scripts, stylesheets and fonts among these resource addresses. */
export function ownCodeUrls(names: readonly string[], origin: string): string[] {
  const urls = new Set<string>();
  for (const name of names) {
    const url = new URL(name, origin);
    if (url.origin === origin && OWN_CODE.test(url.pathname)) urls.add(url.href);
  }
  return [...urls];
}

const activeWorker = () => navigator.serviceWorker.ready.then((r) => r.active);

/** The worker keeps every studio tab's code, not only this one's: once per page load, with a connection. */
export function keepStudioCodeOffline(): void {
  if (warmed || !import.meta.env.PROD || !('serviceWorker' in navigator) || !navigator.onLine) return;
  warmed = true;
  void (async () => {
    try {
      // Asked afresh: after an update the list names the new build's files.
      const res = await fetch(STUDIO_CODE_LIST, { cache: 'no-store' });
      if (!res.ok) return;
      const urls = ownCodeUrls((await res.json()) as string[], location.origin);
      if (urls.length > 0) (await activeWorker())?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: urls } });
    } catch {
      warmed = false; // the connection dropped: the next studio screen opened online tries again
    }
  })();
}

/** From now on, every script, stylesheet and font this page loads is kept for offline use. */
export function keepOfficeCodeOffline(): void {
  if (watching || !import.meta.env.PROD || !('serviceWorker' in navigator) || typeof PerformanceObserver === 'undefined') return;
  watching = true;
  const worker = activeWorker();
  // buffered: the entries of everything loaded before this screen mounted come first.
  new PerformanceObserver((list) => {
    const urls = ownCodeUrls(list.getEntries().map((e) => e.name), location.origin);
    if (urls.length > 0) void worker.then((w) => w?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: urls } }));
  }).observe({ type: 'resource', buffered: true });
}
