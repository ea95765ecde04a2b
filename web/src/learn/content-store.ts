// Course content: the index (all courses and lessons) and one chunk per course
// per language. The index is precached by the service worker; the courses of
// the resident's language are stored after the first visit
// (sw/content-cache.ts), so they load offline too. The index is the same
// build everywhere; the store keeps only the courses taught in the locality
// the phone is in (shared/content/local-courses.ts), so a local course of
// another locality is neither listed nor opened, and counts toward nothing.
import { createResource, createRoot } from 'solid-js';
import type { CompiledLesson, ContentIndex, ContentIndexCourse, CourseChunk } from '../../../shared/content/schema.ts';
import type { Language } from '../../../shared/skills.ts';
import { residentScreenAt } from '../../../shared/resident/addresses.ts';
import { getApiClient, type ApiClient } from '../net/api.ts';
import { currentLocality } from '../net/api-base.ts';
import { coursesIn } from '../../../shared/content/local-courses.ts';

export function createContentStore(
  api: Pick<ApiClient, 'fetchContentIndex' | 'fetchCourseChunk'> = getApiClient(),
  locality: () => string | null = currentLocality,
) {
  let firstIndex: Promise<ContentIndex> | undefined;
  const [index, { refetch }] = createRoot(() =>
    createResource<ContentIndex>(() => {
      const p = api.fetchContentIndex();
      firstIndex ??= p;
      return p;
    }),
  );
  const chunks = new Map<string, Promise<CourseChunk>>();

  // One narrowed index per fetched index, so readers get the same object back.
  const narrowed = new WeakMap<ContentIndex, ContentIndex>();
  const taughtHere = (ix: ContentIndex): ContentIndex => {
    let here = narrowed.get(ix);
    if (!here) narrowed.set(ix, (here = { ...ix, courses: coursesIn(ix.courses, locality()) }));
    return here;
  };

  // Reading a Solid resource that failed throws; the UI shows the failure
  // itself (loadError), so readers get `undefined` instead.
  const current = (): ContentIndex | undefined => (index.error || !index.latest ? undefined : taughtHere(index.latest));
  const courses = (): ContentIndexCourse[] => [...(current()?.courses ?? [])].sort((a, b) => a.order - b.order);
  const course = (courseId: string) => current()?.courses.find((c) => c.id === courseId);

  /**
   * Offline, the phone holds the courses of the language it learned in
   * (sw/content-cache.ts): after a switch of language with no connection,
   * a course not yet stored in the new language opens in the one stored
   * rather than not at all.
   */
  async function fetchStoredOrOther(c: ContentIndexCourse, lang: Language): Promise<CourseChunk> {
    const other = c.chunks[lang === 'vi' ? 'en' : 'vi'];
    const stored = async (url: string) => typeof caches !== 'undefined' && (await caches.match(url)) !== undefined;
    const offline = typeof navigator !== 'undefined' && !navigator.onLine;
    if (offline && !(await stored(c.chunks[lang])) && (await stored(other))) return api.fetchCourseChunk(other);
    try {
      return await api.fetchCourseChunk(c.chunks[lang]);
    } catch (err) {
      // A connection that says it is up but carries nothing: the stored language rather than no lesson.
      if (await stored(other)) return api.fetchCourseChunk(other);
      throw err;
    }
  }

  /** The course's lessons in one language; cached, and forgotten on failure so a retry refetches. */
  function loadChunk(c: ContentIndexCourse, lang: Language): Promise<CourseChunk> {
    const url = c.chunks[lang];
    let p = chunks.get(url);
    if (!p) {
      p = fetchStoredOrOther(c, lang);
      chunks.set(url, p);
      p.catch(() => chunks.delete(url));
    }
    return p;
  }

  async function loadLesson(courseId: string, lessonId: string, lang: Language): Promise<CompiledLesson | null> {
    const c = course(courseId);
    if (!c) return null;
    const chunk = await loadChunk(c, lang);
    return chunk.lessons.find((l) => l.id === lessonId) ?? null;
  }

  /** Starts loading a course's lessons (while its lesson list is read), so opening one waits for nothing. */
  function preloadCourse(courseId: string, lang: Language): void {
    const c = course(courseId);
    if (c) loadChunk(c, lang).catch(() => undefined); // a failure is retried, and shown, when the lesson opens
  }

  /**
   * What the screen at an address needs from content: the index and, for a
   * lesson opened by its address (a shared link, a reload), its course's
   * lessons, fetched as soon as the index is known instead of after the
   * lesson screen's code has run. Settles (never rejects) when that is
   * loaded or has failed; the screen shows a failure itself. Calling it again
   * reuses the same requests.
   */
  function preloadForPath(path: string, lang: Language): Promise<void> {
    if (!firstIndex) return Promise.resolve();
    const at = residentScreenAt(path);
    const courseId = at?.screen === 'lesson' ? at.courseId : undefined;
    return firstIndex
      .then(async (ix) => {
        const c = courseId === undefined ? undefined : taughtHere(ix).courses.find((x) => x.id === courseId);
        if (c) await loadChunk(c, lang);
      })
      .catch(() => undefined);
  }

  return {
    /** The content index once loaded; undefined while loading or after a failure. */
    index: current,
    /** True while the index is loading for the first time. */
    isLoading: () => index.loading,
    loadError: () => (index.error ? (index.error as Error) : null),
    reload: () => refetch(),
    courses,
    course,
    loadLesson,
    preloadCourse,
    preloadForPath,
  };
}

export type ContentStore = ReturnType<typeof createContentStore>;
