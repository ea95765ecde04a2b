// The list of every studio tab's code the first online visit hands to the
// service worker: each tab's chunk and what it imports, lazily too, with
// stylesheets and fonts, each once; never the entry's own imports (every page
// has them) or a styles-only chunk's dropped script (a 404).
import { describe, expect, it } from 'vitest';
import { studioCodeFiles, type ChunkLike } from './vite-plugin.ts';

const chunk = (fileName: string, more: Partial<ChunkLike> = {}): ChunkLike => ({ fileName, isEntry: false, facadeModuleId: null, imports: [], dynamicImports: [], ...more });
const meta = (css: string[], assets: string[] = []) => ({ viteMetadata: { importedCss: new Set(css), importedAssets: new Set(assets) } });

describe('the studio tabs\' code list', () => {
  const chunks = [
    chunk('assets/index-A.js', { isEntry: true, imports: ['assets/solid-B.js'], dynamicImports: ['assets/office-cards-page-C.js', 'assets/office-bulletins-page-D.js', 'assets/lesson-E.js'] }),
    chunk('assets/solid-B.js'),
    chunk('assets/office-cards-page-C.js', { facadeModuleId: '/p/web/src/admin/studio/cards-page.tsx', imports: ['assets/index-A.js', 'assets/admin-nav-F.js'], dynamicImports: ['assets/qr-G.js'], ...meta(['assets/cards-page-H.css'], ['assets/be-vietnam-pro-vietnamese-700-normal-I.woff2']) }),
    chunk('assets/office-bulletins-page-D.js', { facadeModuleId: '/p/web/src/admin/bulletins-page.tsx', imports: ['assets/admin-nav-F.js', 'assets/solid-B.js', 'assets/styles-J.js'] }),
    chunk('assets/admin-nav-F.js', meta(['assets/admin-nav-K.css'])),
    chunk('assets/qr-G.js'),
    chunk('assets/styles-J.js', { moduleIds: ['/p/web/src/styles/x.css'], ...meta(['assets/styles-J.css']) }),
    chunk('assets/lesson-E.js'),
  ];

  it('lists each tab\'s chunks, lazy ones included, with their stylesheets and fonts, once', () => {
    expect(studioCodeFiles(['/web/src/admin/studio/cards-page.tsx', '/web/src/admin/bulletins-page.tsx'], chunks).sort()).toEqual(
      [
        '/assets/office-cards-page-C.js',
        '/assets/cards-page-H.css',
        '/assets/be-vietnam-pro-vietnamese-700-normal-I.woff2',
        '/assets/admin-nav-F.js',
        '/assets/admin-nav-K.css',
        '/assets/qr-G.js',
        '/assets/office-bulletins-page-D.js',
        '/assets/styles-J.css',
      ].sort(),
    );
  });

  it('fails the build when a tab has no chunk', () => {
    expect(() => studioCodeFiles(['/web/src/admin/gone-page.tsx'], chunks)).toThrow(/no chunk for \/web\/src\/admin\/gone-page.tsx/);
  });
});
