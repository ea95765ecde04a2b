// A published ward story ("Tin phường") turned into a loudspeaker item, the
// way lessons are (bulletin-from-lesson.ts): its title opens the bulletin,
// then the summary and the text as spoken sentences. Photos stay out (the
// radio cannot show them), as do emoji, leftover markup and sentences about
// a screen ("xem hình bên"); the rest goes through toSpoken. Nothing is added
// that the story does not say.
import type { NewsItem } from '../news/schema.ts';
import { htmlToText, withoutScreenWords, type LessonBulletin } from './bulletin-from-lesson.ts';
import { toSpoken } from './spoken.ts';

/** Pictures in the text and signs a voice would read out or stumble on. */
const UNSPEAKABLE = /[\p{Extended_Pictographic}\u200d\ufe0f<>[\]{}]/gu;

const asSentence = (line: string) => (/[.!?:;]$/.test(line) ? line : `${line}.`);

/** The radio item for one published story (Vietnamese, as the story is written). */
export function bulletinFromStory(story: Pick<NewsItem, 'title' | 'summary' | 'html'>): LessonBulletin {
  const plain = (text: string) => text.replace(UNSPEAKABLE, ' ');
  const summary = story.summary.trim();
  const blocks = [summary ? asSentence(summary) : '', htmlToText(story.html)].filter(Boolean).join('\n');
  // The title is read as written (a screen word there is part of a name, not an instruction).
  const title = toSpoken(plain(story.title)).replace(/\.$/, '');
  // One paragraph per block, as the reader's script prints them.
  const text = toSpoken(withoutScreenWords(plain(blocks))).split('\n').filter(Boolean).join('\n\n');
  return { title, text };
}
