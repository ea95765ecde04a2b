// `npm start`, first half: build the PWA and bundle the server when either is
// missing or older than its sources. The second half of the npm script then
// runs the bundle with plain node (the server migrates the database on open).
// A slim install (runtime packages only) cannot build the PWA and says so,
// rather than letting npx fetch a builder.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleServer, serverBundleIsStale } from '../../tools/server-bundle/bundle.ts';
import { loadEnv } from '../env.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = ['web', 'courses', 'shared', 'vite.config.ts'];
const SKIP = new Set(['node_modules', '.git', 'dist', '.vite']);

/** Newest modification time of a file or, recursively, a folder's files. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

export function needsBuild(distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > built);
}

const env = loadEnv();
const distDir = resolve(env.DIST_DIR);
/** A slim install (`npm ci --omit=dev`) has no build tools: it serves a dist/ built beforehand. */
function hasBuildTools(): boolean {
  try {
    createRequire(join(ROOT, 'package.json')).resolve('vite/package.json');
    return true;
  } catch {
    return false;
  }
}

if (needsBuild(distDir)) {
  if (!hasBuildTools()) {
    process.stderr.write(`The app in ${distDir} is missing or older than its sources, and this install has no build tools (npm ci --omit=dev).\nBuild it first with the full install: npm ci && npm run build, then npm prune --omit=dev.\n`);
    process.exit(1);
  }
  console.log('Building the app (vite build)…');
  const result = spawnSync('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('The app build failed; see the messages above.\n');
    process.exit(result.status ?? 1);
  }
}
if (serverBundleIsStale(ROOT)) {
  console.log('Bundling the server…');
  await bundleServer(ROOT);
}
