import { describe, it, expect } from 'vitest';
import { readingStats, describeLesson, WORDS_PER_MINUTE } from './reading.ts';
import type { CompiledLesson } from '../../shared/content/schema.ts';

const lesson = (stepText: string, explanation = 'Đúng.'): CompiledLesson => ({
  id: 'x',
  title: 'Tiêu đề không tính',
  goal: 'Mục tiêu không tính',
  minutes: 5,
  intro: '<p>Mở đầu <strong>ngắn</strong>.</p>',
  steps: [{ title: 'Bước một', html: `<p>${stepText}</p>` }],
  remember: '<ul><li>Ghi nhớ.</li></ul>',
  quiz: [{ question: 'Hỏi gì?', options: [{ text: 'A', explanation }], correctIndex: 0 }],
  sources: ['Nguồn'],
});

describe('reading length', () => {
  it('counts the words a resident reads in the body and, apart, in the quiz', () => {
    const stats = readingStats(lesson('Chạm &quot;Tiếp tục&quot; – xong.'));
    // Mở đầu ngắn. | Bước một | Chạm "Tiếp tục" xong. (the dash is not a word) | Ghi nhớ.
    expect(stats.words).toBe(3 + 2 + 4 + 2);
    expect(stats.quizWords).toBe(2 + 1 + 1);
    expect(stats.characters).toBe('Mở đầu ngắn. Bước một Chạm Tiếp tục – xong. Ghi nhớ.'.length);
  });

  it('estimates reading time from body and quiz words, at least a minute', () => {
    expect(readingStats(lesson('một')).readingMinutes).toBe(1);
    const long = lesson(Array.from({ length: WORDS_PER_MINUTE * 2 }, () => 'chữ').join(' '));
    expect(readingStats(long).readingMinutes).toBe(3); // 240 body words + the rest spill into a third minute
  });

  it('prints one line an author can act on', () => {
    const line = describeLesson({ file: 'courses/a/01-b.vi.md', minutes: 6, imageBytes: 1536, words: 412, quizWords: 230, characters: 2310, readingMinutes: 6 });
    expect(line).toBe('courses/a/01-b.vi.md: 412 words (+ quiz 230), 2310 characters, reading about 6 min (lesson says 6 min), images 1.5 KB');
  });
});
