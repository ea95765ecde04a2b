// A lesson turned into a loudspeaker item: its title, introduction, steps
// and remember box as spoken sentences. Pictures are left out (the radio
// cannot show them), as are sentences about the app's own screen (practice,
// "below"); the rest goes through toSpoken.
import type { CompiledLesson } from '../content/schema.ts';
import { SCREEN_WORDS, toSpoken } from './spoken.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Lesson HTML (safe, built by the content compiler) as plain sentences, one paragraph per block. */
export function htmlToText(html: string): string {
  return html
    .replace(/<img\b[^>]*>/gi, '')
    .replace(/<\/(p|li|h\d|aside|blockquote)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e])
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (/[.!?:;]$/.test(line) ? line : `${line}.`))
    .join('\n');
}

/** Drops the sentences that only make sense on the app's screen. */
export function withoutScreenWords(text: string): string {
  return text
    .split('\n')
    .map((line) => line.split(/(?<=[.!?])\s+/).filter((sentence) => !SCREEN_WORDS.test(sentence)).join(' '))
    .filter(Boolean)
    .join('\n');
}

export interface LessonBulletin {
  title: string;
  text: string;
}

/** The radio item for one lesson (Vietnamese). */
export function bulletinFromLesson(lesson: CompiledLesson, courseTitle: string): LessonBulletin {
  const parts = [
    `Kính thưa bà con. Trong chuyên mục học kỹ năng số hôm nay, mời bà con cùng nghe bài: ${lesson.title}, thuộc khóa học ${courseTitle}.`,
    htmlToText(lesson.intro),
    ...lesson.steps.map((step, i) => `Bước ${i + 1}: ${step.title}.\n${htmlToText(step.html)}`),
    `Xin nhắc lại những điều cần nhớ.\n${htmlToText(lesson.remember)}`,
    'Bà con muốn học thêm, hãy mở ứng dụng Học vụ số trên điện thoại, hoặc hỏi tổ công nghệ số cộng đồng ở tổ dân phố mình.',
  ];
  // The headline is read out first, so it is spoken too ("1/1/2026", "tinnhiemmang.vn").
  return { title: toSpoken(lesson.title).replace(/\.$/, ''), text: toSpoken(withoutScreenWords(parts.join('\n\n'))) };
}
