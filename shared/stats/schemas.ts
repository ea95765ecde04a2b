// zod mirrors of the dashboard's answer shapes (api.ts), for the OpenAPI
// document. A test parses real answers with them, so they cannot drift.
import { z } from 'zod';
import { AGE_BANDS, GENDER_KEYS, HIDDEN, SUPPRESSED } from './api.ts';
import { FIGURE_KINDS } from './figure-kinds.ts';

const count = z.union([z.number().int().min(0), z.literal(SUPPRESSED), z.literal(HIDDEN)]).describe('A count of people; "<5" for 1–4, "*" when hidden so a "<5" cannot be worked out from a total');
const ratio = z.number().min(0).nullable();

export const statsRangeSchema = z.object({ from: z.iso.date(), to: z.iso.date(), monthFrom: z.iso.date(), group: z.string().nullable() });
export const headlineSchema = z.object({
  learners: z.number().int(),
  newLearners: z.number().int(),
  active7: z.number().int(),
  active30: z.number().int(),
  assistedLearners: z.number().int(),
  selfLearners: z.number().int(),
  lessonsCompleted: z.number().int(),
  lessonsCounted: z.array(z.enum(FIGURE_KINDS)),
  assistedCompletions: z.number().int(),
  selfCompletions: z.number().int(),
  coursesCompleted: z.number().int(),
  certificates: z.number().int(),
  outcomesConfirmed: z.number().int(),
  outcomesCounted: z.boolean(),
  sessionsHeld: z.number().int(),
});
export const coverageRowSchema = z.object({
  groupId: z.string().nullable(),
  name: z.string().nullable(),
  adultPopulation: z.number().int().nullable(),
  households: z.number().int().nullable(),
  figuresAreSample: z.boolean(),
  reached: count,
  completed: count,
  reachedShare: ratio,
  completedShare: ratio,
  householdsRecorded: count,
  householdsFiveSkills: count,
  householdShare: ratio,
  completedThisMonth: count,
  growthPoints: z.number().nullable(),
});
const rankingRowSchema = z.object({ rank: z.number().int().min(1), groupId: z.string(), name: z.string(), value: z.number().nullable() });
export const rankingSchema = z.object({ byCoverage: z.array(rankingRowSchema), byGrowth: z.array(rankingRowSchema), counted: z.array(z.enum(FIGURE_KINDS)) });
const courseFigures = {
  starts: count,
  completions: count,
  completionRate: ratio,
  lessonCompletions: z.number().int(),
  averageScore: z.number().nullable(),
};
export const courseRowSchema = z.object({ courseId: z.string(), skill: z.string().nullable(), title: z.object({ vi: z.string(), en: z.string() }).nullable(), ...courseFigures });
export const skillRowSchema = z.object({ skill: z.string(), ...courseFigures });
const byGender = z.object(Object.fromEntries([...GENDER_KEYS, 'total'].map((k) => [k, count])) as Record<(typeof GENDER_KEYS)[number] | 'total', typeof count>);
export const demographicRowSchema = z.object({ band: z.enum(AGE_BANDS), reached: byGender, completed: byGender });
export const trendRowSchema = z.object({ week: z.iso.date(), lessonCompletions: z.number().int(), newLearners: count, courseCompletions: count });
export const freshnessSchema = z.object({
  guides: z.array(z.object({ guide: z.string(), team: z.string().nullable(), lastSyncAt: z.string().nullable() })),
  devices: z.object({ within1Day: count, within7Days: count, within30Days: count, older: count, lastSyncAt: z.string().nullable() }),
});
export const figureKindsSchema = z.object({
  verified: z.number().int(),
  selfReported: z.number().int(),
  outcomes: z.number().int(),
  held: z.number().int(),
  official: z.object({ kinds: z.array(z.enum(FIGURE_KINDS)), isDefault: z.boolean() }),
  officialLessons: z.number().int(),
});
export const officialKindsSaveSchema = z.strictObject({ kinds: z.array(z.enum(FIGURE_KINDS)).min(1).max(FIGURE_KINDS.length) });
export const dashboardMetaSchema = z.object({ wardName: z.string(), isSampleProfile: z.boolean(), isDemo: z.boolean(), generatedAt: z.string() });
export const dashboardSchema = z.object({
  meta: dashboardMetaSchema,
  range: statsRangeSchema,
  headline: headlineSchema,
  coverage: z.array(coverageRowSchema),
  coverageCounted: z.array(z.enum(FIGURE_KINDS)),
  ranking: rankingSchema,
  courses: z.array(courseRowSchema),
  skills: z.array(skillRowSchema),
  demographics: z.array(demographicRowSchema),
  /** The month end the demographics are as of (the last published one, see server/stats/demographics.ts); null before the first. */
  demographicsAsOf: z.string().nullable(),
  trend: z.array(trendRowSchema),
  freshness: freshnessSchema,
  kinds: figureKindsSchema,
});

/** Each section endpoint answers its part with the range. */
export const sectionSchemas = {
  headline: z.object({ range: statsRangeSchema, headline: headlineSchema }),
  coverage: z.object({ range: statsRangeSchema, coverage: z.array(coverageRowSchema), counted: z.array(z.enum(FIGURE_KINDS)) }),
  ranking: z.object({ range: statsRangeSchema, ranking: rankingSchema }),
  courses: z.object({ range: statsRangeSchema, courses: z.array(courseRowSchema), skills: z.array(skillRowSchema) }),
  demographics: z.object({ range: statsRangeSchema, demographics: z.array(demographicRowSchema), demographicsAsOf: z.string().nullable() }),
  trend: z.object({ range: statsRangeSchema, trend: z.array(trendRowSchema) }),
  freshness: z.object({ freshness: freshnessSchema }),
};

// Compile-time guard: the mirrors describe exactly the interfaces the server fills.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameDashboard: Same<z.infer<typeof dashboardSchema>, import('./api.ts').Dashboard> = true;
void sameDashboard;
