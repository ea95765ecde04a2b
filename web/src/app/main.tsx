// First: no module may parse with zod before it is told not to use eval.
import './zod-no-eval.ts';
import { render } from 'solid-js/web';
import { applyDisplayPrefs } from '../a11y/apply-display-prefs.ts';
import { App, preloadFirstScreen } from './app.tsx';
import { createAppStores } from './app-stores.tsx';
import { afterFirstPaint, holdUntilFirstPaint } from './first-paint.ts';
import { replayFirstTaps } from './first-taps.ts';
import { registerServiceWorker } from '../sw/register-sw.ts';
import { watchInstallOffer } from '../sw/install-prompt.ts';
import { language, stringsReady } from '../i18n/index.ts';
import { DEFAULT_LANGUAGE } from '../../../shared/skills.ts';
import { appPathOf, localityBase, settleLocality } from '../net/api-base.ts';
import { keepLinksInLocality } from './locality-links.ts';
// Every lazy screen registers its strings through it: in the first download (a few
// bytes) rather than a chunk of its own fetched before each such screen can paint.
import '../i18n/lazy-strings.ts';
import '../styles/base.css';
import '../styles/layout.css';
import '../styles/a11y.css';
import '../styles/loading.css';

// A mangled address (a shared link cut mid-character) cannot be decoded, and
// the router's links throw on it, leaving a blank page: show the not-found
// screen, which links home, instead.
try {
  decodeURI(location.pathname);
} catch {
  history.replaceState(history.state, '', `${localityBase()}/not-found`);
}
// A locality's link is remembered; "/" (the home-screen icon) on a phone that
// remembers one is the same screen in that locality, offline too (api-base.ts).
const inLocality = settleLocality(location.pathname);
if (inLocality) history.replaceState(history.state, '', inLocality + location.search + location.hash);
const appPath = appPathOf(location.pathname);
keepLinksInLocality();
document.documentElement.lang = language();
// A first visit to "/" arrives with the home screen's first view as HTML in
// the root (server/shell-hints.ts): it is replaced by the app's own render,
// in the same task, so no frame shows neither. In another language it would
// show the wrong words until then: those go at once.
const root = document.getElementById('app')!;
if (language() !== DEFAULT_LANGUAGE) root.replaceChildren();
// Text size and contrast before the first render, so the first paint is already right.
applyDisplayPrefs();
// The first render waits for the screen's code, its content (the course
// index, and a lesson's course) and, for English, its strings, so the
// first paint is the whole screen: nothing appears above what is already
// shown and pushes it down. A screen whose code cannot load (offline, never
// visited) shows its error notice from the layout, so a failed preload only
// means rendering at once.
const painted = holdUntilFirstPaint();
const stores = createAppStores();
void Promise.all([preloadFirstScreen(appPath).catch(() => undefined), stores.content.preloadForPath(appPath, language()), stringsReady])
  .then(() => {
    // The render's duration shows up as a user timing in performance traces.
    const start = performance.now();
    root.replaceChildren();
    render(() => <App stores={stores} />, root);
    performance.measure('hvs:first-render', { start });
    replayFirstTaps(root);
    painted();
    watchInstallOffer();
    return afterFirstPaint();
  })
  .then(() => registerServiceWorker());
