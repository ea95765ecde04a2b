// The spot-check list (GET/POST /integrity/spot-checks, PUT …/items/:no): a
// seeded random sample of verified records — completions a guide recorded
// and outcomes a guide confirmed — for the office to confirm by phone or
// visit, with the result of each. Learner codes and groups, never names.
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
  kind: z.enum(['completion', 'outcome']),
  code: z.string(),
  groupId: z.string().nullable(),
  /** What to confirm: the lesson (course and lesson ids) or the outcome. */
  courseId: z.string().nullable(),
  lessonId: z.string().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  /** The Vietnam day it was recorded, and by which guide (display name). */
  day: z.iso.date(),
  guide: z.string(),
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
