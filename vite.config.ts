import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { coursesPlugin } from './tools/courses/vite-plugin.ts';

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
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/verify\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
