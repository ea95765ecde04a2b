// The news thumbnails kept offline: the list's thumbnails are stored once,
// the others removed, and a lost connection keeps what was stored.
import { describe, expect, it } from 'vitest';
import type { NewsList } from '../../../shared/news/schema.ts';
import { keepNewsPhotos, NEWS_PHOTO_CACHE } from './photo-cache.ts';

class FakeCache {
  entries = new Map<string, Response>();
  match = async (url: string) => this.entries.get(url);
  put = async (url: string, res: Response) => void this.entries.set(url, res);
  keys = async () => [...this.entries.keys()].map((u) => new Request(`https://phuong.example${u}`));
  delete = async (r: Request) => this.entries.delete(new URL(r.url).pathname);
}

const thumb = (n: number) => `/api/v1/news/photos/${String(n).repeat(64).slice(0, 64)}`;
const list = (...thumbs: string[]): NewsList => ({
  wardName: 'Phường X',
  items: thumbs.map((t, i) => ({ id: `id-${i}`, kind: 'announcement', title: 't', summary: '', html: '', unitName: null, publishedAt: '', updatedAt: '', path: `/tin/id-${i}`, photos: [{ src: t, thumb: t, alt: 'a', type: 'image/jpeg', bytes: 3 }] })),
});

describe('news thumbnails kept offline', () => {
  it('stores the list\'s thumbnails once and removes the others', async () => {
    const cache = new FakeCache();
    const fetched: string[] = [];
    const deps = { fetch: async (url: string) => (fetched.push(url), new Response('jpg')), caches: { open: async (name: string) => (expect(name).toBe(NEWS_PHOTO_CACHE), cache as unknown as Cache) } };
    await keepNewsPhotos(list(thumb(1), thumb(2)), deps);
    await keepNewsPhotos(list(thumb(2), thumb(3)), deps);
    expect(fetched).toEqual([thumb(1), thumb(2), thumb(3)]);
    expect([...cache.entries.keys()].sort()).toEqual([thumb(2), thumb(3)]);
  });

  it('keeps what it has when the connection drops', async () => {
    const cache = new FakeCache();
    await cache.put(thumb(1), new Response('jpg'));
    const deps = { fetch: async () => Promise.reject(new TypeError('offline')), caches: { open: async () => cache as unknown as Cache } };
    await keepNewsPhotos(list(thumb(2)), deps);
    expect([...cache.entries.keys()]).toEqual([thumb(1)]);
  });
});
