// Every studio tab's code, listed at build time (dist/studio-code.json), so
// that opening any tab online once can have the service worker keep all of
// them (web/src/admin/keep-office-code.ts): a tab never opened online still
// opens offline. For each tab's module: its chunk and every chunk it imports,
// statically or lazily, with their stylesheets and files (the cards' fonts),
// less the entry's own static imports, which every page has already loaded.
import type { Plugin } from 'vite';

export const STUDIO_CODE_FILE = 'studio-code.json';

export interface ChunkLike {
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  moduleIds?: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

/** A chunk made only of stylesheets: its empty script is dropped after this plugin sees it (shared/route-hints.ts). */
const isStylesOnly = (c: ChunkLike | undefined) => !!c?.moduleIds && c.moduleIds.length > 0 && c.moduleIds.every((id) => /\.css($|\?)/.test(id));

/** Absolute paths of the files the given screen modules need, each once. */
export function studioCodeFiles(screenModules: readonly string[], chunks: readonly ChunkLike[]): string[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const shell = new Set<string>();
  const walk = (start: string[], into: Set<string>, lazy: boolean) => {
    const queue = [...start];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (into.has(name) || (into !== shell && shell.has(name))) continue;
      into.add(name);
      const c = byName.get(name);
      if (c) queue.push(...c.imports, ...(lazy ? c.dynamicImports : []));
    }
  };
  walk(chunks.filter((c) => c.isEntry).map((c) => c.fileName), shell, false);
  const files = new Set<string>();
  for (const module of screenModules) {
    const screen = chunks.find((c) => c.facadeModuleId?.endsWith(module));
    if (!screen) throw new Error(`studio-code: no chunk for ${module}`);
    walk([screen.fileName], files, true);
  }
  const out = new Set<string>();
  for (const f of files) {
    out.add(f);
    const meta = byName.get(f)?.viteMetadata;
    for (const extra of [...(meta?.importedCss ?? []), ...(meta?.importedAssets ?? [])]) out.add(extra);
  }
  return [...out].filter((f) => !isStylesOnly(byName.get(f))).map((f) => `/${f}`);
}

/** @param screenModules the studio tabs' modules (e.g. `/web/src/admin/bulletins-page.tsx`) */
export function studioCodePlugin(screenModules: readonly string[]): Plugin {
  return {
    name: 'hvs-studio-code',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [o as unknown as ChunkLike] : []));
      this.emitFile({ type: 'asset', fileName: STUDIO_CODE_FILE, source: `${JSON.stringify(studioCodeFiles(screenModules, chunks), null, 2)}\n` });
    },
  };
}
