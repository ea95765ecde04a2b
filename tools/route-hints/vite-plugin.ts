// Route hints: the code and styles each resident screen needs beyond the entry.
// index.html is one shell for every address, and without a hint the browser
// learns about a screen's chunk only after the entry has downloaded and run:
// a second round trip before the screen can paint. This plugin writes
// dist/route-hints.json: for each named screen, the chunks to modulepreload
// and the stylesheets to link; the server adds them to the shell it sends for
// a lesson's or a course's address (server/shell-hints.ts). The home screen
// needs none: it is part of the entry (web/src/app/app.tsx).
import type { Plugin } from 'vite';
import { hintsFor, ROUTE_HINTS_FILE, type Chunk, type RouteHints } from '../../shared/route-hints.ts';

/** @param screens name → module path of the screen (e.g. `/web/src/learn/lesson-page.tsx`) */
export function routeHintsPlugin(screens: Record<string, string>): Plugin {
  return {
    name: 'hvs-route-hints',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunkList = Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [o as unknown as Chunk] : []));
      const hints: RouteHints = Object.fromEntries(Object.entries(screens).map(([name, module]) => [name, hintsFor(module, chunkList)]));
      this.emitFile({ type: 'asset', fileName: ROUTE_HINTS_FILE, source: `${JSON.stringify(hints, null, 2)}\n` });
    },
  };
}
