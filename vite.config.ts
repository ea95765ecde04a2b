import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { coursesPlugin } from './tools/courses/vite-plugin.ts';
import { precompressPlugin } from './tools/precompress/vite-plugin.ts';
import { routeHintsPlugin } from './tools/route-hints/vite-plugin.ts';
import { compileHintsPlugin } from './tools/compile-hints/vite-plugin.ts';
import { precacheReachPlugin } from './tools/precache-reach/vite-plugin.ts';
import { firstScreenPlugin } from './tools/first-screen/vite-plugin.ts';
import { STUDIO_CODE_FILE, studioCodePlugin } from './tools/studio-code/vite-plugin.ts';

const precacheReach = precacheReachPlugin();
const sharedDir = new URL('./shared/', import.meta.url).pathname;
const officeDirs = ['web/src/admin/', 'web/src/dashboard/', 'web/src/unit-log/', 'web/src/registers/', 'web/src/city/'].map((p) => new URL(`./${p}`, import.meta.url).pathname);
const isOffice = (id: string) => officeDirs.some((d) => id.startsWith(d));
/** A screen of the ward office, or a chunk only such screens share. */
const isOfficeChunk = (c: { facadeModuleId: string | null; moduleIds: string[] }) =>
  c.facadeModuleId ? isOffice(c.facadeModuleId) : c.moduleIds.length > 0 && c.moduleIds.every(isOffice);

// The PWA lives in web/; the build goes to dist/, which the Hono server serves.
// The courses plugin validates courses/ and emits content/index.json plus one
// chunk per course per language; a bad content file fails the build.
export default defineConfig({
  root: 'web',
  publicDir: 'public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: {
      // shared/ holds schemas, constants and pure functions: no module there
      // has side effects. Saying so lets the bundler drop the zod schemas a
      // phone never uses when web code imports a constant or a pure function
      // from a file that also defines schemas (about 25 KB gzip).
      treeshake: { moduleSideEffects: (id: string) => !id.startsWith(sharedDir) },
      // Ward-office code is named office-*, so the service worker leaves it out
      // of the precache by name (below) and the size gate (tests/size) can tell it apart.
      output: {
        chunkFileNames: (c) => (isOfficeChunk(c) ? 'assets/office-[name]-[hash].js' : 'assets/[name]-[hash].js'),
        // Everything the entry imports statically in one file: the bundler
        // otherwise splits the modules lazy screens share with the entry into
        // five small chunks, and on a slow network each extra request before
        // the first paint costs a round trip.
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 3 },
            // Reading aloud, which the settings and a course's page use too: one file.
            { name: 'read-aloud', test: /web\/src\/(a11y\/(speech\.ts|read-aloud-button\.tsx)|learn\/step-audio\.ts)$/, priority: 2 },
            // A lesson's screen in one script and one stylesheet instead of four of each
            // (each a round trip on a slow network before the lesson paints).
            { name: 'lesson-screen', test: /web\/src\/learn\/(lesson-page|lesson-player|lesson-steps|quiz-view|quiz-order|html-block|explanation|reading-position)\.tsx?$/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  plugins: [
    coursesPlugin({ coursesDir: new URL('./courses', import.meta.url).pathname }),
    solid(),
    // Which chunks a course or lesson address needs, for the server's shell.
    precacheReach.plugin,
    routeHintsPlugin({ course: '/web/src/learn/course-page.tsx', lesson: '/web/src/learn/lesson-page.tsx' }),
    // The studio tabs' code (the tabs of StudioNav, web/src/admin/admin-nav.tsx, and the
    // bulletins' schedule), which the first online visit to any of them has the worker keep.
    studioCodePlugin(['/web/src/admin/bulletins-page.tsx', '/web/src/admin/studio/cards-page.tsx', '/web/src/admin/posters-page.tsx', '/web/src/admin/displays-page.tsx', '/web/src/admin/bulletin-schedule/schedule-page.tsx']),
    // The home screen's first view as HTML, for the server's shell of "/".
    firstScreenPlugin(new URL('./web', import.meta.url).pathname),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false, // web/public/manifest.webmanifest is the single source
      workbox: {
        // Precache the shell and every content chunk so a course works offline
        // after one visit, reloads included.
        globPatterns: ['**/*.{js,css,html,svg,png,jpg,jpeg,webp,webmanifest,json}'],
        // The ward office's pages (dashboard, admin) need the server anyway;
        // residents' phones need not download and store their code. Guide
        // screens stay precached: guide mode works offline. route-hints.json and
        // first-screen.html are for the server only (tools/route-hints,
        // tools/first-screen). The size gate
        // (tests/size) fails if office code shows up in this list.
        // Course files and drawings are stored per language by the app
        // (web/src/sw/content-cache.ts), not precached in both languages.
        // Scripts and stylesheets only office screens load (their stylesheets
        // are named after the page, not office-*) are left out by following
        // the import graph: tools/precache-reach.
        // The change of locality (web/src/resident/locality-choice.tsx) is left out too: only a
        // city's localities show it and it needs the city's list online; the rule below keeps it once loaded.
        manifestTransforms: [async (entries) => ({ manifest: entries.filter((e) => precacheReach.keep(e.url) && !/(^|\/)locality-choice-[^/]+$/.test(e.url)), warnings: [] })],
        globIgnores: ['**/office-*', 'route-hints.json', STUDIO_CODE_FILE, 'first-screen.*', '**/jsQR-*', 'content/*.vi.*.json', 'content/*.en.*.json', 'content/images/**'],
        // The jsqr decoder is only a fallback for browsers without the platform's
        // BarcodeDetector (Chrome on Android has one), so its 130 KB are not
        // precached on every phone: it is kept the first time a phone needs it.
        runtimeCaching: [
          { urlPattern: /\/assets\/jsQR-[^/]+\.js$/, handler: 'CacheFirst', options: { cacheName: 'qr-fallback', expiration: { maxEntries: 2 } } },
          // Any other script, stylesheet or font reaching this rule is one the precache left out:
          // the ward office's code, kept the first time an office screen loads it (the studio's
          // tabs hand over what they loaded before the worker controlled them:
          // web/src/admin/keep-office-code.ts), so the studio reopens offline. Residents never load it.
          { urlPattern: /\/assets\/[^/]+\.(js|css|woff2)$/, handler: 'CacheFirst', options: { cacheName: 'hvs-office-code', expiration: { maxEntries: 150 } } },
          // Same cache name as content-cache.ts: what the app stored is answered offline, and a file it has not stored yet is kept when first fetched.
          // News thumbnails: stored by web/src/news/photo-cache.ts after each fresh list (same cache name), pruned to the list's.
          { urlPattern: /\/api\/v1\/news\/photos\/[0-9a-f]{64}$/, handler: 'CacheFirst', options: { cacheName: 'hvs-news-photos', expiration: { maxEntries: 200 } } },
          { urlPattern: /\/content\/(images\/.+|[^/]+\.(vi|en)\.[0-9a-f]+\.json)$/, handler: 'CacheFirst', options: { cacheName: 'hvs-content' } },
        ],
        // The one app shell for every address, a locality's (/l/<slug>/…) too; what a
        // server answers itself (API, verification pages, feeds) never, in a locality neither.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^(\/l\/[^/]+)?\/api\//, /^(\/l\/[^/]+)?\/verify\//, /^(\/l\/[^/]+)?\/feeds\//],
        cleanupOutdatedCaches: true,
      },
    }),
    // The entry compiled eagerly, off the main thread, while it downloads.
    compileHintsPlugin(),
    // Last: .br/.gz copies of everything above, the service worker included.
    precompressPlugin(),
  ],
});
