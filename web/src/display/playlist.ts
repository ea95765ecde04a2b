// The LED screen's loop, kept pure so it can be tested without a screen:
// which slide comes next (a slide with nothing to show is skipped), when the
// data counts as old, and the small shift that keeps a still picture from
// burning into an LED panel.
import type { DisplayFeed, DisplaySlide, DisplayStory } from '../../../shared/displays/schema.ts';

/** The story a story slide shows: its chosen one while published, else the latest; none when nothing is published. */
export function storyOf(slide: DisplaySlide, feed: DisplayFeed): DisplayStory | undefined {
  const stories = feed.stories ?? []; // a copy kept before story slides existed has none
  return slide.storyId ? stories.find((s) => s.id === slide.storyId) : stories[0];
}

/** Data older than this is labelled with its time (discreetly): the screen keeps showing it. */
export const STALE_MS = 5 * 60_000;

/** Whether a slide has anything to show with this feed. */
export function hasContent(slide: DisplaySlide, feed: DisplayFeed): boolean {
  if (slide.kind === 'coverage') return feed.coverage.groups.length > 0 || feed.coverage.learners > 0;
  if (slide.kind === 'story') return storyOf(slide, feed) !== undefined;
  return true;
}

/** The next slide to show after `current` (-1 for the first), or -1 when none has content. */
export function nextSlide(feed: DisplayFeed, current: number): number {
  const slides = feed.screen.slides;
  for (let step = 1; step <= slides.length; step++) {
    const i = (current + step) % slides.length;
    if (hasContent(slides[i], feed)) return i;
  }
  return -1;
}

/** Whether data received at `receivedAt` (this screen's clock) is old enough to label. */
export const isStale = (receivedAt: number, now: number) => now - receivedAt > STALE_MS;

/** A few pixels' shift per slide, cycling through 8 positions, so no edge stays lit in one place. */
export function burnInShift(turn: number): { x: number; y: number } {
  const steps = [
    [0, 0], [6, 3], [12, 6], [6, 9], [0, 12], [-6, 9], [-12, 6], [-6, 3],
  ];
  const [x, y] = steps[((turn % steps.length) + steps.length) % steps.length];
  return { x, y };
}
