// What an LED screen shows, in one public answer the screen keeps and replays
// when the network drops. Only aggregates (the dashboard's own readers, with
// their "<5" rule) and the week's sessions as a notice board shows them:
// title, place, time and group — never a session's check-in code, which
// would let someone collect attendance without attending.
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Display, DisplayFeed, DisplayStory } from '../../shared/displays/schema.ts';
import type { NewsItem } from '../../shared/news/schema.ts';
import type { Stories } from '../news/store.ts';
import { HIDDEN, SUPPRESSED } from '../../shared/stats/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { guideSessions, residentialGroups } from '../db/schema/index.ts';
import type { createDashboard } from '../stats/dashboard.ts';

const WEEK_MS = 7 * 86_400_000;
const MAX_SESSIONS = 8;

const toDisplayStory = (item: NewsItem): DisplayStory => ({
  id: item.id,
  kind: item.kind,
  title: item.title,
  summary: item.summary,
  unitName: item.unitName,
  publishedAt: item.publishedAt,
  // The full photo, not the phone thumbnail: a screen is 1920 px wide.
  photo: item.photos[0] ? { src: item.photos[0].src, alt: item.photos[0].alt } : null,
});

/** What the feed reads of the story store. */
export type PublishedStories = Pick<Stories, 'published' | 'publishedOne'>;

/** The stories a playlist's story slides need: the latest published (when a slide asks for it) and each chosen one still published. */
async function featuredStories(slides: Display['slides'], stories: PublishedStories): Promise<DisplayStory[]> {
  const storySlides = slides.filter((s) => s.kind === 'story');
  if (storySlides.length === 0) return [];
  const found = new Map<string, NewsItem>();
  const [latest] = await stories.published(1);
  if (latest) found.set(latest.id, latest);
  for (const slide of storySlides) {
    const chosen = slide.storyId && !found.has(slide.storyId) ? await stories.publishedOne(slide.storyId) : undefined;
    if (chosen) found.set(chosen.id, chosen);
  }
  return [...found.values()].map(toDisplayStory);
}

export function createDisplayFeed(engine: Engine, dashboard: ReturnType<typeof createDashboard>, stories: PublishedStories, now: () => number) {
  const upcoming = engine.db
    .select({ title: guideSessions.title, place: guideSessions.place, startsAt: guideSessions.startsAt, group: residentialGroups.name })
    .from(guideSessions)
    .innerJoin(residentialGroups, eq(residentialGroups.id, guideSessions.groupId))
    .where(and(gte(guideSessions.endsAt, sql.placeholder('from')), lt(guideSessions.startsAt, sql.placeholder('to'))))
    .orderBy(asc(guideSessions.startsAt))
    .limit(MAX_SESSIONS)
    .prepare();

  return async (screen: Display, appUrl: string): Promise<DisplayFeed> => {
    // The dashboard's readers run on the engine: each answers a promise.
    const { headline } = await dashboard.headline({});
    const { coverage } = await dashboard.coverage({});
    const { wardName } = await dashboard.meta();
    const at = now();
    return {
      screen: { id: screen.id, name: screen.name, slides: screen.slides },
      wardName,
      appUrl,
      coverage: {
        learners: headline.learners,
        groups: coverage
          // A group whose figure the dashboard hides (so a neighbour's "<5" cannot be worked out) is left off a public screen.
          .filter((row) => row.groupId !== null && row.name !== null && row.completed !== HIDDEN)
          .map((row) => ({ name: row.name!, completedShare: row.completed === SUPPRESSED ? SUPPRESSED : row.completedShare })),
      },
      sessions: (await upcoming.all({ from: at, to: at + WEEK_MS })).map((s) => ({ title: s.title, place: s.place, group: s.group, startsAt: new Date(s.startsAt).toISOString() })),
      stories: await featuredStories(screen.slides, stories),
      generatedAt: new Date(at).toISOString(),
    };
  };
}
