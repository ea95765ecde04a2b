// The three registers the plan asks for (issue #15 §5): units' difficulties,
// false or misleading information seen on social networks, and budget
// proposals. Input schemas are what the screens send; row schemas are what
// the server answers. Strict objects: an unknown field (a name, a phone
// number) is refused, never stored.
import { z } from 'zod';
import { itemCodeSchema } from '../plans/schema.ts';
import {
  BUDGET_STATUSES,
  DIFFICULTY_STATUSES,
  FILE_HASH_PATTERN,
  HTTP_LINK_PATTERN,
  MAX_AMOUNT,
  MAX_BUDGET_LINES,
  MISINFO_ACTIONS,
  MISINFO_STATUSES,
  PLATFORMS,
} from './constants.ts';
import { PLAN_ID_PATTERN } from '../plans/constants.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');
const day = z.iso.date();
const planIdSchema = z.string().regex(PLAN_ID_PATTERN, 'must be a plan id');
export const httpLinkSchema = z.string().trim().max(2000).regex(HTTP_LINK_PATTERN, 'must be an http:// or https:// address');
const amount = z.number().int().min(0).max(MAX_AMOUNT);

// ── Difficulties ────────────────────────────────────────────────────────────

/** A unit officer files a difficulty for their own unit (the unit comes from the login). */
export const difficultyInputSchema = z.strictObject({
  planId: planIdSchema,
  itemCode: itemCodeSchema.nullable().default(null),
  summary: text(300),
  details: optionalText(4000),
  raisedOn: day,
});
export type DifficultyInput = z.input<typeof difficultyInputSchema>;

/** VH-XH records what was done, or what was proposed to the People's Committee. */
export const difficultyHandlingSchema = z.strictObject({
  status: z.enum(DIFFICULTY_STATUSES).exclude(['new']),
  handling: text(4000),
  handledOn: day,
});
export type DifficultyHandling = z.input<typeof difficultyHandlingSchema>;

export const difficultySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  planId: z.string(),
  itemCode: z.string().nullable(),
  summary: z.string(),
  details: z.string(),
  raisedOn: z.string(),
  status: z.enum(DIFFICULTY_STATUSES),
  handling: z.string().nullable(),
  handledOn: z.string().nullable(),
  proposedOn: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  filedAt: z.string(),
  updatedAt: z.string(),
});
export type Difficulty = z.infer<typeof difficultySchema>;
export const difficultyListSchema = z.object({ difficulties: z.array(difficultySchema) });

// ── False or misleading information ────────────────────────────────────────

/** What staff saw and did. Only the public link identifies the post: no names, no accounts. */
export const misinfoInputSchema = z
  .strictObject({
    planId: planIdSchema,
    itemCode: itemCodeSchema.nullable().default(null),
    platform: z.enum(PLATFORMS),
    link: httpLinkSchema,
    seenOn: day,
    description: text(1000),
    assessment: text(1000),
    action: z.enum(MISINFO_ACTIONS),
    /** The correction published, when the action is a correction. */
    correctionLink: httpLinkSchema.nullable().default(null),
    actionOn: day.nullable().default(null),
    status: z.enum(MISINFO_STATUSES),
    closedOn: day.nullable().default(null),
    /** SHA-256 of a screenshot in the evidence-file store (the upload itself is not part of this register). */
    screenshotFile: z.string().regex(FILE_HASH_PATTERN, 'must be a SHA-256 in lower-case hex').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'corrected' && !v.correctionLink) ctx.addIssue({ code: 'custom', path: ['correctionLink'], message: 'a published correction needs its link' });
    if (v.action !== 'corrected' && v.correctionLink) ctx.addIssue({ code: 'custom', path: ['correctionLink'], message: 'only a published correction has a link' });
    if (v.action !== 'none' && !v.actionOn) ctx.addIssue({ code: 'custom', path: ['actionOn'], message: 'say when the action was taken' });
    if (v.actionOn && v.actionOn < v.seenOn) ctx.addIssue({ code: 'custom', path: ['actionOn'], message: 'must not be before the day it was seen' });
    if (v.status === 'closed' && !v.closedOn) ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'a closed entry needs its closing day' });
    if (v.status !== 'closed' && v.closedOn) ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'only a closed entry has a closing day' });
    if (v.closedOn && v.closedOn < v.seenOn) ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'must not be before the day it was seen' });
  });
export type MisinfoInput = z.input<typeof misinfoInputSchema>;

export const misinfoSchema = z.object({
  id: z.string(),
  /** The unit of the officer who logged it; null when VH-XH or an admin did. */
  unitId: z.string().nullable(),
  planId: z.string(),
  itemCode: z.string().nullable(),
  platform: z.enum(PLATFORMS),
  link: z.string(),
  seenOn: z.string(),
  description: z.string(),
  assessment: z.string(),
  action: z.enum(MISINFO_ACTIONS),
  correctionLink: z.string().nullable(),
  actionOn: z.string().nullable(),
  status: z.enum(MISINFO_STATUSES),
  closedOn: z.string().nullable(),
  screenshotFile: z.string().nullable(),
  loggedAt: z.string(),
  updatedAt: z.string(),
});
export type Misinfo = z.infer<typeof misinfoSchema>;
export const misinfoListSchema = z.object({ entries: z.array(misinfoSchema) });

// ── Budget proposals ───────────────────────────────────────────────────────

/** One line: what it pays for and its amount in đồng (the line's total, not a unit price). */
export const budgetLineInputSchema = z.strictObject({
  description: text(300),
  /** How many (banners, copies…), as information; the amount is already the line's total. */
  quantity: z.number().int().min(1).max(1_000_000).nullable().default(null),
  proposedAmount: amount,
});

export const budgetInputSchema = z.strictObject({
  planId: planIdSchema,
  title: text(300),
  proposedOn: day,
  lines: z.array(budgetLineInputSchema).min(1).max(MAX_BUDGET_LINES),
});
export type BudgetInput = z.input<typeof budgetInputSchema>;

/** VH-XH or an admin decides: an approved amount per line (at most the proposed one), or a refusal. */
export const budgetDecisionSchema = z.strictObject({
  status: z.enum(BUDGET_STATUSES).exclude(['proposed']),
  /** One per line, in order, when approved; empty (all zero) when rejected. */
  approvedAmounts: z.array(amount).max(MAX_BUDGET_LINES).default([]),
  decidedOn: day,
  note: optionalText(1000),
});
export type BudgetDecision = z.input<typeof budgetDecisionSchema>;

export const budgetLineSchema = z.object({
  description: z.string(),
  quantity: z.number().nullable(),
  proposedAmount: z.number(),
  approvedAmount: z.number().nullable(),
});

export const budgetSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  planId: z.string(),
  title: z.string(),
  proposedOn: z.string(),
  status: z.enum(BUDGET_STATUSES),
  decidedOn: z.string().nullable(),
  note: z.string(),
  lines: z.array(budgetLineSchema),
  /** Computed by the server from the lines. */
  proposedTotal: z.number(),
  approvedTotal: z.number().nullable(),
  filedAt: z.string(),
  updatedAt: z.string(),
});
export type Budget = z.infer<typeof budgetSchema>;
export const budgetListSchema = z.object({ proposals: z.array(budgetSchema) });

/** List filters shared by the three registers. */
export const registerQuerySchema = z.strictObject({
  plan: planIdSchema.optional(),
  unit: z.string().max(40).optional(),
});
