// The home screen's first view as static HTML, for a first visit's shell.
// Written at build time (tools/first-screen) and put inside <div id="app"> by
// the server (server/shell-hints.ts) for the address "/", so a first visit
// paints the header, the title and the welcome text as soon as the HTML and
// the stylesheet arrive, not after the app's script has downloaded and run on
// a slow phone. The app replaces it with the same thing when it starts.
export const FIRST_SCREEN_FILE = 'first-screen.html';
/** Starts the app's entry once that HTML has painted (web/public/first-screen.js). */
export const FIRST_SCREEN_SCRIPT = 'first-screen.js';
