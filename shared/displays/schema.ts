// LED screens at the ward office and on main roads (plan form 2.3): each
// screen loops a playlist the office edits. The screen itself is a kiosk
// browser with no login, so what it fetches is public by design: slogans,
// the app's QR code, aggregate coverage (with the "<5" rule), the week's
// sessions (title, place, time — never the check-in code), announcements and
// a featured published story with its photo.
import { z } from 'zod';
import { DISPLAY_ID_PATTERN, DISPLAY_SLIDE_KINDS, MAX_SLIDES, SLIDE_SECONDS } from './constants.ts';

export { DISPLAY_ID_PATTERN, DISPLAY_LIVE_MS, DISPLAY_POLL_MS, DISPLAY_SLIDE_KINDS, MAX_SLIDES, SLIDE_SECONDS, type DisplaySlideKind } from './constants.ts';

export const displayIdSchema = z.string().regex(DISPLAY_ID_PATTERN, 'lowercase letters, digits and "-", up to 40 characters');

export const displaySlideSchema = z.strictObject({
  kind: z.enum(DISPLAY_SLIDE_KINDS),
  seconds: z.number().int().min(SLIDE_SECONDS.min).max(SLIDE_SECONDS.max),
  /** The words of a slogan or an announcement; unused by the other kinds. */
  text: z.string().trim().max(200).optional(),
  /** A story slide's chosen story; without it the slide shows the latest published story. */
  storyId: z.string().uuid().optional(),
}).refine((s) => (s.kind === 'slogan' || s.kind === 'announcement' ? !!s.text : true), {
  message: 'a slogan or an announcement needs its text',
  path: ['text'],
});
export type DisplaySlide = z.infer<typeof displaySlideSchema>;

export const displayInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  slides: z.array(displaySlideSchema).min(1).max(MAX_SLIDES),
});
export type DisplayInput = z.infer<typeof displayInputSchema>;

export const displaySchema = displayInputSchema.extend({
  id: z.string(),
  updatedAt: z.string(),
  /** When the screen last asked for its data (its heartbeat); null: never. */
  lastSeenAt: z.string().nullable(),
});
export type Display = z.infer<typeof displaySchema>;
export const displayListSchema = z.object({ displays: z.array(displaySchema) });
export type DisplayList = z.infer<typeof displayListSchema>;

/** Longest span one hours request covers (a year and a day). */
export const MAX_HOURS_DAYS = 366;
const DAY_MS = 86_400_000;

/** The query as sent: Vietnam calendar days, inclusive; either may be left out (the last 7 days ending today). */
export const displayHoursQuerySchema = z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export const HOURS_DEFAULT_DAYS = 7;

/** The span once the defaults are filled in. */
export const displayHoursRangeSchema = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS < MAX_HOURS_DAYS, { message: `at most ${MAX_HOURS_DAYS} days`, path: ['to'] });

const dayHours = z.object({ day: z.string(), hours: z.number() });

/**
 * How long a screen was on, per day it was on and in all, from its heartbeats (hours, to a tenth).
 * `recordedFrom`: the first day whose hours were counted; days before it are unknown, not 0.
 */
export const displayHoursSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.array(dayHours),
  hours: z.number(),
  recordedFrom: z.string(),
});
export type DisplayHours = z.infer<typeof displayHoursSchema>;

/** Most screens one request sums. */
export const MAX_HOURS_SCREENS = 50;

/** Several screens' hours at once: `ids` is a comma-separated list; without it, every screen. */
export const screensHoursQuerySchema = displayHoursQuerySchema.extend({
  ids: z
    .string()
    .transform((s) => [...new Set(s.split(',').map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(displayIdSchema).min(1).max(MAX_HOURS_SCREENS))
    .optional(),
});

/**
 * The hours of several screens over the same days: each screen's part (with its
 * name and its first counted day), and the sum per day and in all, added up
 * from the counted time before rounding to a tenth.
 */
export const screensHoursSchema = z.object({
  from: z.string(),
  to: z.string(),
  screens: z.array(z.object({ id: z.string(), name: z.string(), hours: z.number(), recordedFrom: z.string() })),
  days: z.array(dayHours),
  hours: z.number(),
});
export type ScreensHours = z.infer<typeof screensHoursSchema>;

/** A published story as a screen shows it: public fields only, its first photo. */
export const displayStorySchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  summary: z.string(),
  unitName: z.string().nullable(),
  publishedAt: z.string(),
  photo: z.object({ src: z.string(), alt: z.string() }).nullable(),
});
export type DisplayStory = z.infer<typeof displayStorySchema>;

/** A share shown on a screen (0–1), or "<5" when too few people to show. */
const shownShare = z.union([z.number(), z.literal('<5'), z.null()]);

/** What a screen shows, in one answer it can keep and replay offline. */
export const displayFeedSchema = z.object({
  screen: z.object({ id: z.string(), name: z.string(), slides: z.array(displaySlideSchema) }),
  wardName: z.string(),
  /** The address the QR code opens. */
  appUrl: z.string(),
  coverage: z.object({
    /** Residents who have learned with the app so far: the dashboard's headline figure. */
    learners: z.number().int(),
    /** Per residential group: share of its adults who completed a course (0–1), "<5" when too few to show, null without a population. */
    groups: z.array(z.object({ name: z.string(), completedShare: shownShare })),
  }),
  /** Sessions starting from today for seven days: no codes, no names of people. */
  sessions: z.array(z.object({ title: z.string(), place: z.string(), startsAt: z.string(), group: z.string() })),
  /** Published stories the story slides show: the latest first, then the chosen ones still published. */
  stories: z.array(displayStorySchema),
  generatedAt: z.string(),
});
export type DisplayFeed = z.infer<typeof displayFeedSchema>;
