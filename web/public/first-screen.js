// Starts the app on a first visit to "/", a course or a lesson. The server puts
// this file's text in the page as an inline module script (server/shell-hints.ts),
// so no request of its own stands before the first paint.
// The screen arrived as HTML; the app's entry is fetched and run only once the
// browser reports that screen shown (its first contentful paint), so neither
// its download nor its start-up, seconds on a cheap phone, can hold up what
// the resident reads first. The app then replaces the HTML with the same
// screen, live; on a slow connection the buttons answer about one round trip
// later than if the entry had been fetched alongside the page. A button
// tapped before then is not lost: the tap is kept (window.__hvsFirstTaps,
// by the button's data-testid) and starts the app at once, and the app
// taps the same button of its own screen when it has drawn it
// (web/src/app/first-taps.ts).
const script = document.querySelector('script[data-entry]');
const entry = script?.dataset.entry;
if (entry) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    // What the app fetches first (the course index, a lesson's course) and
    // the screen's code, alongside the entry.
    const list = (value) => (value ?? '').split(' ').filter(Boolean);
    for (const href of list(script.dataset.preload)) {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', href, as: 'fetch', crossOrigin: 'anonymous' }));
    }
    for (const href of list(script.dataset.modules)) {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href, crossOrigin: 'anonymous' }));
    }
    void import(entry);
  };
  try {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      start();
    }).observe({ type: 'paint', buffered: true });
  } catch {
    requestAnimationFrame(() => setTimeout(start, 0));
  }
  // A page opened in the background paints nothing until shown.
  setTimeout(start, 1000);
  // Until the app has replayed them (`taken`), taps on the HTML's buttons are kept.
  const first = (window.__hvsFirstTaps = { taps: [], taken: false });
  const root = document.getElementById('app');
  const keep = (event) => {
    if (first.taken) return root?.removeEventListener('click', keep, true);
    const button = event.target instanceof Element ? event.target.closest('button[data-testid]') : null;
    if (!button) return;
    event.preventDefault();
    first.taps.push(button.dataset.testid);
    start();
  };
  root?.addEventListener('click', keep, true);
}
