// The anomaly view and the reviewer's decision (GET /integrity/anomalies,
// POST /integrity/learners/:learnerId/review): aggregates and learner codes,
// never a name or a profile.
import { z } from 'zod';
import { PLAUSIBILITY_RULES } from './plausibility.ts';

const rule = z.enum(PLAUSIBILITY_RULES);

export const reviewDecisionSchema = z.strictObject({ decision: z.enum(['accepted', 'dismissed']) });
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** A waiting learner's handle in the anomaly view: 22 base64url characters. */
export const REVIEW_REF_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export const reviewResultSchema = z.object({ decision: z.enum(['accepted', 'dismissed']), records: z.number().int().nonnegative() });

export const anomaliesSchema = z.object({
  limits: z.object({
    minShareOfLessonTime: z.number(),
    minLessonSeconds: z.number(),
    maxLessonsPerHour: z.number(),
    maxLearnersPerDevice: z.number(),
    maxRegistrationsPerAddress: z.number(),
    registrationWindowMs: z.number(),
    sessionSlackMinutes: z.number(),
    guidedMinutesPerHour: z.number(),
    maxGuidedLearnersPerHour: z.number(),
    sessionEarlyMinutes: z.number(),
    sessionLateHours: z.number(),
  }),
  /** Learners waiting for a decision and their held records, per rule. */
  rules: z.array(z.object({ rule, learners: z.number().int(), records: z.number().int() })),
  /** The same per residential group (null: not said). */
  groups: z.array(z.object({ groupId: z.string().nullable(), learners: z.number().int(), records: z.number().int() })),
  /** Each learner waiting: the code a guide reads out, and `ref`, the handle the decision names
   * (derived from the learner id, never the id itself: reviewers see codes only). */
  learners: z.array(
    z.object({
      ref: z.string(),
      code: z.string(),
      groupId: z.string().nullable(),
      rules: z.array(rule),
      held: z.number().int(),
      since: z.string(),
    }),
  ),
  /** Learners shown, of how many waiting (the list shows the oldest first, up to a page). */
  waiting: z.number().int(),
  decided: z.object({ accepted: z.number().int(), dismissed: z.number().int() }),
});
export type Anomalies = z.infer<typeof anomaliesSchema>;
