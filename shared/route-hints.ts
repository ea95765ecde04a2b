// What a screen needs beyond the entry, computed from the bundle at build
// time (vite-plugin.ts) and turned into <link> tags by the server
// (server/shell-hints.ts).
export interface ScreenHints {
  /** Chunks beyond the entry and its imports, as absolute paths. */
  modulepreload: string[];
  stylesheet: string[];
}

export type RouteHints = Record<string, ScreenHints>;

export const ROUTE_HINTS_FILE = 'route-hints.json';

export type Chunk = { fileName: string; imports: string[]; isEntry: boolean; facadeModuleId: string | null; moduleIds?: string[]; viteMetadata?: { importedCss: Set<string> } };

/**
 * A chunk made only of stylesheets: the bundler drops its empty script after
 * this plugin has seen it (the styles stay, as the importer's CSS), so a
 * preload of it would be a 404 on the lesson's critical path.
 */
const isStylesOnly = (c: Chunk | undefined) => !!c?.moduleIds && c.moduleIds.length > 0 && c.moduleIds.every((id) => /\.css($|\?)/.test(id));

/** A chunk and every chunk it imports statically, transitively. */
function closure(start: string, chunks: Map<string, Chunk>): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const f of chunks.get(file)?.imports ?? []) visit(f);
  };
  visit(start);
  return [...seen];
}

export function hintsFor(screenModule: string, chunkList: Chunk[]): ScreenHints {
  const chunks = new Map(chunkList.map((c) => [c.fileName, c]));
  const entry = chunkList.find((c) => c.isEntry);
  if (!entry) throw new Error('route-hints: the build has no entry chunk');
  // A screen's own chunk, or the group chunk it was bundled into (vite.config.ts codeSplitting).
  const screen = chunkList.find((c) => c.facadeModuleId?.endsWith(screenModule)) ?? chunkList.find((c) => c.moduleIds?.some((id) => id.endsWith(screenModule)));
  if (!screen) throw new Error(`route-hints: no chunk for ${screenModule}`);
  const shell = new Set(closure(entry.fileName, chunks));
  const shellCss = new Set([...shell].flatMap((f) => [...(chunks.get(f)?.viteMetadata?.importedCss ?? [])]));
  const files = closure(screen.fileName, chunks).filter((f) => !shell.has(f));
  const css = [...new Set(files.flatMap((f) => [...(chunks.get(f)?.viteMetadata?.importedCss ?? [])]))].filter((f) => !shellCss.has(f));
  return { modulepreload: files.filter((f) => !isStylesOnly(chunks.get(f))).map((f) => `/${f}`), stylesheet: css.map((f) => `/${f}`) };
}

/** `<link>` tags for a screen's hints, to go before `</head>`. */
export function hintTags(h: ScreenHints): string[] {
  return [
    ...h.modulepreload.map((f) => `<link rel="modulepreload" crossorigin href="${f}">`),
    ...h.stylesheet.map((f) => `<link rel="stylesheet" crossorigin href="${f}">`),
  ];
}
