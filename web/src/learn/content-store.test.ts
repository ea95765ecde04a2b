import { describe, expect, it } from 'vitest';
import type { ContentIndex, CourseChunk } from '../../../shared/content/schema.ts';
import { createContentStore } from './content-store.ts';

const index = {
  version: 'v1',
  courses: [
    { id: 'cyber-safety', chunks: { vi: '/content/cyber-safety.vi.1.json', en: '/content/cyber-safety.en.1.json' }, lessons: [{ id: 'strong-passwords' }] },
    { id: 'public-services', chunks: { vi: '/content/public-services.vi.1.json', en: '/content/public-services.en.1.json' }, lessons: [{ id: 'vneid' }] },
  ],
} as unknown as ContentIndex;

function fakeApi() {
  const fetched: string[] = [];
  const api = {
    fetchContentIndex: async () => index,
    fetchCourseChunk: async (url: string) => {
      fetched.push(url);
      return { lessons: [{ id: url.includes('cyber') ? 'strong-passwords' : 'vneid' }] } as unknown as CourseChunk;
    },
  };
  return { api, fetched };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('content store preloading', () => {
  it('a preloaded course is fetched once: opening its lesson reuses it', async () => {
    const { api, fetched } = fakeApi();
    const store = createContentStore(api);
    await settle();
    store.preloadCourse('cyber-safety', 'vi');
    const lesson = await store.loadLesson('cyber-safety', 'strong-passwords', 'vi');
    expect(lesson?.id).toBe('strong-passwords');
    expect(fetched).toEqual(['/content/cyber-safety.vi.1.json']);
  });

  it('a lesson address fetches its course in the current language as soon as the index arrives', async () => {
    const { api, fetched } = fakeApi();
    const store = createContentStore(api);
    store.preloadForPath('/courses/public-services/lessons/vneid', 'en');
    await settle();
    expect(fetched).toEqual(['/content/public-services.en.1.json']);
  });

  it('other addresses fetch no course', async () => {
    const { api, fetched } = fakeApi();
    const store = createContentStore(api);
    for (const path of ['/', '/courses/public-services', '/guide/assist/x/public-services/vneid', '/courses/unknown/lessons/x']) store.preloadForPath(path, 'vi');
    await settle();
    expect(fetched).toEqual([]);
  });
});

describe('content store without a working connection', () => {
  it('opens the stored language when the chosen one cannot be fetched, even where the phone claims a connection', async () => {
    const stored = new Set(['/content/cyber-safety.vi.1.json']);
    const fetched: string[] = [];
    const api = {
      fetchContentIndex: async () => index,
      fetchCourseChunk: async (url: string) => {
        fetched.push(url);
        if (!stored.has(url)) throw new TypeError('Failed to fetch');
        return { lessons: [{ id: 'strong-passwords' }] } as unknown as CourseChunk;
      },
    };
    const realCaches = (globalThis as { caches?: unknown }).caches;
    (globalThis as { caches?: unknown }).caches = { match: async (url: string) => (stored.has(url) ? new Response('{}') : undefined) };
    try {
      const store = createContentStore(api);
      await settle();
      const lesson = await store.loadLesson('cyber-safety', 'strong-passwords', 'en');
      expect(lesson?.id).toBe('strong-passwords');
      expect(fetched).toEqual(['/content/cyber-safety.en.1.json', '/content/cyber-safety.vi.1.json']);
      // Nothing stored in either language: the failure reaches the screen, which offers a retry.
      await expect(store.loadLesson('public-services', 'vneid', 'en')).rejects.toThrow('Failed to fetch');
    } finally {
      (globalThis as { caches?: unknown }).caches = realCaches;
    }
  });
});

describe('content store in a locality', () => {
  // A fixture local course (not a real one) beside the city-wide courses.
  const withLocal = {
    version: 'v2',
    courses: [
      ...index.courses,
      { id: 'fixture-local', order: 9, localities: ['kien-an'], chunks: { vi: '/content/fixture-local.vi.1.json', en: '/content/fixture-local.en.1.json' }, lessons: [{ id: 'hotline' }] },
    ],
  } as unknown as ContentIndex;
  const api = (fetched: string[] = []) => ({
    fetchContentIndex: async () => withLocal,
    fetchCourseChunk: async (url: string) => {
      fetched.push(url);
      return { lessons: [{ id: 'hotline' }] } as unknown as CourseChunk;
    },
  });

  it('lists and opens a local course in its own locality', async () => {
    const store = createContentStore(api(), () => 'kien-an');
    await settle();
    expect(store.courses().map((c) => c.id)).toContain('fixture-local');
    expect((await store.loadLesson('fixture-local', 'hotline', 'vi'))?.id).toBe('hotline');
  });

  it('neither lists nor opens it in another locality or with no locality, even by its address', async () => {
    for (const here of ['le-chan', null]) {
      const fetched: string[] = [];
      const store = createContentStore(api(fetched), () => here);
      await settle();
      expect(store.courses().map((c) => c.id), String(here)).toEqual(['cyber-safety', 'public-services']);
      expect(store.index()?.courses.map((c) => c.id)).toEqual(['cyber-safety', 'public-services']);
      expect(store.course('fixture-local')).toBeUndefined();
      expect(await store.loadLesson('fixture-local', 'hotline', 'vi')).toBeNull();
      store.preloadForPath('/courses/fixture-local/lessons/hotline', 'vi');
      await settle();
      expect(fetched).toEqual([]);
    }
  });
});
