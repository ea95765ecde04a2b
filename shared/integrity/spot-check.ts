// The spot-check list (GET/POST /integrity/spot-checks, PUT …/items/:no): a
// seeded random sample of verified records — completions a guide recorded,
// outcomes a guide confirmed, and a resident's own completions credited to a
// guided session they checked in to; never a held record — for the office to
// confirm by phone or visit, with the result of each. Learner codes and
// groups, never names.
import { z } from 'zod';
import { OUTCOMES } from '../guide/constants.ts';

export const SPOT_CHECK_RESULTS = ['confirmed', 'not-confirmed', 'unreachable'] as const;
export const MAX_SPOT_CHECK_SIZE = 50;

export const drawSpotCheckSchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  size: z.number().int().min(1).max(MAX_SPOT_CHECK_SIZE),
  // No seed: the server derives it from its own key and what is drawn, so the person drawing cannot choose the sample.
});
export const spotCheckResultSchema = z.strictObject({ result: z.enum(SPOT_CHECK_RESULTS) });

const item = z.object({
  itemNo: z.number().int(),
  /** completion: a lesson a guide recorded; outcome: one a guide confirmed; session-completion: a lesson done on the resident's phone, credited to the session named. */
  kind: z.enum(['completion', 'outcome', 'session-completion']),
  code: z.string(),
  groupId: z.string().nullable(),
  /** What to confirm: the lesson (course and lesson ids) or the outcome. */
  courseId: z.string().nullable(),
  lessonId: z.string().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  /** The Vietnam day it was recorded, and by which guide (display name): the one who recorded it, or who led the session it is credited to. */
  day: z.iso.date(),
  guide: z.string(),
  /** For a session-completion: the session it is credited to (the first to start, if several), by its code, title and day. */
  session: z.object({ code: z.string(), title: z.string(), day: z.iso.date() }).nullable(),
  result: z.enum(SPOT_CHECK_RESULTS).nullable(),
});

export const spotCheckSchema = z.object({
  id: z.number().int(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** Derived by the server (server/integrity/draw-key.ts); with the records in id order it reproduces the sample. */
  seed: z.number().int(),
  population: z.number().int(),
  drawnBy: z.string(),
  drawnAt: z.string(),
  items: z.array(item),
  /** Results so far: how many confirmed, not confirmed, unreachable, and not yet checked. */
  totals: z.object({ confirmed: z.number().int(), notConfirmed: z.number().int(), unreachable: z.number().int(), pending: z.number().int() }),
});
export type SpotCheck = z.infer<typeof spotCheckSchema>;
/** The latest spot-check, or null before the first. */
export const latestSpotCheckSchema = z.object({ check: spotCheckSchema.nullable() });
