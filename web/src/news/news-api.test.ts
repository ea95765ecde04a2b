// The published news list is asked for in one place: the residents' store and
// the studio's pickers (bulletins, cards, LED screens) all call
// fetchPublishedNews, so a change of address or of answer is made once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchPublishedItem, fetchPublishedNews } from './news-api.ts';

const WEB_SRC = join(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

afterEach(() => vi.unstubAllGlobals());

describe('the published news list', () => {
  it('is fetched from the public news address, and one item by its id', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return Response.json(url.endsWith('/news') ? { items: [{ id: 'a' }] } : { id: 'b c' });
    });
    expect((await fetchPublishedNews()).items).toEqual([{ id: 'a' }]);
    expect(await fetchPublishedItem('b c')).toEqual({ id: 'b c' });
    expect(asked).toEqual(['/api/v1/news', '/api/v1/news/b%20c']);
  });

  it('no screen asks for it by itself', () => {
    const others = sources(WEB_SRC).filter((f) => !f.endsWith('news-api.ts') && readFileSync(f, 'utf8').includes('/api/v1/news'));
    expect(others.map((f) => relative(WEB_SRC, f))).toEqual([]);
    for (const f of ['admin/display-editor.tsx', 'admin/bulletin-source.tsx', 'admin/studio/card-source-picker.tsx', 'news/news-store.ts']) {
      expect(readFileSync(join(WEB_SRC, f), 'utf8'), f).toContain('fetchPublished');
    }
  });
});
