// Ward news: what staff send (a story), what they read back, and what the
// public reads (published items only: the unit's name, never the author).
import { z } from 'zod';
import { UNIT_ID_PATTERN } from '../plans/constants.ts';
import { STORY_KINDS, STORY_LIMITS, STORY_STATUSES } from './constants.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

export const storyPhotoSchema = z.strictObject({
  /** The file store's content hash of the picture (redrawn by the browser at most STORY_PHOTO_MAX_PX). */
  sha256: hash,
  /** The same picture at most STORY_THUMB_MAX_PX wide: what phones show and keep offline. */
  thumb: hash.optional(),
  alt: text(STORY_LIMITS.alt),
});
export type StoryPhoto = z.infer<typeof storyPhotoSchema>;

/** A published item's photo as readers get it: addresses from the site's root. */
export const newsPhotoSchema = z.object({ src: z.string(), thumb: z.string(), alt: z.string(), type: z.string(), bytes: z.number().int() });
export type NewsPhoto = z.infer<typeof newsPhotoSchema>;

export const storyInputSchema = z.strictObject({
  kind: z.enum(STORY_KINDS),
  title: text(STORY_LIMITS.title),
  summary: z.string().trim().max(STORY_LIMITS.summary).default(''),
  body: z.string().max(STORY_LIMITS.body),
  /** The story names a private person or business (not an office). */
  namesPrivate: z.boolean(),
  /** They agreed to be named; required when namesPrivate (the server refuses otherwise). */
  consent: z.boolean().default(false),
  /** The unit it speaks for: a unit officer's own unit always; reviewer and admin may choose one or none. */
  unitId: z.string().regex(UNIT_ID_PATTERN).nullable().optional(),
  photos: z.array(storyPhotoSchema).max(STORY_LIMITS.photos).default([]),
});
export type StoryInput = z.input<typeof storyInputSchema>;

export const storySchema = z.object({
  id: z.string(),
  kind: z.enum(STORY_KINDS),
  status: z.enum(STORY_STATUSES),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  html: z.string(),
  namesPrivate: z.boolean(),
  consent: z.boolean(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  photos: z.array(storyPhotoSchema),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  approvedByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type Story = z.infer<typeof storySchema>;

export const storyListSchema = z.object({ stories: z.array(storySchema) });
export const storyQuerySchema = z.strictObject({ status: z.enum(STORY_STATUSES).optional() });

export const newsItemSchema = z.object({
  id: z.string(),
  kind: z.enum(STORY_KINDS),
  title: z.string(),
  summary: z.string(),
  html: z.string(),
  unitName: z.string().nullable(),
  publishedAt: z.string(),
  updatedAt: z.string(),
  /** The item's page in the app, from the site's root. */
  path: z.string(),
  photos: z.array(newsPhotoSchema),
});
export type NewsItem = z.infer<typeof newsItemSchema>;

export const newsListSchema = z.object({ wardName: z.string(), items: z.array(newsItemSchema) });
export type NewsList = z.infer<typeof newsListSchema>;
