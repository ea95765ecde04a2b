// Published ward news read synchronously from the SQLite file, for the LED
// screens' feed alone (server/displays, which is not yet on the engine and
// reads without awaiting). The same items as the story store's `published`
// and `publishedOne` (./store.ts builds them); this file goes when the
// displays move to the engine.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { NEWS_LIST_LIMIT } from '../../shared/news/constants.ts';
import type { NewsItem, StoryPhoto } from '../../shared/news/schema.ts';
import type { Db } from '../db/open.ts';
import { stories, storedFiles, units } from '../db/schema/index.ts';
import { toNewsItem, type FileFacts, type StoryRow } from './store.ts';

export function publishedStoriesOnSqlite(db: Db) {
  const items = (rows: StoryRow[]): NewsItem[] => {
    const unitName = new Map(db.select({ id: units.id, name: units.name }).from(units).all().map((u) => [u.id, u.name]));
    const hashes = [...new Set(rows.flatMap((r) => (JSON.parse(r.photos) as StoryPhoto[]).map((p) => p.sha256)))];
    const facts: FileFacts = new Map(
      hashes.length === 0 ? [] : db.select().from(storedFiles).where(inArray(storedFiles.sha256, hashes)).all().map((f) => [f.sha256, { type: f.type, bytes: f.bytes }]),
    );
    return rows.map((r) => toNewsItem(r, unitName, facts));
  };
  return {
    published: (limit = NEWS_LIST_LIMIT): NewsItem[] =>
      items(db.select().from(stories).where(eq(stories.status, 'published')).orderBy(desc(stories.publishedAt), desc(stories.id)).limit(limit).all()),
    publishedOne: (id: string): NewsItem | undefined => items(db.select().from(stories).where(and(eq(stories.id, id), eq(stories.status, 'published'))).all())[0],
  };
}
export type PublishedStoriesOnSqlite = ReturnType<typeof publishedStoriesOnSqlite>;
