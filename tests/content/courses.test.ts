// Every course shipped in courses/ passes the same checks as the build.
import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadCourses } from '../../tools/courses/load.ts';
import { formatContentError } from '../../shared/content/source-location.ts';
import { BASIC_SKILLS } from '../../shared/skills.ts';

const result = loadCourses(fileURLToPath(new URL('../../courses', import.meta.url)));

describe('shipped courses', () => {
  it('have no content errors', () => {
    expect(result.errors.map(formatContentError)).toEqual([]);
  });

  it('include the public-services course with at least 4 lessons, each with steps and a quiz', () => {
    const course = result.index.courses.find((c) => c.id === 'public-services');
    expect(course?.skill).toBe(BASIC_SKILLS[0]);
    expect(course!.lessons.length).toBeGreaterThanOrEqual(4);
    for (const lesson of course!.lessons) {
      expect(lesson.stepCount).toBeGreaterThanOrEqual(3);
      expect(lesson.quizCount).toBeGreaterThanOrEqual(3);
    }
  });

  it('name sources for every lesson', () => {
    for (const [path, body] of result.files) {
      if (!/^content\/[a-z0-9-]+\.(vi|en)\.[0-9a-f]+\.json$/.test(path)) continue;
      for (const lesson of JSON.parse(String(body)).lessons) expect(lesson.sources.length, `${path} ${lesson.id}`).toBeGreaterThan(0);
    }
  });
});
