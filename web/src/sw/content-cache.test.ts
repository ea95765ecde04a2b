// Course content kept per language: every course of the language and its
// drawings are stored once, a second run fetches nothing, files of an older
// catalogue go, and a failure leaves what was stored.
import { describe, expect, it } from 'vitest';
import { CONTENT_CACHE, imagesOf, keepLanguageOffline } from './content-cache.ts';

class FakeCache {
  files = new Map<string, string>();
  match = async (r: string | Request) => {
    const body = this.files.get(typeof r === 'string' ? r : new URL(r.url).pathname);
    return body === undefined ? undefined : new Response(body);
  };
  put = async (url: string, res: Response) => void this.files.set(url, await res.text());
  keys = async () => [...this.files.keys()].map((k) => new Request(`http://localhost${k}`));
  delete = async (r: Request) => this.files.delete(new URL(r.url).pathname);
}

const chunk = (img: string) => JSON.stringify({ lessons: [{ intro: `<p><img src="${img}" alt=""></p>` }] });
const INDEX = {
  courses: [
    { id: 'a', chunks: { vi: '/content/a.vi.1111.json', en: '/content/a.en.2222.json' } },
    { id: 'b', chunks: { vi: '/content/b.vi.3333.json', en: '/content/b.en.4444.json' } },
  ],
};
const SERVER: Record<string, string> = {
  '/content/index.json': JSON.stringify(INDEX),
  '/content/a.vi.1111.json': chunk('/content/images/a/x.aaaa.svg'),
  '/content/a.en.2222.json': chunk('/content/images/a/x.aaaa.svg'),
  '/content/b.vi.3333.json': chunk('/content/images/b/y.bbbb.svg'),
  '/content/b.en.4444.json': chunk('/content/images/b/y.bbbb.svg'),
  '/content/images/a/x.aaaa.svg': '<svg/>',
  '/content/images/b/y.bbbb.svg': '<svg/>',
};

function world() {
  const cache = new FakeCache();
  const fetched: string[] = [];
  let offline = false;
  const deps = {
    fetch: async (url: string) => {
      if (offline) throw new TypeError('Failed to fetch');
      fetched.push(url);
      return SERVER[url] === undefined ? new Response('', { status: 404 }) : new Response(SERVER[url]);
    },
    caches: { open: async (name: string) => (name === CONTENT_CACHE ? cache : (undefined as never)) as unknown as Cache },
  };
  return { cache, fetched, deps, goOffline: () => (offline = true) };
}

describe('course content per language', () => {
  it('stores every course of the language with its drawings, once', async () => {
    const w = world();
    const progress: string[] = [];
    await keepLanguageOffline('vi', (d, t) => progress.push(`${d}/${t}`), w.deps);
    expect([...w.cache.files.keys()].sort()).toEqual(['/content/a.vi.1111.json', '/content/b.vi.3333.json', '/content/images/a/x.aaaa.svg', '/content/images/b/y.bbbb.svg']);
    expect(progress).toEqual(['0/2', '1/2', '2/2']);
    w.fetched.length = 0;
    await keepLanguageOffline('vi', undefined, w.deps);
    expect(w.fetched).toEqual(['/content/index.json']);
    // A switch to English adds English and keeps Vietnamese.
    await keepLanguageOffline('en', undefined, w.deps);
    expect(w.cache.files.size).toBe(6);
  });

  it('removes what an older catalogue left, and keeps what was stored when the network fails', async () => {
    const w = world();
    w.cache.files.set('/content/a.vi.0000.json', chunk('/content/images/a/old.0000.svg'));
    w.cache.files.set('/content/images/a/old.0000.svg', '<svg/>');
    await keepLanguageOffline('vi', undefined, w.deps);
    expect(w.cache.files.has('/content/a.vi.0000.json')).toBe(false);
    expect(w.cache.files.has('/content/images/a/old.0000.svg')).toBe(false);
    w.goOffline();
    await expect(keepLanguageOffline('en', undefined, w.deps)).rejects.toThrow();
    expect(w.cache.files.size).toBe(4);
  });

  it('finds drawings in a course file, escaped or not', () => {
    expect(imagesOf('{"html":"<img src=\\"/content/images/a/x.1.svg\\">"}')).toEqual(['/content/images/a/x.1.svg']);
  });
});

describe('course content in a locality', () => {
  it("keeps a local course only in the locality it is taught in", async () => {
    const local = { id: 'fixture-local', localities: ['kien-an'], chunks: { vi: '/content/fixture-local.vi.5555.json', en: '/content/fixture-local.en.6666.json' } };
    const withLocal = { ...INDEX, courses: [...INDEX.courses, local] };
    for (const [locality, keeps] of [['kien-an', true], ['le-chan', false], [null, false]] as const) {
      const w = world();
      const serve = w.deps.fetch;
      w.deps.fetch = async (url: string) => (url === '/content/index.json' ? new Response(JSON.stringify(withLocal)) : url === local.chunks.vi ? new Response(chunk('/content/images/a/x.aaaa.svg')) : serve(url));
      await keepLanguageOffline('vi', undefined, { ...w.deps, locality });
      expect(w.cache.files.has(local.chunks.vi), String(locality)).toBe(keeps);
    }
  });
});
