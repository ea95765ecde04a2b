// Loudspeaker bulletins kept by the server so they can be scheduled (plan
// form 2.4): the text, the unit that airs it, and its broadcast schedule —
// which days (a list of dates, or weekdays between two dates), at what time,
// over which loudspeaker clusters or residential groups. Each airing marked
// as aired is logged once in the unit's outreach log with its minutes.
import { z } from 'zod';
import { UNIT_ID_PATTERN } from '../plans/constants.ts';
import { SPEAKING_RATE } from './spoken.ts';

export const BULLETIN_KINDS = ['news', 'article', 'column'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];
/** The sample plan's sub-forms of form 2.4 (tin, bài, chuyên mục), one per kind. */
export const RADIO_SUB_FORM: Record<BulletinKind, string> = { news: 'radio-news', article: 'radio-article', column: 'radio-column' };

export const SCHEDULE_LIMITS = { dates: 60, spanDays: 366, clusters: 20, cluster: 80, groups: 100 } as const;
/** An airing's minutes as typed by staff: at least one, at most a whole morning's programme. */
export const AIRED_MINUTES = { min: 1, max: 240 } as const;

const day = z.iso.date();
const DAY_MS = 86_400_000;

export const scheduleDaysSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dates'), dates: z.array(day).min(1).max(SCHEDULE_LIMITS.dates) }),
  z
    .strictObject({
      kind: z.literal('weekly'),
      /** ISO weekdays: 1 Monday … 7 Sunday. */
      weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
      from: day,
      until: day,
    })
    .refine((w) => w.until >= w.from && (Date.parse(w.until) - Date.parse(w.from)) / DAY_MS < SCHEDULE_LIMITS.spanDays, {
      message: `until must be on or after from, within ${SCHEDULE_LIMITS.spanDays} days`,
      path: ['until'],
    }),
]);
export type ScheduleDays = z.infer<typeof scheduleDaysSchema>;

export const bulletinScheduleSchema = z
  .strictObject({
    days: scheduleDaysSchema,
    /** Time of day in Vietnam, HH:MM. */
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').optional(),
    /** Loudspeaker clusters by their names on the ward's system (cụm loa). */
    clusters: z.array(z.string().trim().min(1).max(SCHEDULE_LIMITS.cluster)).max(SCHEDULE_LIMITS.clusters).default([]),
    /** Residential groups by id (checked against the ward's groups). */
    groups: z.array(z.string().min(1).max(64)).max(SCHEDULE_LIMITS.groups).default([]),
  })
  .refine((s) => s.clusters.length + s.groups.length > 0, { message: 'name at least one loudspeaker cluster or residential group', path: ['clusters'] });
export type BulletinSchedule = z.infer<typeof bulletinScheduleSchema>;

export const bulletinInputSchema = z.strictObject({
  kind: z.enum(BULLETIN_KINDS),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  /** Syllables a minute the reading time is estimated at. */
  rate: z.number().int().min(SPEAKING_RATE.min).max(SPEAKING_RATE.max),
  /** The unit that airs it: a unit officer's own always; the office names one. */
  unitId: z.string().regex(UNIT_ID_PATTERN).optional(),
  schedule: bulletinScheduleSchema.nullable().default(null),
});
export type BulletinInput = z.input<typeof bulletinInputSchema>;

export const airingInputSchema = z.strictObject({
  day,
  /** Minutes on air; the reading time at the bulletin's rate when left out. */
  minutes: z.number().int().min(AIRED_MINUTES.min).max(AIRED_MINUTES.max).optional(),
});

export const airingSchema = z.object({ day: z.string(), minutes: z.number().int(), activityId: z.string(), airedAt: z.string(), airedByName: z.string() });
export type Airing = z.infer<typeof airingSchema>;

export const bulletinSchema = z.object({
  id: z.string(),
  kind: z.enum(BULLETIN_KINDS),
  title: z.string(),
  body: z.string(),
  rate: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  schedule: bulletinScheduleSchema.nullable(),
  /** The reading time at its rate, whole minutes (at least one): an airing's minutes unless typed. */
  minutes: z.number().int(),
  /** Scheduled days up to and including today (Vietnam), newest first: what may be marked as aired. */
  dueDays: z.array(z.string()),
  airings: z.array(airingSchema),
  updatedAt: z.string(),
});
export type Bulletin = z.infer<typeof bulletinSchema>;
export const bulletinListSchema = z.object({ bulletins: z.array(bulletinSchema) });

/** Every day the schedule names, in order. */
export function scheduledDays(days: ScheduleDays): string[] {
  if (days.kind === 'dates') return [...new Set(days.dates)].sort();
  const out: string[] = [];
  for (let t = Date.parse(days.from); t <= Date.parse(days.until); t += DAY_MS) {
    const weekday = ((new Date(t).getUTCDay() + 6) % 7) + 1;
    if (days.weekdays.includes(weekday)) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
