import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { coursesPlugin } from './tools/courses/vite-plugin.ts';

const sharedDir = new URL('./shared/', import.meta.url).pathname;

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
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  plugins: [
    coursesPlugin({ coursesDir: new URL('./courses', import.meta.url).pathname }),
    solid(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false, // web/public/manifest.webmanifest is the single source
      workbox: {
        // Precache the shell and every content chunk so a course works offline
        // after one visit, reloads included.
        globPatterns: ['**/*.{js,css,html,svg,png,jpg,jpeg,webp,webmanifest,json}'],
        // The staff page needs the server anyway; residents' phones need not
        // download and store its code.
        globIgnores: ['**/ward-page-*', '**/ward-admin-page-*', '**/posters-page-*', '**/admin-api-*', '**/admin-nav-*'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/verify\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
