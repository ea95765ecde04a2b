// An item the studio published on a channel, logged in the unit's outreach
// log: a card posted on Zalo, Facebook, TikTok or the portal (form 2.1), a
// slide loop run on an LED screen (its screen-hours) or posters printed (the
// copies; both form 2.3). The item's link goes with it. Sent by a unit
// officer; the server builds the activity and sends it through the unit
// record pipeline, like a bulletin marked as aired.
import { z } from 'zod';
import { ITEM_CODE_PATTERN } from '../plans/constants.ts';

/** The plan's sub-forms each channel may be logged under (shared/plans/sample-plan.yaml). */
export const CARD_SUB_FORMS = ['zalo-post', 'facebook-post', 'tiktok-video', 'portal-article', 'infographic'] as const;
export const SCREEN_SUB_FORM = 'led-slot';
export const POSTER_SUB_FORM = 'poster';

/** Limits a person could plausibly type: screens × hours over a span, copies of one print run. */
export const OUTREACH_COUNTS = { screenHours: 100_000, copies: 100_000, views: 100_000_000 } as const;

const day = z.iso.date();
const link = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) address');

const common = {
  /** What was published, as the studio names it ("story:<id>", "lesson:<course>/<lesson>", "figure:ward", "display:<id>", "poster:app"): with the channel, the unit and the first day, it makes the activity's id, so a second tap logs nothing new. */
  source: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(300),
  /** The item's own address (the lesson, the story, the screen's page, the poster's QR). */
  link,
  startsOn: day,
  /** A content item of the plan the item carries; the plan's first when absent or not in the plan. */
  contentItem: z.string().regex(ITEM_CODE_PATTERN).optional(),
};

export const outreachLogInputSchema = z.discriminatedUnion('channel', [
  z.strictObject({
    channel: z.literal('card'),
    ...common,
    subFormId: z.enum(CARD_SUB_FORMS),
    /** The post's own address on the network, when the officer has it. */
    postLink: link.optional(),
    views: z.number().int().min(0).max(OUTREACH_COUNTS.views).optional(),
  }),
  z
    .strictObject({
      channel: z.literal('screen'),
      ...common,
      endsOn: day.optional(),
      /** Screens × hours the slide loop ran over the days. */
      screenHours: z.number().int().min(1).max(OUTREACH_COUNTS.screenHours),
    })
    .refine((s) => !s.endsOn || s.endsOn >= s.startsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] }),
  z.strictObject({
    channel: z.literal('poster'),
    ...common,
    copies: z.number().int().min(1).max(OUTREACH_COUNTS.copies),
  }),
]);
export type OutreachLogInput = z.input<typeof outreachLogInputSchema>;
export type OutreachLogEntry = z.output<typeof outreachLogInputSchema>;

export const outreachLoggedSchema = z.object({ activityId: z.string(), planId: z.string(), formCode: z.string(), subFormId: z.string(), created: z.boolean() });
export type OutreachLogged = z.infer<typeof outreachLoggedSchema>;
