// Ward news stories: the one place that reads and writes the stories table.
// Rules that need no request (consent, Markdown problems, which status may
// follow which) live here; who may do what is the routes' business. On the
// engine: every read and write is awaited, on SQLite or PostgreSQL alike.
import { and, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import { NEWS_LIST_LIMIT, newsItemPath, newsPhotoPath, type StoryStatus } from '../../shared/news/constants.ts';
import { renderStoryMarkdown } from '../../shared/news/render.ts';
import type { NewsItem, NewsPhoto, Story, StoryPhoto, storyInputSchema } from '../../shared/news/schema.ts';
import type { z } from 'zod';
import { changed, type Engine } from '../db/engine/engine.ts';
import { stories, storedFiles, units, users } from '../db/schema/index.ts';

export type StoryFields = z.output<typeof storyInputSchema>;
export type StoryRow = typeof stories.$inferSelect;

/** A rule the story breaks: 422 with its code. */
export class StoryRuleError extends Error {
  constructor(
    readonly code: 'consent_required' | 'invalid_markdown' | 'unknown_unit' | 'unknown_photo' | 'wrong_status',
    message: string,
  ) {
    super(message);
  }
}

/** The status each action leads to, and the statuses it may start from (the target itself: nothing to do). */
export const TRANSITIONS = {
  submit: { to: 'submitted', from: ['draft'] },
  approve: { to: 'approved', from: ['submitted'] },
  publish: { to: 'published', from: ['approved', 'unpublished'] },
  unpublish: { to: 'unpublished', from: ['published'] },
} as const satisfies Record<string, { to: StoryStatus; from: readonly StoryStatus[] }>;
export type StoryAction = keyof typeof TRANSITIONS;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Who may name a photo in a story: photos uploaded for stories (server/news/photos.ts). */
export type PhotoCheck = (sha256: string) => Promise<boolean>;

/** A story's photos, as stored (JSON written by this store). */
const photosOf = (r: Pick<StoryRow, 'photos'>) => JSON.parse(r.photos) as StoryPhoto[];
/** The row names the file as one of its photos or a photo's thumbnail. */
const namesPhoto = (r: Pick<StoryRow, 'photos'>, sha256: string) => photosOf(r).some((p) => p.sha256 === sha256 || p.thumb === sha256);

export function createStoryStore(engine: Engine, now: () => number) {
  const { db } = engine;
  const names = async (ids: string[]) => {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map<string, string>();
    return new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted))).map((u) => [u.id, u.name]));
  };
  const unitNames = async () => new Map((await db.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name]));
  const fileFacts = async (hashes: string[]): Promise<FileFacts> => {
    const wanted = [...new Set(hashes)];
    if (wanted.length === 0) return new Map();
    return new Map((await db.select().from(storedFiles).where(inArray(storedFiles.sha256, wanted))).map((f) => [f.sha256, { type: f.type, bytes: f.bytes }]));
  };

  async function toStories(rows: StoryRow[]): Promise<Story[]> {
    const people = await names(rows.flatMap((r) => [r.authorId, ...(r.approvedBy ? [r.approvedBy] : [])]));
    const unitName = await unitNames();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      title: r.title,
      summary: r.summary,
      body: r.body,
      html: r.html,
      namesPrivate: r.namesPrivate,
      consent: r.consentBy !== null,
      unitId: r.unitId,
      unitName: r.unitId ? (unitName.get(r.unitId) ?? null) : null,
      photos: photosOf(r),
      authorId: r.authorId,
      authorName: people.get(r.authorId) ?? '',
      createdAt: iso(r.createdAt)!,
      updatedAt: iso(r.updatedAt)!,
      approvedByName: r.approvedBy ? (people.get(r.approvedBy) ?? null) : null,
      publishedAt: iso(r.publishedAt),
    }));
  }
  async function toNewsItems(rows: StoryRow[]): Promise<NewsItem[]> {
    const unitName = await unitNames();
    const facts = await fileFacts(rows.flatMap((r) => photosOf(r).map((p) => p.sha256)));
    return rows.map((r) => toNewsItem(r, unitName, facts));
  }

  /** Checks the fields and makes the HTML; throws StoryRuleError. */
  async function prepare(fields: StoryFields, mayUsePhoto: PhotoCheck) {
    for (const hash of fields.photos.flatMap((p) => [p.sha256, ...(p.thumb ? [p.thumb] : [])])) {
      if (!(await mayUsePhoto(hash))) throw new StoryRuleError('unknown_photo', `No story photo ${hash.slice(0, 12)}… uploaded for you; upload it with the story`);
    }
    if (fields.namesPrivate && !fields.consent) {
      throw new StoryRuleError('consent_required', 'The story names a private person or business: confirm they agreed to be named');
    }
    if (fields.unitId && !(await unitNames()).has(fields.unitId)) throw new StoryRuleError('unknown_unit', `No unit "${fields.unitId}"`);
    const { html, problems } = renderStoryMarkdown(fields.body);
    if (problems.length > 0) throw new StoryRuleError('invalid_markdown', problems.join('; '));
    return html;
  }

  const rowOn = (q: Engine, id: string) => q.db.select().from(stories).where(eq(stories.id, id)).get();
  const get = async (id: string): Promise<Story | undefined> => {
    const r = await rowOn(engine, id);
    return r ? (await toStories([r]))[0] : undefined;
  };
  /** Rows of published stories naming the file: LIKE narrows them portably (the hash is plain hex), the JSON read in TypeScript decides. */
  const publishedNaming = (sha256: string, scope: SQL) =>
    db.select({ photos: stories.photos }).from(stories).where(and(scope, like(stories.photos, `%${sha256}%`)));

  return {
    row: (id: string) => rowOn(engine, id),
    get,
    /** Staff list, newest change first; a unit's stories only when unitId is given. */
    async list(filter: { status?: StoryStatus; unitId?: string }): Promise<Story[]> {
      const rows = await db
        .select()
        .from(stories)
        .where(and(filter.status ? eq(stories.status, filter.status) : undefined, filter.unitId ? eq(stories.unitId, filter.unitId) : undefined))
        .orderBy(desc(stories.updatedAt), desc(stories.id))
        .limit(200);
      return toStories(rows);
    },
    async create(fields: StoryFields, authorId: string, mayUsePhoto: PhotoCheck): Promise<Story> {
      const html = await prepare(fields, mayUsePhoto);
      const at = now();
      const id = uuidv7(at);
      await db.insert(stories).values({
        id,
        kind: fields.kind,
        status: 'draft',
        title: fields.title,
        summary: fields.summary,
        body: fields.body,
        html,
        namesPrivate: fields.namesPrivate,
        consentBy: fields.consent ? authorId : null,
        consentAt: fields.consent ? at : null,
        unitId: fields.unitId ?? null,
        photos: JSON.stringify(fields.photos),
        authorId,
        createdAt: at,
        updatedAt: at,
      });
      return (await get(id))!;
    },
    /** Saves new text; an approved or unpublished story needs approving again. */
    async update(id: string, fields: StoryFields, editorId: string, mayUsePhoto: PhotoCheck): Promise<Story> {
      // The checks read through the engine, so they run before the transaction (inside it, only tx).
      const html = await prepare(fields, mayUsePhoto);
      await engine.transaction(async (tx) => {
        const before = (await rowOn(tx, id))!;
        const at = now();
        const consentKept = fields.consent && before.consentBy !== null;
        await tx.db
          .update(stories)
          .set({
            kind: fields.kind,
            title: fields.title,
            summary: fields.summary,
            body: fields.body,
            html,
            namesPrivate: fields.namesPrivate,
            consentBy: fields.consent ? (consentKept ? before.consentBy : editorId) : null,
            consentAt: fields.consent ? (consentKept ? before.consentAt : at) : null,
            unitId: fields.unitId ?? null,
            photos: JSON.stringify(fields.photos),
            updatedAt: at,
            ...(before.status === 'approved' || before.status === 'unpublished' ? { status: 'submitted' as const, approvedBy: null, approvedAt: null } : {}),
          })
          .where(eq(stories.id, id));
      });
      return (await get(id))!;
    },
    /** Moves a story on; already there is no change (a repeated tap), anything else StoryRuleError. Returns whether it changed. */
    async move(id: string, action: StoryAction, actorId: string): Promise<{ story: Story; changed: boolean }> {
      const { to, from } = TRANSITIONS[action];
      const before = (await rowOn(engine, id))!;
      if (before.status === to) return { story: (await get(id))!, changed: false };
      if (!(from as readonly StoryStatus[]).includes(before.status)) {
        throw new StoryRuleError('wrong_status', `A story that is ${before.status} cannot be ${to}`);
      }
      const at = now();
      // Only from the status read: of two taps at once, one moves the story and the other finds it moved (no second audit line).
      const moved = await changed(
        db
          .update(stories)
          .set({
            status: to,
            updatedAt: at,
            ...(action === 'approve' ? { approvedBy: actorId, approvedAt: at } : {}),
            ...(action === 'publish' && before.publishedAt === null ? { publishedAt: at } : {}),
          })
          .where(and(eq(stories.id, id), eq(stories.status, before.status))),
      );
      return { story: (await get(id))!, changed: moved > 0 };
    },
    /** Published items, newest first: what residents, feeds and the snippet show. */
    async published(limit = NEWS_LIST_LIMIT): Promise<NewsItem[]> {
      // NULLS LAST: SQLite's order for a descending NULL, which PostgreSQL puts first.
      const rows = await db
        .select()
        .from(stories)
        .where(eq(stories.status, 'published'))
        .orderBy(sql`${stories.publishedAt} desc nulls last`, desc(stories.id))
        .limit(limit);
      return toNewsItems(rows);
    },
    async publishedOne(id: string): Promise<NewsItem | undefined> {
      const r = await db.select().from(stories).where(and(eq(stories.id, id), eq(stories.status, 'published'))).get();
      return r ? (await toNewsItems([r]))[0] : undefined;
    },
    /** A published story names this file (as a photo or its thumbnail): anyone may read it. */
    async isPublishedPhoto(sha256: string): Promise<boolean> {
      return (await publishedNaming(sha256, eq(stories.status, 'published'))).some((r) => namesPhoto(r, sha256));
    },
    /** A story this staff member may see names the file: a unit officer reads their unit's stories' photos. */
    async isPhotoOfUnit(sha256: string, unitId: string): Promise<boolean> {
      return (await publishedNaming(sha256, eq(stories.unitId, unitId))).some((r) => namesPhoto(r, sha256));
    },
    /** Changes when anything published changes: the feeds' ETag and Last-Modified. */
    async publishedVersion(): Promise<{ count: number; lastChange: number }> {
      const v = await db
        .select({ count: sql<number>`count(*)`, last: sql<number | null>`max(${stories.updatedAt})` })
        .from(stories)
        .where(inArray(stories.status, ['published', 'unpublished']))
        .get();
      return { count: v?.count ?? 0, lastChange: v?.last ?? 0 };
    },
  };
}
export type Stories = ReturnType<typeof createStoryStore>;

export type FileFacts = Map<string, { type: string; bytes: number }>;

/** A published row as readers get it: the unit's name, never the author; only photos the file store holds. */
export function toNewsItem(r: StoryRow, unitName: Map<string, string>, facts: FileFacts): NewsItem {
  const photos = photosOf(r);
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    html: r.html,
    unitName: r.unitId ? (unitName.get(r.unitId) ?? null) : null,
    publishedAt: iso(r.publishedAt ?? r.updatedAt)!,
    updatedAt: iso(r.updatedAt)!,
    path: newsItemPath(r.id),
    photos: photos.flatMap((p): NewsPhoto[] => {
      const file = facts.get(p.sha256);
      return file ? [{ src: newsPhotoPath(p.sha256), thumb: newsPhotoPath(p.thumb ?? p.sha256), alt: p.alt, type: file.type, bytes: file.bytes }] : [];
    }),
  };
}
