// The studio reopens offline once it has been opened online. Office code is
// not precached (residents' phones need not store it); the service worker
// keeps every script, stylesheet and font it did not precache the first time
// it sees one go by (cache `hvs-office-code`, vite.config.ts). But on a
// browser's first visit the worker starts controlling the page only after the
// page has loaded this code, so it never sees those requests: the page hands
// the worker the addresses it loaded (workbox's CACHE_URLS message runs each
// through the same rule), and keeps doing so for what it loads later (the
// cards' fonts). Precached files are answered by the precache and not stored twice.
const OWN_CODE = /^\/assets\/[^/]+\.(js|css|woff2)$/;

let watching = false;

/** The same-origin scripts, stylesheets and fonts among these resource addresses. */
export function ownCodeUrls(names: readonly string[], origin: string): string[] {
  const urls = new Set<string>();
  for (const name of names) {
    const url = new URL(name, origin);
    if (url.origin === origin && OWN_CODE.test(url.pathname)) urls.add(url.href);
  }
  return [...urls];
}

/** From now on, every script, stylesheet and font this page loads is kept for offline use. */
export function keepOfficeCodeOffline(): void {
  if (watching || !import.meta.env.PROD || !('serviceWorker' in navigator) || typeof PerformanceObserver === 'undefined') return;
  watching = true;
  const worker = navigator.serviceWorker.ready.then((r) => r.active);
  // buffered: the entries of everything loaded before this screen mounted come first.
  new PerformanceObserver((list) => {
    const urls = ownCodeUrls(list.getEntries().map((e) => e.name), location.origin);
    if (urls.length > 0) void worker.then((w) => w?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: urls } }));
  }).observe({ type: 'resource', buffered: true });
}
