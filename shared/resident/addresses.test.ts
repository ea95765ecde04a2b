import { describe, expect, it } from 'vitest';
import { residentScreenAt } from './addresses.ts';

describe('residentScreenAt', () => {
  it('reads course and lesson addresses, decoded, trailing slash or not', () => {
    expect(residentScreenAt('/courses/device-basics')).toEqual({ screen: 'course', courseId: 'device-basics' });
    expect(residentScreenAt('/courses/device-basics/')).toEqual({ screen: 'course', courseId: 'device-basics' });
    expect(residentScreenAt('/courses/a%20b/lessons/touch/')).toEqual({ screen: 'lesson', courseId: 'a b', lessonId: 'touch' });
  });

  it('keeps a segment that cannot be decoded as written, and ignores other addresses', () => {
    expect(residentScreenAt('/courses/%E0%A4%A/lessons/x')).toEqual({ screen: 'lesson', courseId: '%E0%A4%A', lessonId: 'x' });
    for (const path of ['/', '/courses', '/courses/a/lessons', '/courses/a/lessons/b/extra', '/guide/assist/x/a/b']) expect(residentScreenAt(path)).toBeUndefined();
  });
});
