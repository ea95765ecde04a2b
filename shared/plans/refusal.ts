// Why the server refused a plan, part by part: each problem with the path of
// the part (as the plan's JSON names it) and a small word for what is wrong,
// so the admin's editor can say it in its own words ("Nội dung 1.3: tiêu đề
// không được để trống") instead of showing zod's path and English. The
// server sends these beside its usual { code, message } (routes/plans.ts).
import { z } from 'zod';

export const PLAN_PROBLEMS = [
  'required',
  'tooLong',
  'tooMany',
  'tooFew',
  'tooSmall',
  'tooBig',
  'wholeNumber',
  'format',
  'twice',
  'noItem',
  'noForm',
  'noSubForm',
  'noUnit',
  'order',
  'rhythmOrDue',
  'invalid',
] as const;
export type PlanProblem = (typeof PLAN_PROBLEMS)[number];

export const planIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  problem: z.enum(PLAN_PROBLEMS),
  /** The limit broken (characters, rows, a number). */
  limit: z.number().optional(),
  /** The code, id or unit the problem is about. */
  value: z.string().optional(),
});
export type PlanIssue = z.infer<typeof planIssueSchema>;
export const planIssuesSchema = z.array(planIssueSchema);

/** The plan schema's own checks say which problem they found (shared/plans/schema.ts `params`). */
export const problemParams = (problem: PlanProblem, value?: string) => ({ problem, ...(value === undefined ? {} : { value }) });

const limitOf = (n: unknown) => (typeof n === 'number' || typeof n === 'bigint' ? { limit: Number(n) } : {});

/** One zod issue as a plan problem. */
function issueOf(issue: z.core.$ZodIssue): PlanIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return { path, problem: 'required' };
      return { path, problem: issue.origin === 'array' ? 'tooFew' : 'tooSmall', ...limitOf(issue.minimum) };
    case 'too_big':
      return { path, problem: issue.origin === 'string' ? 'tooLong' : issue.origin === 'array' ? 'tooMany' : 'tooBig', ...limitOf(issue.maximum) };
    case 'invalid_format':
      return { path, problem: 'format' };
    case 'invalid_type':
      return { path, problem: issue.expected === 'number' || issue.expected === 'int' ? 'wholeNumber' : issue.expected === 'string' ? 'required' : 'invalid' };
    case 'custom': {
      const tagged = planIssueSchema.pick({ problem: true, value: true }).safeParse(issue.params ?? {});
      return tagged.success ? { path, ...tagged.data } : { path, problem: 'invalid' };
    }
    default:
      return { path, problem: 'invalid' };
  }
}

/** Every problem zod found in a plan, in its order. */
export const planIssuesOf = (error: z.ZodError): PlanIssue[] => error.issues.map(issueOf);
