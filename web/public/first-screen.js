// Starts the app on a first visit to "/" (server/shell-hints.ts). The home
// screen arrived as HTML and the app's entry is already downloading
// (modulepreload); running it only after the browser has painted that HTML
// keeps the script's start-up, seconds on a cheap phone, from holding up the
// first paint. The app then replaces the HTML with the same screen, live.
const entry = document.querySelector('script[data-entry]')?.dataset.entry;
if (entry) {
  const start = () => import(entry);
  requestAnimationFrame(() => setTimeout(start, 0));
  // A page opened in the background gets no animation frames until shown.
  setTimeout(start, 1000);
}
