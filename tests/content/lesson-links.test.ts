import { describe, expect, it } from 'vitest';
import { compileLesson } from '../../shared/content/compile-lesson.ts';
import { parseLesson } from '../../shared/content/parse-lesson.ts';
import { lessonText } from './fixtures.ts';

// The fixture's first step is "Bấm **Tiếp tục**."; each case writes its own instead.
function compile(step: string) {
  const parsed = parseLesson(lessonText().replace('## Bước 1\nBấm **Tiếp tục**.', `## Bước 1\n${step}`));
  expect(parsed.errors).toEqual([]);
  return compileLesson('first', parsed.lesson!, () => ({ error: 'no images here' }));
}

describe('links in a lesson', () => {
  it('opens the ward channels screen in place: no new tab, the router follows it', () => {
    const { compiled, problems } = compile('Mở mục [“Kênh của phường, xã”](/channels) trong ứng dụng này.');
    expect(problems).toEqual([]);
    expect(compiled.steps[0].html).toContain('<a href="/channels">“Kênh của phường, xã”</a>');
  });

  it('opens an outside page in a new tab', () => {
    const { compiled } = compile('[Cổng](https://dichvucong.gov.vn)');
    expect(compiled.steps[0].html).toContain('href="https://dichvucong.gov.vn" target="_blank" rel="noopener noreferrer"');
  });

  it('refuses any other address of the app or a script link', () => {
    for (const href of ['/ward', '/admin/ward', 'javascript:alert(1)']) {
      const { compiled, problems } = compile(`[x](${href})`);
      expect(problems.map((p) => p.message)).toEqual([expect.stringContaining(`link "${href}" must start with https://`)]);
      expect(compiled.steps[0].html).not.toContain('<a');
    }
  });
});
