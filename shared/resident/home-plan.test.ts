import { describe, expect, it } from 'vitest';
import { earnedCertificates, DIGITAL_CITIZEN, doneLessonsOf } from './certificates.ts';
import { continueLesson, learningDays, nextLesson, skillChecklist, type PlanProgress } from './home-plan.ts';

const courses = [
  { id: 'ps', skill: 'public-services', order: 1, lessons: [{ id: 'a' }, { id: 'b' }] },
  { id: 'cs', skill: 'cyber-safety', order: 2, lessons: [{ id: 'x' }] },
  { id: 'db', skill: 'device-basics', order: 0, lessons: [{ id: 'd' }] },
];
const p = (courseId: string, lessonId: string, status: 'started' | 'completed', at: string): PlanProgress => ({ courseId, lessonId, status, startedAt: at, completedAt: status === 'completed' ? at : null });

describe('home plan', () => {
  it('continues the most recently opened unfinished lesson', () => {
    expect(continueLesson(courses, [p('ps', 'a', 'started', '2025-06-01T01:00:00Z'), p('cs', 'x', 'started', '2025-06-02T01:00:00Z')])).toEqual({ courseId: 'cs', lessonId: 'x' });
    expect(continueLesson(courses, [p('ps', 'a', 'completed', '2025-06-01T01:00:00Z')])).toBeNull();
  });

  it('recommends the next lesson of a course begun, else the first basic-skill course', () => {
    expect(nextLesson(courses, [])).toEqual({ courseId: 'ps', lessonId: 'a' });
    expect(nextLesson(courses, [p('cs', 'x', 'started', 't')])).toEqual({ courseId: 'cs', lessonId: 'x' });
    expect(nextLesson(courses, [p('ps', 'a', 'completed', 't')])).toEqual({ courseId: 'ps', lessonId: 'b' });
    const all = ['a', 'b'].map((l) => p('ps', l, 'completed', 't')).concat(p('cs', 'x', 'completed', 't'));
    expect(nextLesson(courses, all)).toEqual({ courseId: 'db', lessonId: 'd' });
  });

  it('lists the five basic skills with lessons done', () => {
    const list = skillChecklist(courses, [p('ps', 'a', 'completed', 't'), p('cs', 'x', 'completed', 't')]);
    expect(list.map((s) => s.skill)).toEqual(['public-services', 'online-shopping', 'digital-payments', 'cyber-safety', 'local-platforms']);
    expect(list[0]).toEqual({ skill: 'public-services', done: 1, total: 2, isComplete: false, courseId: 'ps' });
    expect(list[3]).toMatchObject({ isComplete: true, courseId: 'cs' });
    expect(list[1]).toEqual({ skill: 'online-shopping', done: 0, total: 0, isComplete: false, courseId: null });
  });

  it('sends each skill to its first course not yet finished', () => {
    const two = [...courses, { id: 'ps2', skill: 'public-services', order: 3, lessons: [{ id: 'c' }] }];
    const row = (progress: PlanProgress[]) => skillChecklist(two, progress)[0].courseId;
    expect(row([])).toBe('ps');
    expect(row(['a', 'b'].map((l) => p('ps', l, 'completed', 't')))).toBe('ps2');
    expect(row([...['a', 'b'].map((l) => p('ps', l, 'completed', 't')), p('ps2', 'c', 'completed', 't')])).toBe('ps');
  });

  it('counts learning days gently: a missed day never resets anything', () => {
    const now = Date.parse('2025-06-10T05:00:00Z');
    const rows = [p('ps', 'a', 'completed', '2025-06-10T01:00:00Z'), p('ps', 'b', 'completed', '2025-06-08T01:00:00Z'), p('cs', 'x', 'completed', '2025-05-01T01:00:00Z')];
    expect(learningDays(rows, now)).toEqual({ thisWeek: 2, total: 3 });
  });
});

describe('certificate rule', () => {
  const catalog = ['public-services', 'online-shopping', 'digital-payments', 'cyber-safety', 'local-platforms'].map((skill) => ({ id: skill, skill, lessons: [{ id: '1' }, { id: '2' }] }));
  const all = catalog.flatMap((c) => c.lessons.map((l) => ({ courseId: c.id, lessonId: l.id })));

  it('needs every lesson of a course', () => {
    expect(earnedCertificates(catalog, doneLessonsOf(all.filter((r) => !(r.courseId === 'cyber-safety' && r.lessonId === '2'))))).not.toContain('cyber-safety');
    expect(earnedCertificates(catalog, doneLessonsOf(all))).toEqual([...catalog.map((c) => c.id), DIGITAL_CITIZEN]);
  });

  it('"Công dân số" cannot be earned while a basic skill has no course', () => {
    const four = catalog.filter((c) => c.skill !== 'local-platforms');
    expect(earnedCertificates(four, doneLessonsOf(all))).not.toContain(DIGITAL_CITIZEN);
  });
});
