// `npm run courses:check` as an author runs it: the real CLI in a child
// process, pointed at a course folder written for the test.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeCourses, goodCourse, lessonText } from './fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const check = (coursesDir: string) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/courses/check.ts', coursesDir], { cwd: root, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
};

// Each case starts the CLI as its own process over every course: seconds, more on a busy machine.
describe('courses:check', { timeout: 30_000 }, () => {
  it('lists every lesson with its words, characters and estimated reading time, then OK', () => {
    const { code, out, err } = check(makeCourses(goodCourse()));
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^courses\/demo\/01-first\.vi\.md: \d+ words \(\+ quiz \d+\), \d+ characters, reading about 1 min \(lesson says 3 min\)$/);
    expect(lines[1]).toMatch(/^courses\/demo\/01-first\.en\.md: \d+ words/);
    expect(lines.at(-1)).toBe('OK: 1 course(s), 1 lesson(s) in vi and en.');
  });

  it('fails on a lesson without sources, naming the file and the line', () => {
    const noSources = lessonText().replace('sources:\n  - "Nghị định 69/2024/NĐ-CP"\n', 'sources: []\n');
    const { code, err } = check(makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': noSources }));
    expect(code).toBe(1);
    expect(err).toContain('courses/demo/01-first.vi.md:5: sources: name at least one source for the facts in this lesson');
    expect(err).toContain('1 problem(s) found.');
  });

  it('fails on a source that is only a domain, with file and line', () => {
    const bare = lessonText().replace('  - "Nghị định 69/2024/NĐ-CP"\n', '  - "Nghị định 69/2024/NĐ-CP"\n  - "vietnamplus.vn"\n');
    const { code, err } = check(makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': bare }));
    expect(code).toBe(1);
    expect(err).toContain('courses/demo/01-first.vi.md:7: source #2: "vietnamplus.vn" is only a domain: cite the article (https://…)');
  });

  it('passes a domain marked as having no article on record, and counts it', () => {
    const marked = lessonText().replace('  - "Nghị định 69/2024/NĐ-CP"\n', '  - "Nghị định 69/2024/NĐ-CP"\n  - "vietnamplus.vn [chưa có địa chỉ bài]"\n');
    const { code, out } = check(makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': marked }));
    expect(code).toBe(0);
    expect(out).toContain('1 source citation(s) still name only a domain, marked as having no article on record: vietnamplus.vn 1');
    expect(out).not.toContain('warning:');
  });

  it('warns, with file and line, about a source that names nothing to look up, and still passes', () => {
    const vague = lessonText().replace('  - "Nghị định 69/2024/NĐ-CP"\n', '  - "Nghị định 69/2024/NĐ-CP"\n  - "Hỏi cơ quan thuế"\n');
    const { code, out } = check(makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': vague }));
    expect(code).toBe(0);
    expect(out).toContain('courses/demo/01-first.vi.md:7: warning: source #2 "Hỏi cơ quan thuế" names no article address or document number: cite the article (https://…)');
    expect(out).toContain('1 warning(s)');
  });

  it('fails on a lesson whose sources field is left out', () => {
    const noField = lessonText().replace('sources:\n  - "Nghị định 69/2024/NĐ-CP"\n', '');
    const { code, err } = check(makeCourses({ ...goodCourse(), 'demo/01-first.en.md': noField }));
    expect(code).toBe(1);
    expect(err).toMatch(/^courses\/demo\/01-first\.en\.md:\d+: missing field "sources"$/m);
  });
});
