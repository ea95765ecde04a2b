// Ward news stories: the one place that reads and writes the stories table.
// Rules that need no request (consent, Markdown problems, which status may
// follow which) live here; who may do what is the routes' business.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import { NEWS_LIST_LIMIT, newsItemPath, newsPhotoPath, type StoryStatus } from '../../shared/news/constants.ts';
import { renderStoryMarkdown } from '../../shared/news/render.ts';
import type { NewsItem, NewsPhoto, Story, StoryPhoto, storyInputSchema } from '../../shared/news/schema.ts';
import type { z } from 'zod';
import type { Db } from '../db/open.ts';
import { stories, storedFiles, units, users } from '../db/schema/index.ts';

export type StoryFields = z.output<typeof storyInputSchema>;
type Row = typeof stories.$inferSelect;

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
export type PhotoCheck = (sha256: string) => boolean;

export function createStoryStore(db: Db, now: () => number) {
  const names = (ids: string[]) => {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map<string, string>();
    return new Map(db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted)).all().map((u) => [u.id, u.name]));
  };
  const unitNames = () => new Map(db.select({ id: units.id, name: units.name }).from(units).all().map((u) => [u.id, u.name]));
  const photoFiles: FileFacts = (hashes) =>
    hashes.length === 0
      ? new Map()
      : new Map(db.select().from(storedFiles).where(inArray(storedFiles.sha256, hashes)).all().map((f) => [f.sha256, { type: f.type, bytes: f.bytes }]));

  function toStories(rows: Row[]): Story[] {
    const people = names(rows.flatMap((r) => [r.authorId, ...(r.approvedBy ? [r.approvedBy] : [])]));
    const unitName = unitNames();
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
      photos: JSON.parse(r.photos) as Story['photos'],
      authorId: r.authorId,
      authorName: people.get(r.authorId) ?? '',
      createdAt: iso(r.createdAt)!,
      updatedAt: iso(r.updatedAt)!,
      approvedByName: r.approvedBy ? (people.get(r.approvedBy) ?? null) : null,
      publishedAt: iso(r.publishedAt),
    }));
  }

  /** Checks the fields and makes the HTML; throws StoryRuleError. */
  function prepare(fields: StoryFields, mayUsePhoto: PhotoCheck) {
    const unusable = fields.photos.flatMap((p) => [p.sha256, ...(p.thumb ? [p.thumb] : [])]).find((h) => !mayUsePhoto(h));
    if (unusable) throw new StoryRuleError('unknown_photo', `No story photo ${unusable.slice(0, 12)}… uploaded for you; upload it with the story`);
    if (fields.namesPrivate && !fields.consent) {
      throw new StoryRuleError('consent_required', 'The story names a private person or business: confirm they agreed to be named');
    }
    if (fields.unitId && !unitNames().has(fields.unitId)) throw new StoryRuleError('unknown_unit', `No unit "${fields.unitId}"`);
    const { html, problems } = renderStoryMarkdown(fields.body);
    if (problems.length > 0) throw new StoryRuleError('invalid_markdown', problems.join('; '));
    return html;
  }

  const row = (id: string) => db.select().from(stories).where(eq(stories.id, id)).get();

  return {
    row,
    get: (id: string): Story | undefined => {
      const r = row(id);
      return r ? toStories([r])[0] : undefined;
    },
    /** Staff list, newest change first; a unit's stories only when unitId is given. */
    list(filter: { status?: StoryStatus; unitId?: string }): Story[] {
      const rows = db
        .select()
        .from(stories)
        .where(and(filter.status ? eq(stories.status, filter.status) : undefined, filter.unitId ? eq(stories.unitId, filter.unitId) : undefined))
        .orderBy(desc(stories.updatedAt), desc(stories.id))
        .limit(200)
        .all();
      return toStories(rows);
    },
    create(fields: StoryFields, authorId: string, mayUsePhoto: PhotoCheck): Story {
      const html = prepare(fields, mayUsePhoto);
      const at = now();
      const id = uuidv7(at);
      db.insert(stories)
        .values({
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
        })
        .run();
      return this.get(id)!;
    },
    /** Saves new text; an approved or unpublished story needs approving again. */
    update(id: string, fields: StoryFields, editorId: string, mayUsePhoto: PhotoCheck): Story {
      const html = prepare(fields, mayUsePhoto);
      const before = row(id)!;
      const at = now();
      const consentKept = fields.consent && before.consentBy !== null;
      db.update(stories)
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
        .where(eq(stories.id, id))
        .run();
      return this.get(id)!;
    },
    /** Moves a story on; already there is no change (a repeated tap), anything else StoryRuleError. Returns whether it changed. */
    move(id: string, action: StoryAction, actorId: string): { story: Story; changed: boolean } {
      const { to, from } = TRANSITIONS[action];
      const before = row(id)!;
      if (before.status === to) return { story: this.get(id)!, changed: false };
      if (!(from as readonly StoryStatus[]).includes(before.status)) {
        throw new StoryRuleError('wrong_status', `A story that is ${before.status} cannot be ${to}`);
      }
      const at = now();
      db.update(stories)
        .set({
          status: to,
          updatedAt: at,
          ...(action === 'approve' ? { approvedBy: actorId, approvedAt: at } : {}),
          ...(action === 'publish' && before.publishedAt === null ? { publishedAt: at } : {}),
        })
        .where(and(eq(stories.id, id), eq(stories.status, before.status)))
        .run();
      return { story: this.get(id)!, changed: true };
    },
    /** Published items, newest first: what residents, feeds and the snippet show. */
    published(limit = NEWS_LIST_LIMIT): NewsItem[] {
      const rows = db.select().from(stories).where(eq(stories.status, 'published')).orderBy(desc(stories.publishedAt), desc(stories.id)).limit(limit).all();
      const unitName = unitNames();
      return rows.map((r) => toNewsItem(r, unitName, photoFiles));
    },
    publishedOne(id: string): NewsItem | undefined {
      const r = db.select().from(stories).where(and(eq(stories.id, id), eq(stories.status, 'published'))).get();
      return r ? toNewsItem(r, unitNames(), photoFiles) : undefined;
    },
    /** A published story names this file (as a photo or its thumbnail): anyone may read it. */
    isPublishedPhoto(sha256: string): boolean {
      const hit = db.get<{ one: number }>(sql`select 1 as one from ${stories}, json_each(${stories.photos}) as p
        where ${stories.status} = 'published' and (json_extract(p.value, '$.sha256') = ${sha256} or json_extract(p.value, '$.thumb') = ${sha256}) limit 1`);
      return hit !== undefined;
    },
    /** A story this staff member may see names the file: a unit officer reads their unit's stories' photos. */
    isPhotoOfUnit(sha256: string, unitId: string): boolean {
      const hit = db.get<{ one: number }>(sql`select 1 as one from ${stories}, json_each(${stories.photos}) as p
        where ${stories.unitId} = ${unitId} and (json_extract(p.value, '$.sha256') = ${sha256} or json_extract(p.value, '$.thumb') = ${sha256}) limit 1`);
      return hit !== undefined;
    },
    /** Changes when anything published changes: the feeds' ETag and Last-Modified. */
    publishedVersion(): { count: number; lastChange: number } {
      const v = db
        .select({ count: sql<number>`count(*)`, last: sql<number | null>`max(${stories.updatedAt})` })
        .from(stories)
        .where(inArray(stories.status, ['published', 'unpublished']))
        .get();
      return { count: v?.count ?? 0, lastChange: v?.last ?? 0 };
    },
  };
}
export type StoryStore = ReturnType<typeof createStoryStore>;

type FileFacts = (hashes: string[]) => Map<string, { type: string; bytes: number }>;

function toNewsItem(r: Row, unitName: Map<string, string>, files: FileFacts): NewsItem {
  const photos = JSON.parse(r.photos) as StoryPhoto[];
  const facts = files(photos.map((p) => p.sha256));
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
