// Builds small course folders in a temporary directory for pipeline tests.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const COURSE_YAML = `id: demo
skill: public-services
order: 1
title:
  vi: Khoá thử
  en: Demo course
summary:
  vi: Tóm tắt
  en: Summary
`;

export function lessonText(opts: { title?: string; answer?: number; goal?: string | null; steps?: number; extra?: string } = {}) {
  const steps = opts.steps ?? 3;
  const goal = opts.goal === null ? '' : `goal: ${opts.goal ?? 'Học xong bài này, bạn sẽ biết.'}\n`;
  return `---
title: ${opts.title ?? 'Bài một'}
${goal}minutes: 3
sources:
  - "Nghị định 69/2024/NĐ-CP"
quiz:
  - question: Câu một?
    options:
      - text: A
        explain: Sai vì A.
      - text: B
        explain: Đúng vì B.
    answer: ${opts.answer ?? 2}
  - question: Câu hai?
    options:
      - text: A
        explain: Đúng.
      - text: B
        explain: Sai.
    answer: 1
  - question: Câu ba?
    options:
      - text: A
        explain: Đúng.
      - text: B
        explain: Sai.
    answer: 1
${opts.extra ?? ''}---
Mở đầu <b>ngắn</b>.

${Array.from({ length: steps }, (_, i) => `## Bước ${i + 1}\nBấm **Tiếp tục**.\n`).join('\n')}
:::warning
Không chia sẻ mã OTP.
:::

:::remember
- Ghi nhớ một điều.
:::
`;
}

/** Writes files (path relative to a fresh courses/ dir) and returns that dir. */
export function makeCourses(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'hvs-courses-'));
  const courses = join(root, 'courses');
  for (const [path, text] of Object.entries(files)) {
    const full = join(courses, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return courses;
}

export const goodCourse = () => ({
  'demo/course.yaml': COURSE_YAML,
  'demo/01-first.vi.md': lessonText(),
  'demo/01-first.en.md': lessonText({ title: 'Lesson one' }),
});
