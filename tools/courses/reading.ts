// Reading length of a compiled lesson, for `courses:check`: how much a
// resident reads, so authors can keep lessons short on a cheap phone.
import type { CompiledLesson } from '../../shared/content/schema.ts';

/**
 * Words an older first-time reader gets through in a minute on a phone.
 * Vietnamese writes one syllable per space-separated word, so a "word" here
 * is what a reader sounds out. A deliberately slow planning figure, not a
 * measurement: it only ranks lessons and flags long ones.
 */
export const WORDS_PER_MINUTE = 120;

export type ReadingStats = {
  /** Words in the intro, steps and remember box. */
  words: number;
  /** Words in the quiz: questions, options and explanations. */
  quizWords: number;
  /** Characters of visible text in the intro, steps and remember box. */
  characters: number;
  /** Estimated minutes to read the lesson and its quiz once. */
  readingMinutes: number;
};

// Block ends separate words; inline tags (<strong>) sit inside them.
const visible = (html: string) => html.replace(/<\/(p|li|ul|ol|aside|h\d)>/g, ' ').replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, ' ').replace(/\s+/g, ' ').trim();
const countWords = (text: string) => (text ? text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length : 0);

export function readingStats(lesson: CompiledLesson): ReadingStats {
  const body = visible([lesson.intro, ...lesson.steps.flatMap((s) => [s.title, s.html]), lesson.remember].join(' '));
  const quiz = visible(lesson.quiz.flatMap((q) => [q.question, ...q.options.flatMap((o) => [o.text, o.explanation])]).join(' '));
  const words = countWords(body);
  const quizWords = countWords(quiz);
  return { words, quizWords, characters: body.length, readingMinutes: Math.max(1, Math.ceil((words + quizWords) / WORDS_PER_MINUTE)) };
}

/** "courses/x/01-a.vi.md: 412 words (+ quiz 230), 2310 characters, reading about 6 min (lesson says 6 min), images 1.4 KB" */
export function describeLesson(l: ReadingStats & { file: string; minutes: number; imageBytes: number }): string {
  const images = l.imageBytes ? `, images ${(l.imageBytes / 1024).toFixed(1)} KB` : '';
  return `${l.file}: ${l.words} words (+ quiz ${l.quizWords}), ${l.characters} characters, reading about ${l.readingMinutes} min (lesson says ${l.minutes} min)${images}`;
}
