// What a phone can load without opening a ward-office screen: the entry, and
// every chunk and stylesheet reachable from it through static and lazy
// imports, stopping at office chunks (named office-* by vite.config.ts). The
// service worker precaches only these scripts and stylesheets. A list of page
// names kept by hand missed each new office page's stylesheet (they are named
// after the page, not office-*); following the import graph cannot.
import type { Plugin } from 'vite';

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

const isOfficeFile = (fileName: string) => /(^|\/)office-[^/]+$/.test(fileName);

/** The scripts and stylesheets reachable from the entries without entering an office chunk. */
export function reachableWithoutOffice(chunks: ChunkLike[]): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const reached = new Set<string>();
  const queue = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (reached.has(name) || isOfficeFile(name)) continue;
    reached.add(name);
    const chunk = byName.get(name);
    if (!chunk) continue;
    for (const css of chunk.viteMetadata?.importedCss ?? []) reached.add(css);
    queue.push(...chunk.imports, ...chunk.dynamicImports);
  }
  return reached;
}

/**
 * Computes the reachable set at generateBundle; `keep(url)` then answers for a
 * precache entry (workbox's manifestTransforms run after the bundle is written).
 */
export function precacheReachPlugin(): { plugin: Plugin; keep: (url: string) => boolean } {
  let reached: Set<string> | null = null;
  const plugin: Plugin = {
    name: 'hvs-precache-reach',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [o as unknown as ChunkLike] : []));
      reached = reachableWithoutOffice(chunks);
    },
  };
  const keep = (url: string) => {
    if (!/^assets\/[^/]+\.(js|css)$/.test(url)) return true;
    if (!reached) throw new Error('precache-reach: the bundle was not seen before the service worker was built');
    return reached.has(url);
  };
  return { plugin, keep };
}
