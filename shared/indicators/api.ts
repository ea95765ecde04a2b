// The indicators' API shapes: the targets a ward sets per plan (for the ward
// and per residential group) and the answer of target against actual.
import { z } from 'zod';
import { GROUP_ID_PATTERN } from '../events/patterns.ts';
import { HIDDEN, SUPPRESSED } from '../stats/api.ts';
import { FIGURE_KINDS } from '../stats/figure-kinds.ts';
import { BASIC_SKILLS_RULES, INDICATOR_IDS, indicatorOf, type IndicatorId } from './definitions.ts';

/** Residential groups a ward may have (the ward profile's own limit is lower). */
export const MAX_TARGET_GROUPS = 500;
export const MAX_TARGET_COUNT = 10_000_000;

export const targetSchema = z.strictObject({
  unit: z.enum(['count', 'percent']),
  value: z.number().min(0).max(MAX_TARGET_COUNT),
});
export type Target = z.infer<typeof targetSchema>;

const perIndicator = z.partialRecord(z.enum(INDICATOR_IDS), targetSchema);
export type IndicatorTargets = z.infer<typeof perIndicator>;

/** One target's problem, or none: a percentage only of a base, at most 100; a count whole. */
function targetProblem(id: IndicatorId, t: Target): string | null {
  if (t.unit === 'percent') {
    if (indicatorOf(id).base === null) return 'is a count; it takes no percentage target';
    if (t.value > 100) return 'a percentage is at most 100';
  } else if (!Number.isInteger(t.value)) return 'a count is a whole number';
  return null;
}

export const indicatorTargetsSchema = z
  .strictObject({
    basicSkillsRule: z.enum(BASIC_SKILLS_RULES),
    ward: perIndicator,
    groups: z.record(z.string().regex(GROUP_ID_PATTERN), perIndicator),
  })
  .superRefine((v, ctx) => {
    if (Object.keys(v.groups).length > MAX_TARGET_GROUPS) ctx.addIssue({ code: 'custom', path: ['groups'], message: `at most ${MAX_TARGET_GROUPS} groups` });
    const check = (path: string[], targets: IndicatorTargets) => {
      for (const [id, t] of Object.entries(targets) as Array<[IndicatorId, Target]>) {
        const problem = targetProblem(id, t);
        if (problem) ctx.addIssue({ code: 'custom', path: [...path, id, 'value'], message: problem });
      }
    };
    check(['ward'], v.ward);
    for (const [g, targets] of Object.entries(v.groups)) check(['groups', g], targets);
  });
export type IndicatorTargetSet = z.infer<typeof indicatorTargetsSchema>;

const count = z.union([z.number().int().min(0), z.literal(SUPPRESSED), z.literal(HIDDEN)]);

/** One cell: the target, the actual (as it may be shown), what a percentage is a share of, the share, and whether the target is met. */
export const indicatorCellSchema = z.object({
  target: targetSchema.nullable(),
  actual: count,
  /** The adults, households or residential groups a share is taken of; null when the ward profile has no figure. */
  base: z.number().int().nullable(),
  /** actual / base (0–1), null when either is unknown or the actual is hidden. */
  share: z.number().nullable(),
  /** Null: no target, or the actual is hidden. */
  met: z.boolean().nullable(),
});
export type IndicatorCell = z.infer<typeof indicatorCellSchema>;

export const indicatorReportSchema = z.object({
  plan: z.object({ id: z.string(), numberSymbol: z.string(), title: z.string() }),
  period: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  targets: indicatorTargetsSchema,
  /** Null until the ward first saved targets for this plan. */
  targetsUpdated: z.object({ by: z.string(), at: z.string() }).nullable(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), adultPopulation: z.number().nullable(), households: z.number().nullable() })),
  /** One row per indicator, in INDICATORS order; `groups` in the order of `groups` above. */
  rows: z.array(z.object({ id: z.enum(INDICATOR_IDS), ward: indicatorCellSchema, groups: z.array(indicatorCellSchema) })),
  /** The kinds of learning the indicators of residents' learning count: the ward's official kinds (shared/stats/figure-kinds.ts), outcomes aside. */
  counted: z.array(z.enum(FIGURE_KINDS)),
  generatedAt: z.string(),
});
export type IndicatorReport = z.infer<typeof indicatorReportSchema>;

export const indicatorTargetsAnswerSchema = z.object({ targets: indicatorTargetsSchema, targetsUpdated: z.object({ by: z.string(), at: z.string() }) });
