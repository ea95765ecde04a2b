import { describe, expect, it } from 'vitest';
import { followUpFor, type Activity } from './follow-up.ts';

const DAY = 86_400_000;
const now = Date.parse('2025-06-30T00:00:00Z');
const catalog = [{ id: 'c', skill: 's', lessons: [{ id: 'a' }, { id: 'b' }] }];
const act = (daysAgo: number, lessonId: string | null, completed: boolean, courseId: string | null = 'c'): Activity => ({ courseId, lessonId, completed, at: now - daysAgo * DAY });

describe('follow-up lists', () => {
  it('flags a course started 14+ days ago and not finished, not one started 13 days ago', () => {
    expect(followUpFor('x', [act(14, 'a', true)], catalog, now).entry.unfinishedCourses).toEqual(['c']);
    expect(followUpFor('x', [act(13, 'a', true)], catalog, now).notFinished).toBe(false);
  });
  it('does not flag a finished course, whatever its age', () => {
    expect(followUpFor('x', [act(40, 'a', true), act(39, 'b', true)], catalog, now).notFinished).toBe(false);
  });
  it('counts as inactive only after 30 days without any activity', () => {
    expect(followUpFor('x', [act(30, 'a', false)], catalog, now).inactive).toBe(true);
    expect(followUpFor('x', [act(40, 'a', false), act(29, null, false, null)], catalog, now).inactive).toBe(false);
    expect(followUpFor('x', [], catalog, now).inactive).toBe(false);
  });
  it('ignores courses no longer in the catalog', () => {
    expect(followUpFor('x', [act(40, 'z', false, 'retired')], catalog, now).notFinished).toBe(false);
  });
});
