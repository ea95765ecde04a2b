// What a poster is about and where its QR code goes: the app, one course, or
// one published ward story ("Tin phường"), chosen in one list.
import type { NewsItem } from '../../../shared/news/schema.ts';
import { posterUrl } from './poster-sheet.tsx';

export interface PosterTarget {
  url: string;
  /** The poster's heading above the slogan (a course or a story title); none for the app. */
  heading?: string;
  kind: 'app' | 'course' | 'story';
}

export const storyChoice = (id: string) => `story:${id}`;

/** The choice ("" for the app, a course id, or "story:<id>") as a poster target; an unknown choice falls back to the app. */
export function posterTarget(origin: string, choice: string, courseTitle: (id: string) => string | undefined, stories: readonly NewsItem[]): PosterTarget {
  if (choice.startsWith('story:')) {
    const item = stories.find((s) => storyChoice(s.id) === choice);
    if (item) return { url: `${origin.replace(/\/+$/, '')}${item.path}`, heading: item.title, kind: 'story' };
    return { url: posterUrl(origin), kind: 'app' };
  }
  const title = choice ? courseTitle(choice) : undefined;
  return title ? { url: posterUrl(origin, choice), heading: title, kind: 'course' } : { url: posterUrl(origin), kind: 'app' };
}
