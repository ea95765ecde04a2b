// A course may name the localities it is taught in (course.yaml `localities`):
// the build checks the slugs and writes them to the index; the shared rule
// decides where it is offered.
import { describe, it, expect } from 'vitest';
import { loadCourses } from '../../tools/courses/load.ts';
import { formatContentError } from '../../shared/content/source-location.ts';
import { contentIndexSchema } from '../../shared/content/schema.ts';
import { coursesIn, offeredIn } from '../../shared/content/local-courses.ts';
import { makeCourses, goodCourse, COURSE_YAML } from './fixtures.ts';

const withLocalities = (yaml: string) => ({ ...goodCourse(), 'demo/course.yaml': COURSE_YAML + yaml });
const messages = (files: Record<string, string>) => loadCourses(makeCourses(files)).errors.map(formatContentError);

describe('local courses in the content build', () => {
  it('writes the listed localities to the index; a city-wide course has none', () => {
    const local = loadCourses(makeCourses(withLocalities('localities:\n  - kien-an\n  - ward-3\n')));
    expect(local.errors).toEqual([]);
    expect(contentIndexSchema.parse(local.index).courses[0].localities).toEqual(['kien-an', 'ward-3']);
    const cityWide = loadCourses(makeCourses(goodCourse()));
    expect(cityWide.index.courses[0]).not.toHaveProperty('localities');
  });

  it('refuses a locality that is not a slug, on its line', () => {
    expect(messages(withLocalities('localities:\n  - kien-an\n  - Kiến An\n'))).toEqual([
      'courses/demo/course.yaml:12: localities #2: lower-case letters, digits and dashes, at most 48, not starting or ending with a dash',
    ]);
  });

  it('refuses an empty list and a locality listed twice', () => {
    expect(messages(withLocalities('localities: []\n'))).toEqual([
      'courses/demo/course.yaml:10: localities: list at least one locality, or leave "localities" out for a city-wide course',
    ]);
    expect(messages(withLocalities('localities: [kien-an, kien-an]\n'))).toEqual(['courses/demo/course.yaml:10: localities: a locality is listed twice']);
  });

  it('refuses a single slug written without a list', () => {
    expect(messages(withLocalities('localities: kien-an\n'))).toEqual(['courses/demo/course.yaml:10: localities: must be a list of locality slugs, e.g. [kien-an]']);
  });
});

describe('where a course is offered', () => {
  const courses = [{ id: 'city' }, { id: 'here', localities: ['kien-an'] }, { id: 'there', localities: ['do-son', 'le-chan'] }];

  it('a locality gets the city-wide courses and its own, in order', () => {
    expect(coursesIn(courses, 'kien-an').map((c) => c.id)).toEqual(['city', 'here']);
    expect(coursesIn(courses, 'le-chan').map((c) => c.id)).toEqual(['city', 'there']);
  });

  it('with no locality (a single ward, the city’s own app) only city-wide courses', () => {
    expect(coursesIn(courses, null).map((c) => c.id)).toEqual(['city']);
    expect(coursesIn(courses, undefined).map((c) => c.id)).toEqual(['city']);
    expect(offeredIn({}, null)).toBe(true);
  });
});
