// The city's targets for its localities (GET/PUT /api/v1/city/targets) and
// how a figure stands against one. A target is a share of adults who learn
// (coverage) and/or a count of learners, by a day. The city's own target is
// for its total; a locality without a target of its own is held to the
// city's coverage share (a share fits any size; a count does not divide).
// zod-using: the city screen imports the types only.
import { z } from 'zod';
import { localitySlugSchema } from '../localities/locality.ts';
import { SMALL_COUNT_LIMIT, SUPPRESSED, type Count } from '../stats/api.ts';

export const targetSetSchema = z
  .strictObject({
    /** Learners as a share of adults, 0–1 (four decimals kept). */
    coverage: z.number().min(0.0001).max(1).nullable(),
    /** A count of learners; at least 5, the smallest count a figure shows. */
    learners: z.number().int().min(SMALL_COUNT_LIMIT).max(100_000_000).nullable(),
    /** The day the target is for, YYYY-MM-DD. */
    by: z.iso.date(),
  })
  .refine((t) => t.coverage !== null || t.learners !== null, { message: 'A target needs a coverage share, a count of learners, or both' });
export type TargetSet = z.infer<typeof targetSetSchema>;

export const cityTargetsSchema = z.strictObject({
  city: targetSetSchema.nullable(),
  localities: z.record(localitySlugSchema, targetSetSchema).refine((r) => Object.keys(r).length <= 2000, 'At most 2000 localities'),
});
export type CityTargets = z.infer<typeof cityTargetsSchema>;

/** met: the figure reaches the target; not-yet: it does not (gap: how far); unknown: the figure is not shown (no adults entered, or a hidden count). */
export type TargetStatus = 'met' | 'not-yet' | 'unknown';

export interface MeasureStanding {
  target: number;
  status: TargetStatus;
  /** target − figure when not yet met (a share for coverage, a count for learners); 0 when met; null when it cannot be said without revealing a hidden count. */
  gap: number | null;
}

export interface Standing {
  /** The day the target is for; null: no target applies. */
  by: string | null;
  /** Whose target applies: the locality's own, or the city's coverage share. */
  source: 'own' | 'city' | null;
  coverage: MeasureStanding | null;
  learners: MeasureStanding | null;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function coverageStanding(target: number, figure: number | null): MeasureStanding {
  if (figure === null) return { target, status: 'unknown', gap: null };
  return figure >= target ? { target, status: 'met', gap: 0 } : { target, status: 'not-yet', gap: round4(target - figure) };
}

/** A "<5" count is short of any count target (they start at 5), but how far would reveal the count; a "*" count may be any size. */
export function learnersStanding(target: number, figure: Count): MeasureStanding {
  if (figure === SUPPRESSED) return { target, status: 'not-yet', gap: null };
  if (typeof figure !== 'number') return { target, status: 'unknown', gap: null };
  return figure >= target ? { target, status: 'met', gap: 0 } : { target, status: 'not-yet', gap: target - figure };
}

/** How a locality's or the city's figures stand against the target that applies to it. */
export function standingOf(own: TargetSet | undefined, city: TargetSet | null, figures: { coverage: number | null; learners: Count }): Standing {
  const set = own ?? (city?.coverage != null ? { coverage: city.coverage, learners: null, by: city.by } : undefined);
  if (!set) return { by: null, source: null, coverage: null, learners: null };
  return {
    by: set.by,
    source: own ? 'own' : 'city',
    coverage: set.coverage === null ? null : coverageStanding(set.coverage, figures.coverage),
    learners: set.learners === null ? null : learnersStanding(set.learners, figures.learners),
  };
}
