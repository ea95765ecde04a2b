import { describe, expect, it } from 'vitest';
import { COURSES_SHOWN_FIRST, coursesOnHome } from './home-course-choice.ts';

const courses = Array.from({ length: 16 }, (_, i) => ({ id: `c${i}` }));
const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('the courses home lists', () => {
  it('lists the first courses of the catalogue, in its order', () => {
    expect(ids(coursesOnHome(courses, () => false, false))).toEqual(ids(courses.slice(0, COURSES_SHOWN_FIRST)));
  });

  it('adds a course further down that the resident has started, in catalogue order', () => {
    expect(ids(coursesOnHome(courses, (id) => id === 'c12' || id === 'c9', false))).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c9', 'c12']);
  });

  it('lists every course once "all courses" is chosen', () => {
    expect(coursesOnHome(courses, () => false, true)).toHaveLength(16);
  });
});
