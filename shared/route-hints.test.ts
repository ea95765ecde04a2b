import { describe, expect, it } from 'vitest';
import { hintsFor, hintTags, type Chunk } from './route-hints.ts';

const chunk = (fileName: string, imports: string[], extra: Partial<Chunk> = {}): Chunk => ({ fileName, imports, isEntry: false, facadeModuleId: null, ...extra });
const css = (...files: string[]) => ({ viteMetadata: { importedCss: new Set(files) } });

const BUNDLE: Chunk[] = [
  chunk('assets/index-A.js', ['assets/solid-S.js'], { isEntry: true, ...css('assets/index-A.css') }),
  chunk('assets/solid-S.js', []),
  chunk('assets/lesson-page-L.js', ['assets/index-A.js', 'assets/lesson-M.js', 'assets/solid-S.js'], { facadeModuleId: '/p/web/src/routes/lesson-page.tsx', ...css('assets/lesson-L.css') }),
  chunk('assets/lesson-M.js', ['assets/read-R.js', 'assets/index-A.js'], css('assets/read-R.css', 'assets/index-A.css')),
  chunk('assets/read-R.js', ['assets/lesson-M.js']),
];

describe('route hints', () => {
  it('lists a screen\'s chunks and styles beyond what the entry already loads, cycles included', () => {
    expect(hintsFor('/web/src/routes/lesson-page.tsx', BUNDLE)).toEqual({
      modulepreload: ['/assets/lesson-page-L.js', '/assets/lesson-M.js', '/assets/read-R.js'],
      stylesheet: ['/assets/lesson-L.css', '/assets/read-R.css'],
    });
  });

  it('never preloads a chunk made only of stylesheets (its script is dropped from the build), but keeps its styles', () => {
    const bundle: Chunk[] = [
      chunk('assets/index-A.js', [], { isEntry: true }),
      chunk('assets/lesson-page-L.js', ['assets/lesson-C.js'], { facadeModuleId: '/p/web/src/routes/lesson-page.tsx', moduleIds: ['/p/web/src/routes/lesson-page.tsx'] }),
      chunk('assets/lesson-C.js', [], { moduleIds: ['/p/web/src/styles/lesson.css'], ...css('assets/lesson-C.css') }),
    ];
    expect(hintsFor('/web/src/routes/lesson-page.tsx', bundle)).toEqual({ modulepreload: ['/assets/lesson-page-L.js'], stylesheet: ['/assets/lesson-C.css'] });
  });

  it('fails the build for a screen the bundle does not have', () => {
    expect(() => hintsFor('/web/src/routes/missing-page.tsx', BUNDLE)).toThrow('route-hints: no chunk for /web/src/routes/missing-page.tsx');
  });

  it('turns hints into link tags', () => {
    expect(hintTags({ modulepreload: ['/assets/a.js'], stylesheet: ['/assets/b.css'] })).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/a.js">',
      '<link rel="stylesheet" crossorigin href="/assets/b.css">',
    ]);
  });
});
