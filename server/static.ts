// Serves the built PWA (vite's output) from the same port as the API.
// Caching: hashed files never change, so phones may keep them forever; the
// shell (index.html, the service worker, the manifest, the content index)
// must be revalidated so an update reaches phones at all.
import { relative, resolve, sep } from 'node:path';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { createShellHints } from './shell-hints.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Cache-Control for a file, by its path relative to the dist folder. */
export function cacheControlFor(relativePath: string): string {
  // A precompressed copy (index.json.br) is cached like the file it encodes.
  const path = relativePath.split(sep).join('/').replace(/\.(br|gz|zst)$/, '');
  if (path === 'content/index.json') return REVALIDATE;
  if (path.startsWith('assets/') || path.startsWith('content/')) return IMMUTABLE;
  return REVALIDATE; // index.html, sw.js, workbox-*.js, manifest, icons
}

/** `locality`: the app's (config.locality); another locality's local course gets no course shell. */
export function registerStatic(app: Hono<any>, distDir: string, locality?: string): void {
  const root = resolve(distDir);
  // serveStatic builds its response before onFound runs, so onFound only
  // remembers which file was served and the headers are set afterwards.
  const onFound = (path: string, c: Context) => {
    c.set('staticFile', path);
  };
  const withHeaders = (handler: MiddlewareHandler): MiddlewareHandler => async (c, next) => {
    const response = await handler(c, next);
    const file = c.get('staticFile') as string | undefined;
    if (file && response instanceof Response) {
      response.headers.set('Cache-Control', cacheControlFor(relative(root, file)));
      response.headers.set('X-Content-Type-Options', 'nosniff');
    }
    return response;
  };

  // A course's or a lesson's address: the shell with that screen's code, styles
  // and course named in it, so they download alongside the entry; "/": the
  // shell with the home screen's first view in it. Before the static files,
  // which would answer "/" with index.html as built.
  const shellFor = createShellHints(root, locality);
  const sendShell: MiddlewareHandler = async (c, next) => {
    const shell = shellFor(c.req.path);
    if (!shell) return next();
    c.header('Cache-Control', cacheControlFor('index.html'));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Vary', 'Accept-Encoding');
    c.header('Content-Type', 'text/html; charset=UTF-8');
    if (shell.csp) c.header('Content-Security-Policy', shell.csp);
    if (/\bbr\b/.test(c.req.header('accept-encoding') ?? '')) {
      c.header('Content-Encoding', 'br');
      return c.body(new Uint8Array(shell.br));
    }
    return c.body(shell.html);
  };
  app.get('/', sendShell);
  app.get('/courses/*', sendShell);
  // precompressed: the build writes .br/.gz copies (tools/precompress); they are
  // sent with Content-Encoding to browsers that accept them.
  app.use('*', withHeaders(serveStatic({ root, onFound, precompressed: true })));
  // A missing hashed file must be a 404, not the app shell: a service worker
  // would otherwise cache HTML under a script's name.
  app.get('/assets/*', (c) => c.text('Not found', 404));
  app.get('/content/*', (c) => c.text('Not found', 404));
  // SPA fallback: client-side routes (/learn/…, /verify/<code>) get the shell.
  app.get('*', withHeaders(serveStatic({ root, path: 'index.html', onFound, precompressed: true })));
}
