import { describe, expect, it } from 'vitest';
import { reachableWithoutOffice } from './vite-plugin.ts';

const chunk = (fileName: string, o: { entry?: boolean; imports?: string[]; lazy?: string[]; css?: string[] } = {}) => ({
  type: 'chunk' as const,
  fileName,
  isEntry: o.entry ?? false,
  imports: o.imports ?? [],
  dynamicImports: o.lazy ?? [],
  viteMetadata: { importedCss: new Set(o.css ?? []), importedAssets: new Set<string>() },
});

describe('what a phone can load without an office screen', () => {
  it('follows static and lazy imports from the entry, with their stylesheets, and stops at office chunks', () => {
    const reached = reachableWithoutOffice([
      chunk('assets/index-a.js', { entry: true, lazy: ['assets/lesson-page-b.js', 'assets/office-news-desk-page-c.js'] }),
      chunk('assets/lesson-page-b.js', { imports: ['assets/speech-d.js'], css: ['assets/lesson-page-b.css'] }),
      chunk('assets/speech-d.js'),
      // An office page's own stylesheet and a helper only it imports stay out.
      chunk('assets/office-news-desk-page-c.js', { imports: ['assets/admin-nav-e.js'], css: ['assets/news-desk-page-c.css'] }),
      chunk('assets/admin-nav-e.js', { css: ['assets/admin-nav-e.css'] }),
    ]);
    expect([...reached].sort()).toEqual(['assets/index-a.js', 'assets/lesson-page-b.css', 'assets/lesson-page-b.js', 'assets/speech-d.js']);
  });
});
