// Most visits start on the home screen, whose code is its own chunk (route
// splitting). Without a hint the browser learns about that chunk only after
// the entry script has downloaded and run, a second round trip before the
// course list can paint. This adds <link rel="modulepreload"> for the home
// route's chunks (and its stylesheet) to index.html so they download with the
// entry. Other screens pay a few KB they may not use; the size gate counts
// these chunks as first-screen JS either way.
import type { Plugin } from 'vite';

export function homePreloadPlugin(homeModule: string): Plugin {
  return {
    name: 'hvs-home-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [o] : []));
        const home = chunks.find((c) => c.facadeModuleId?.endsWith(homeModule));
        if (!home) throw new Error(`home-preload: no chunk for ${homeModule}`);
        const js = [home.fileName, ...home.imports].filter((f) => !html.includes(`/${f}"`));
        const css = [...(home.viteMetadata?.importedCss ?? [])].filter((f) => !html.includes(`/${f}"`));
        const tags = [
          ...js.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
          ...css.map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
        ];
        return html.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`);
      },
    },
  };
}
