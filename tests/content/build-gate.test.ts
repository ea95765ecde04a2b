// The production build refuses bad content with file:line: message, so a
// broken lesson can never reach a phone as a blank page.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { coursesPlugin } from '../../tools/courses/vite-plugin.ts';
import { makeCourses, goodCourse, lessonText } from './fixtures.ts';

async function buildWith(coursesDir: string) {
  const root = mkdtempSync(join(tmpdir(), 'hvs-site-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  return build({
    root,
    logLevel: 'silent',
    configFile: false,
    build: { outDir: join(root, 'dist'), write: false },
    plugins: [coursesPlugin({ coursesDir })],
  });
}

describe('build gate', () => {
  it('fails the build on a bad lesson, naming file and line', async () => {
    const dir = makeCourses({ ...goodCourse(), 'demo/01-first.en.md': lessonText({ answer: 3 }) });
    await expect(buildWith(dir)).rejects.toThrow(
      'courses/demo/01-first.en.md:14: quiz #1 › answer: answer 3 is out of range: this question has 2 options',
    );
  });

  it('fails the build on a lesson without sources, naming file and line', async () => {
    const noSources = lessonText().replace('sources:\n  - "Nghị định 69/2024/NĐ-CP"\n', 'sources: []\n');
    const dir = makeCourses({ ...goodCourse(), 'demo/01-first.vi.md': noSources });
    await expect(buildWith(dir)).rejects.toThrow('courses/demo/01-first.vi.md:5: sources: name at least one source for the facts in this lesson');
  });

  it('emits the content index and both language chunks for good content', async () => {
    const output = await buildWith(makeCourses(goodCourse()));
    const names = (Array.isArray(output) ? output[0] : output as { output: { fileName: string }[] }).output.map((o) => o.fileName);
    expect(names).toContain('content/index.json');
    expect(names.filter((n) => /^content\/demo\.(vi|en)\.[0-9a-f]{8}\.json$/.test(n))).toHaveLength(2);
  });
});
