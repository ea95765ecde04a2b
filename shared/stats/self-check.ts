// The skills self-check as the ward sees it: learners who took it again
// after learning, their first against their latest results, per residential
// group and per skill group. Aggregates only: counts of 1–4 people leave the
// server as "<5", and an average is shown only for 5 people or more.
import { z } from 'zod';
import { SKILLS } from '../skills.ts';
import { HIDDEN, SUPPRESSED } from './api.ts';

const count = z.union([z.number().int().min(0), z.literal(SUPPRESSED), z.literal(HIDDEN)]).describe('A count of people; "<5" for 1–4');
const average = z.number().min(0).max(100).nullable().describe('Average share right (0–100); null below 5 people');

const beforeAfter = {
  /** Learners who took the self-check at least twice (their first and latest attempts compared). */
  repeated: count,
  firstAverage: average,
  latestAverage: average,
  /** Of those, learners whose latest result is better than their first; null below 5 people. */
  improved: count.nullable(),
};

export const selfCheckSummarySchema = z.object({
  /** Learners who took the self-check at least once. */
  tookIt: count,
  ward: z.object(beforeAfter),
  groups: z.array(z.object({ groupId: z.string(), name: z.string(), ...beforeAfter })),
  skills: z.array(z.object({ skill: z.enum(SKILLS), ...beforeAfter })),
});
export type SelfCheckSummary = z.infer<typeof selfCheckSummarySchema>;
export type BeforeAfter = Pick<SelfCheckSummary['ward'], keyof typeof beforeAfter>;
