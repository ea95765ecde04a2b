// Vite plugin: validates courses/ at the start of every build (a bad file stops
// the build with file:line: message) and emits the compiled content. In dev it
// serves the same files from memory and reloads the page when a lesson changes.
import type { Plugin, ViteDevServer } from 'vite';
import { loadCourses, type LoadResult } from './load.ts';
import { formatContentError } from '../../shared/content/source-location.ts';

const MIME: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

export function formatErrors(result: LoadResult): string {
  return `${result.errors.length} problem(s) in courses/:\n${result.errors.map(formatContentError).join('\n')}`;
}

/** The self-check bank, imported by its lazy screen (web/src/self-check): it is precached with that chunk. */
export const SELF_CHECK_MODULE = 'virtual:hvs-self-check';
const RESOLVED_SELF_CHECK = '\0' + SELF_CHECK_MODULE;

export function coursesPlugin(options: { coursesDir: string }): Plugin {
  let result: LoadResult | undefined;
  const load = () => (result = loadCourses(options.coursesDir));

  return {
    name: 'hvs-courses',
    buildStart() {
      load();
      if (result!.errors.length) this.error(formatErrors(result!));
    },
    resolveId(id) {
      return id === SELF_CHECK_MODULE ? RESOLVED_SELF_CHECK : undefined;
    },
    load(id) {
      if (id !== RESOLVED_SELF_CHECK) return undefined;
      const current = result ?? load();
      return `export default ${JSON.stringify(current.selfCheck)};`;
    },
    generateBundle() {
      for (const [fileName, source] of result!.files) {
        this.emitFile({ type: 'asset', fileName, source });
      }
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(options.coursesDir);
      server.watcher.on('all', (_event, file) => {
        if (!file.startsWith(options.coursesDir)) return;
        load();
        if (result!.errors.length) server.config.logger.error(formatErrors(result!));
        server.ws.send({ type: 'full-reload' });
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0].replace(/^\//, '');
        if (!path.startsWith('content/')) return next();
        const current = result ?? load();
        const body = current.files.get(path);
        if (body === undefined) {
          res.statusCode = current.errors.length ? 500 : 404;
          res.setHeader('content-type', 'text/plain; charset=utf-8');
          res.end(current.errors.length ? formatErrors(current) : 'not found');
          return;
        }
        res.setHeader('content-type', MIME[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
        res.end(body);
      });
    },
  };
}
