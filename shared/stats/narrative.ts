// The officer's text of a ward report, saved with its period (and group).
import { z } from 'zod';
import { dashboardQuerySchema } from './api.ts';

export const NARRATIVE_MAX = 4000;
const part = z.string().max(NARRATIVE_MAX, `at most ${NARRATIVE_MAX} characters`);

export const narrativeTextSchema = z.strictObject({ situation: part, results: part, shortcomings: part, proposals: part });
export type NarrativeText = z.infer<typeof narrativeTextSchema>;

/** PUT body: the period it belongs to (as the report's query) and the four parts. */
export const narrativeSaveSchema = narrativeTextSchema.extend(dashboardQuerySchema.shape).required({ from: true, to: true });
export type NarrativeSave = z.infer<typeof narrativeSaveSchema>;

export const narrativeSchema = narrativeTextSchema.extend({
  from: z.iso.date(),
  to: z.iso.date(),
  group: z.string().nullable(),
  /** Null while nothing was saved for this period. */
  updatedAt: z.iso.datetime().nullable(),
});
export type Narrative = z.infer<typeof narrativeSchema>;
