// Writes a Brotli (.br) and a gzip (.gz) copy next to every text file of the
// build, once, at build time, so the server sends compressed bytes without
// compressing on each request (server/static.ts serves them when the browser
// accepts them). A phone on a weak signal then downloads the first screen in
// about a third of the bytes. The service worker precaches the plain files
// (its glob patterns do not match .br/.gz); the browser decompresses before
// the cache sees them.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|mjs|css|html|json|svg|webmanifest|txt|xml)$/;
/**
 * Left plain: the service worker script is how a browser notices a new
 * version (it compares the bytes), so it must never be answered from a copy
 * that could be older than the file beside it.
 */
const KEEP_PLAIN = new Set(['sw.js']);
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export function precompress(outDir: string): void {
  for (const path of files(outDir)) {
    if (!TEXT.test(path) || KEEP_PLAIN.has(relative(outDir, path))) continue;
    const plain = readFileSync(path);
    if (plain.length < MIN_BYTES) continue;
    const br = brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } });
    const gz = gzipSync(plain, { level: 9 });
    if (br.length < plain.length) writeFileSync(`${path}.br`, br);
    if (gz.length < plain.length) writeFileSync(`${path}.gz`, gz);
  }
}

export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'hvs-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After every other plugin has written its files (the service worker included).
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        precompress(outDir);
      },
    },
  };
}
