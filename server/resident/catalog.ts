// The course catalog the certificate rule checks completions against: the
// content index the build wrote (dist/content/index.json). It is read once
// when the app is created, so a new content build takes effect at the next
// server start (npm start rebuilds and restarts in one go).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CatalogCourse } from '../../shared/resident/certificates.ts';
import { coursesIn } from '../../shared/content/local-courses.ts';

export interface Catalog {
  courses: CatalogCourse[];
  /** Vietnamese and English course titles for the verification page. */
  title(courseId: string): { vi: string; en: string } | null;
  /** The minutes a lesson's author gives it (plausibility rules), when the index says. */
  lessonMinutes(courseId: string, lessonId: string): number | undefined;
  /**
   * The courses taught in a locality: city-wide ones and its own local ones
   * (shared/content/local-courses.ts); with no locality, city-wide ones only.
   * A completion of a course left out is refused like an unknown course's.
   */
  forLocality(locality: string | undefined): Catalog;
}

type IndexCourse = Omit<CatalogCourse, 'lessons'> & {
  title: { vi: string; en: string };
  lessons: ReadonlyArray<{ id: string; minutes?: number }>;
  localities?: readonly string[];
};

export function createCatalog(index: { courses: IndexCourse[] }): Catalog {
  const forLocality = (locality: string | undefined) => {
    const taught = coursesIn(index.courses, locality);
    return taught.length === index.courses.length ? catalog : createCatalog({ courses: taught });
  };
  const byId = new Map(index.courses.map((c) => [c.id, c]));
  const minutes = new Map(index.courses.flatMap((c) => c.lessons.flatMap((l) => (l.minutes === undefined ? [] : [[`${c.id}/${l.id}`, l.minutes] as const]))));
  const catalog: Catalog = {
    courses: index.courses.map(({ id, skill, lessons }) => ({ id, skill, lessons: lessons.map((l) => ({ id: l.id })) })),
    title: (courseId) => byId.get(courseId)?.title ?? null,
    lessonMinutes: (courseId, lessonId) => minutes.get(`${courseId}/${lessonId}`),
    forLocality,
  };
  return catalog;
}

// Only what the certificate rule and the verification page read, so an index
// from an older or newer build still works.
const catalogIndexSchema = z.object({
  courses: z.array(
    z.object({
      id: z.string(),
      skill: z.string(),
      title: z.object({ vi: z.string(), en: z.string() }),
      lessons: z.array(z.object({ id: z.string(), minutes: z.number().optional() })),
      localities: z.array(z.string()).optional(),
    }),
  ),
});

export const EMPTY_CATALOG: Catalog = createCatalog({ courses: [] });

/**
 * The built content index, or an empty catalog when there is no build or it
 * cannot be read: then no certificate can be issued, but everything else runs.
 */
export function loadCatalog(distDir: string | undefined): Catalog {
  if (!distDir) return EMPTY_CATALOG;
  const file = join(distDir, 'content', 'index.json');
  if (!existsSync(file)) return EMPTY_CATALOG;
  try {
    const parsed = catalogIndexSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? createCatalog(parsed.data) : EMPTY_CATALOG;
  } catch {
    return EMPTY_CATALOG;
  }
}
