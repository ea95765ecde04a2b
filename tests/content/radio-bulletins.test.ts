// Every lesson can go out on the ward's loudspeakers: the bulletin made from
// it has no web address read character by character, no number with a slash,
// no percent sign, no markup and no sentence about the app's screen, and it
// fits in one loudspeaker session. Besides the makers' own checker
// (speechProblems), an independent one (tests/support/radio-words.ts) reads
// every sentence for what a listener cannot use.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CourseChunk } from '../../shared/content/schema.ts';
import { renderStoryMarkdown } from '../../shared/news/render.ts';
import { bulletinFromLesson } from '../../shared/outreach/bulletin-from-lesson.ts';
import { bulletinFromStory } from '../../shared/outreach/bulletin-from-story.ts';
import { readingSeconds, speechProblems, toSpoken } from '../../shared/outreach/spoken.ts';
import { loadCourses } from '../../tools/courses/load.ts';
import { unfitForRadio } from '../support/radio-words.ts';

const result = loadCourses(fileURLToPath(new URL('../../courses', import.meta.url)));
const titles = new Map(result.index.courses.map((c) => [c.id, c.title.vi]));
const chunks = [...result.files].filter(([path]) => /\.vi\.[^/]*\.json$/.test(path)).map(([, body]) => JSON.parse(String(body)) as CourseChunk);

/** Hanoi's rule for urban wards: at most 15 minutes a loudspeaker session (documents.md §4). */
const SESSION_SECONDS = 15 * 60;

describe('radio bulletins from lessons', () => {
  it('covers every Vietnamese lesson', () => {
    expect(chunks.length).toBe(result.index.courses.length);
    expect(chunks.flatMap((c) => c.lessons).length).toBe(result.index.courses.flatMap((c) => c.lessons).length);
  });

  for (const chunk of chunks) {
    it(`reads aloud as written: ${chunk.courseId}`, () => {
      for (const lesson of chunk.lessons) {
        const b = bulletinFromLesson(lesson, titles.get(chunk.courseId)!);
        expect(speechProblems(b.text), `${chunk.courseId}/${lesson.id}`).toEqual([]);
        expect(unfitForRadio(`${b.title}.\n\n${b.text}`), `${chunk.courseId}/${lesson.id}`).toEqual([]);
        expect(b.text).toContain(toSpoken(lesson.title));
        expect(readingSeconds(b.text)).toBeLessThanOrEqual(SESSION_SECONDS);
        expect(readingSeconds(b.text)).toBeGreaterThan(30);
      }
    });
  }

  it('a ward story written for the screen comes out fit for the radio', () => {
    const markdown = [
      'Từ 8h30 ngày 5/12/2026, 62% hộ ở tổ dân phố 5 đã cài VNeID.',
      'Bấm vào nút bên dưới để đăng ký học. Chạm vào đây để xem lịch. Nhấn vào đường link này nếu cần.',
      'Xem hình bên để biết quầy hướng dẫn. Mọi góp ý gửi về hoptho@phuong.example.vn hoặc [trang phường](https://phuong.example.vn/gop-y).',
      'Bà con mang theo căn cước.',
    ].join('\n\n');
    const b = bulletinFromStory({ title: 'Lịch hướng dẫn ngày 5/12 tại www.phuong.example.vn', summary: '', html: renderStoryMarkdown(markdown).html });
    const spoken = `${b.title}.\n\n${b.text}`;
    expect(unfitForRadio(spoken)).toEqual([]);
    expect(spoken).toContain('62 phần trăm');
    expect(spoken).toContain('Bà con mang theo căn cước.');
  });
});
