import { describe, it, expect } from 'vitest';
import { loadCourses } from '../../tools/courses/load.ts';
import { formatContentError } from '../../shared/content/source-location.ts';
import { courseChunkSchema, contentIndexSchema } from '../../shared/content/schema.ts';
import { makeCourses, goodCourse, lessonText } from './fixtures.ts';

const messages = (dir: string) => loadCourses(dir).errors.map(formatContentError);

describe('content pipeline', () => {
  it('compiles a good course into an index and one chunk per language', () => {
    const result = loadCourses(makeCourses(goodCourse()));
    expect(result.errors).toEqual([]);
    const index = contentIndexSchema.parse(result.index);
    expect(index.courses).toHaveLength(1);
    const course = index.courses[0];
    expect(course.lessons.map((l) => [l.id, l.title.en, l.stepCount, l.quizCount])).toEqual([['first', 'Lesson one', 3, 3]]);
    const vi = courseChunkSchema.parse(JSON.parse(String(result.files.get(course.chunks.vi.slice(1)))));
    const lesson = vi.lessons[0];
    expect(lesson.steps.map((s) => s.title)).toEqual(['Bước 1', 'Bước 2', 'Bước 3']);
    expect(lesson.steps[0].html).toContain('<strong>Tiếp tục</strong>');
    // the warning box sits in the step it was written in; the remember box is lesson-level
    expect(lesson.steps[2].html).toContain('<aside class="callout warning"><p>Không chia sẻ mã OTP.</p></aside>');
    expect(lesson.remember).toContain('<li>Ghi nhớ một điều.</li>');
    // raw HTML is escaped, never passed through to phones
    expect(lesson.intro).toContain('&lt;b&gt;ngắn&lt;/b&gt;');
    // answers are 1-based for authors and 0-based once compiled
    expect(lesson.quiz[0].correctIndex).toBe(1);
    expect(lesson.quiz[0].options[0].explanation).toBe('Sai vì A.');
  });

  it('changes the course version when a lesson changes', () => {
    const a = loadCourses(makeCourses(goodCourse())).index.courses[0].version;
    const b = loadCourses(makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': lessonText({ title: 'Bài một (sửa)' }) })).index.courses[0].version;
    expect(a).not.toBe(b);
  });

  it('reports a missing field with its file and line', () => {
    const dir = makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': lessonText({ goal: null }) });
    expect(messages(dir)).toEqual(['courses/demo/01-first.vi.md:2: missing field "goal"']);
  });

  it('reports a quiz answer out of range on the line of the answer', () => {
    const dir = makeCourses({ ...goodCourse(), 'demo/01-first.en.md': lessonText({ answer: 5 }) });
    const errors = messages(dir);
    expect(errors[0]).toBe('courses/demo/01-first.en.md:14: quiz #1 › answer: answer 5 is out of range: this question has 2 options');
  });

  it('reports a lesson missing its English twin', () => {
    const files: Record<string, string> = goodCourse();
    delete files['demo/01-first.en.md'];
    expect(messages(makeCourses(files))).toEqual([
      'courses/demo/01-first.vi.md:1: lesson is missing its English twin: add 01-first.en.md',
    ]);
  });

  it('reports an unknown field on its own line', () => {
    const dir = makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': lessonText({ extra: 'sorces: []\n' }) });
    expect(messages(dir)).toEqual(['courses/demo/01-first.vi.md:29: unknown field "sorces"']);
  });

  it('reports broken YAML, an unknown skill and a folder/id mismatch', () => {
    const badSkill = messages(makeCourses({ ...goodCourse(), 'demo/course.yaml': 'id: demo\nskill: cooking\norder: 1\ntitle: {vi: a, en: b}\nsummary: {vi: a, en: b}\n' }));
    expect(badSkill).toEqual([expect.stringMatching(/^courses\/demo\/course\.yaml:2: skill: must be one of: public-services, /)]);
    const badId = messages(makeCourses({ ...goodCourse(), 'demo/course.yaml': 'id: other\nskill: business\norder: 1\ntitle: {vi: a, en: b}\nsummary: {vi: a, en: b}\n' }));
    expect(badId).toEqual(['courses/demo/course.yaml:1: id "other" must equal the folder name "demo"']);
    const badYaml = messages(makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': lessonText({ title: 'Bài: một' }) }));
    expect(badYaml).toEqual([expect.stringMatching(/^courses\/demo\/01-first\.vi\.md:2: YAML: /)]);
  });

  it('requires twins to have the same steps and quiz answers', () => {
    const dir = makeCourses({ ...goodCourse(), 'demo/01-first.en.md': lessonText({ steps: 4 }) });
    expect(messages(dir)).toEqual([
      'courses/demo/01-first.en.md:41: has 4 steps but courses/demo/01-first.vi.md has 3: twins must have the same steps',
    ]);
  });

  it('checks step count and boxes', () => {
    const dir = makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': lessonText({ steps: 2 }).replace(':::remember', ':::note') });
    expect(messages(dir)).toEqual([
      'courses/demo/01-first.vi.md:30: a lesson needs 3 to 8 steps ("## " headings); this one has 2',
      'courses/demo/01-first.vi.md:30: a lesson needs exactly one ":::remember" box; this one has 0',
      'courses/demo/01-first.vi.md:42: unknown box ":::note" (use ":::remember" or ":::warning")',
    ]);
  });

  it('requires images to exist in the course and to have alt text', () => {
    const dir = makeCourses({ ...goodCourse(), 'demo/01-first.en.md': lessonText().replace('Bấm **Tiếp tục**.', '![](images/missing.svg)') });
    expect(messages(dir)).toEqual([
      'courses/demo/01-first.en.md:1: image "images/missing.svg" needs alt text: ![what the picture shows](images/missing.svg)',
      'courses/demo/01-first.en.md:1: image "images/missing.svg" not found: add courses/demo/images/missing.svg',
    ]);
  });

  it('emits a course image under a hashed name and points the lesson at it', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
    const dir = makeCourses({ ...goodCourse(), 'demo/images/phone.svg': svg, 'demo/01-first.en.md': lessonText().replace('Bấm **Tiếp tục**.', '![A phone](images/phone.svg)') });
    const result = loadCourses(dir);
    expect(result.errors).toEqual([]);
    const emitted = [...result.files.keys()].find((k) => k.startsWith('content/images/demo/phone.'));
    expect(emitted).toMatch(/^content\/images\/demo\/phone\.[0-9a-f]{8}\.svg$/);
    const en = JSON.parse(String(result.files.get(result.index.courses[0].chunks.en.slice(1))));
    expect(en.lessons[0].steps[0].html).toBe(`<p><img src="/${emitted}" alt="A phone" width="1" height="1" decoding="async"></p>`);
  });
});
