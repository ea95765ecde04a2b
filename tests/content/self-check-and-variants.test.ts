// The content pipeline's two additions: quiz variants (validated, same
// answers in both languages, compiled next to the first phrasing) and the
// skills self-check file (validated, checked against the courses it names).
import { describe, it, expect } from 'vitest';
import { loadCourses } from '../../tools/courses/load.ts';
import { formatContentError } from '../../shared/content/source-location.ts';
import { makeCourses, goodCourse, lessonText } from './fixtures.ts';

const variant = (answer: number) => `    variants:
      - question: Câu một, nói cách khác?
        options:
          - text: B nói khác
            explain: Đúng vì B.
          - text: A nói khác
            explain: Sai vì A.
        answer: ${answer}
`;
const withVariant = (text: string, answer: number) => text.replace('    answer: 2\n', `    answer: 2\n${variant(answer)}`);

const SELF_CHECK = (q: { skill?: string; course?: string; from?: string; answer?: number } = {}) => `minutes: 5
groups:
  - skill: public-services
    courses: [${q.course ?? 'demo'}]
questions:
${Array.from({ length: 6 }, (_, i) => `  - skill: ${i === 5 ? (q.skill ?? 'public-services') : 'public-services'}
    from: ${q.from ?? 'demo/01-first'}
    question:
      vi: Câu ${i + 1}?
      en: Question ${i + 1}?
    options:
      - vi: Có
        en: "Yes"
      - vi: Không
        en: "No"
    answer: ${i === 5 ? (q.answer ?? 1) : 1}
`).join('')}`;

const errorsOf = (dir: string) => loadCourses(dir).errors.map(formatContentError);

describe('quiz variants', () => {
  it('compiles a question\'s variants next to it', () => {
    const dir = makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': withVariant(lessonText(), 1), 'demo/01-first.en.md': withVariant(lessonText({ title: 'Lesson one' }), 1) });
    const result = loadCourses(dir);
    expect(result.errors).toEqual([]);
    const chunk = JSON.parse(String(result.files.get(result.index.courses[0].chunks.vi.slice(1))));
    expect(chunk.lessons[0].quiz[0].correctIndex).toBe(1);
    expect(chunk.lessons[0].quiz[0].variants).toEqual([{ question: 'Câu một, nói cách khác?', options: [{ text: 'B nói khác', explanation: 'Đúng vì B.' }, { text: 'A nói khác', explanation: 'Sai vì A.' }], correctIndex: 0 }]);
    expect(chunk.lessons[0].quiz[1].variants).toBeUndefined();
  });

  it('refuses a variant answer out of range with its line, and twins whose variants differ', () => {
    const bad = makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': withVariant(lessonText(), 3), 'demo/01-first.en.md': withVariant(lessonText({ title: 'Lesson one' }), 3) });
    expect(errorsOf(bad)).toContain('courses/demo/01-first.vi.md:22: quiz #1 › variants #1 › answer: answer 3 is out of range: this question has 2 options');
    const differ = makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': withVariant(lessonText(), 1), 'demo/01-first.en.md': withVariant(lessonText({ title: 'Lesson one' }), 2) });
    expect(errorsOf(differ)).toContain('courses/demo/01-first.en.md:1: quiz #1 variant 1: options or answer differ from courses/demo/01-first.vi.md');
    const missing = makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': withVariant(lessonText(), 1) });
    expect(errorsOf(missing)).toContain('courses/demo/01-first.en.md:1: quiz #1: has 0 variants but courses/demo/01-first.vi.md has 1');
  });
});

describe('the self-check file', () => {
  it('compiles into a bank with 0-based answers and a version', () => {
    const result = loadCourses(makeCourses({ ...goodCourse(), 'self-check.yaml': SELF_CHECK() }));
    expect(result.errors).toEqual([]);
    expect(result.selfCheck?.questions).toHaveLength(6);
    expect(result.selfCheck?.questions[0]).toEqual({ skill: 'public-services', question: { vi: 'Câu 1?', en: 'Question 1?' }, options: [{ vi: 'Có', en: 'Yes' }, { vi: 'Không', en: 'No' }], correctIndex: 0 });
    expect(result.selfCheck?.version).toMatch(/^[0-9a-f]{10}$/);
  });

  it('fails with file:line on an unknown course, a missing lesson, a group with no question and a bad answer', () => {
    expect(errorsOf(makeCourses({ ...goodCourse(), 'self-check.yaml': SELF_CHECK({ course: 'nope' }) }))).toEqual(['courses/self-check.yaml:4: course "nope" does not exist in courses/']);
    expect(errorsOf(makeCourses({ ...goodCourse(), 'self-check.yaml': SELF_CHECK({ from: 'demo/02-none' }) }))[0]).toBe(
      'courses/self-check.yaml:7: lesson "demo/02-none" not found: add courses/demo/02-none.vi.md or fix the name',
    );
    expect(errorsOf(makeCourses({ ...goodCourse(), 'self-check.yaml': SELF_CHECK({ skill: 'cyber-safety' }) })).join('\n')).toMatch(
      /^courses\/self-check\.yaml:\d+: questions #6 › skill: "cyber-safety" is not one of the groups listed above$/m,
    );
    expect(errorsOf(makeCourses({ ...goodCourse(), 'self-check.yaml': SELF_CHECK({ answer: 3 }) }))).toEqual([
      'courses/self-check.yaml:71: questions #6 › answer: answer 3 is out of range: this question has 2 options',
    ]);
  });

  // Loads every shipped course (85 lessons in two languages): seconds on a busy machine.
  it('is optional for a courses folder without one, and the real one is valid', { timeout: 30_000 }, () => {
    expect(loadCourses(makeCourses(goodCourse())).selfCheck).toBeNull();
    const real = loadCourses(new URL('../../courses', import.meta.url).pathname);
    expect(real.errors).toEqual([]);
    expect(real.selfCheck!.questions.length).toBeGreaterThanOrEqual(12);
    expect(new Set(real.selfCheck!.questions.map((q) => q.skill))).toEqual(new Set(real.selfCheck!.groups.map((g) => g.skill)));
  });
});
