// A ward's plan as data: what the plan document says (number and symbol,
// date, issuing body, title, legal bases, period, content items, forms,
// units' duties, recipients), in the shape admins edit in the browser and
// write in a YAML file. Nothing here names one ward: the shipped Resolution
// 57 plan is a sample row that the first edit turns into the ward's own.
import { z } from 'zod';
import { UNIT_ID_PATTERN, ITEM_CODE_PATTERN, SUB_FORM_ID_PATTERN } from './constants.ts';
import { RHYTHMS } from './periods.ts';
import { problemParams } from './refusal.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date();

export const unitIdSchema = z.string().regex(UNIT_ID_PATTERN, 'must be 1–40 lower-case letters, digits or "-"');
/** "1.2", "2.5": the plan's own numbering of content items and forms. */
export const itemCodeSchema = z.string().regex(ITEM_CODE_PATTERN, 'must be a number like 1.2');
/** A sub-form's id inside the plan, e.g. "portal-article". */
export const subFormIdSchema = z.string().regex(SUB_FORM_ID_PATTERN, 'must be 1–40 lower-case letters, digits or "-"');

/** One line of the plan's content, with its sub-points as written. */
export const contentItemSchema = z.strictObject({
  code: itemCodeSchema,
  title: text(400),
  points: z.array(text(600)).max(30).default([]),
});

export const subFormSchema = z.strictObject({
  id: subFormIdSchema,
  title: text(160),
});

/** One form of propagation (2.1 digital platforms, 2.4 radio…) and its sub-forms. */
export const planFormSchema = z.strictObject({
  code: itemCodeSchema,
  title: text(400),
  subForms: z.array(subFormSchema).max(40).default([]),
});

export const DUTY_ROLES = ['lead', 'coordinate'] as const;
/** What one unit is charged with: leading or coordinating, for which content items and forms. */
export const dutySchema = z.strictObject({
  unitId: unitIdSchema,
  role: z.enum(DUTY_ROLES),
  contentItems: z.array(itemCodeSchema).max(30).default([]),
  forms: z.array(itemCodeSchema).max(30).default([]),
  /** The duty as the plan words it. */
  text: text(1200),
});

/** A duty made checkable: what one unit must record under a form (or one of its sub-forms), either at a rhythm
 * ("at least one radio column every week") or once by a day. An activity counts on its first day. */
export const taskSchema = z
  .strictObject({
    /** The task's id inside the plan, e.g. "ttsnc-radio-column". */
    id: subFormIdSchema,
    unitId: unitIdSchema,
    title: text(300),
    formCode: itemCodeSchema,
    /** Only activities of this sub-form count; null: any activity of the form. */
    subFormId: subFormIdSchema.nullable().default(null),
    /** A rhythm: every week, month, quarter, half-year or year… */
    every: z.enum(RHYTHMS).nullable().default(null),
    /** …with at least this many activities in each; or, for a one-off, by its due day. */
    atLeast: z.number().int().min(1).max(1000).default(1),
    dueOn: day.nullable().default(null),
    /** When the task starts and stops applying; null: the plan's period (or always). */
    from: day.nullable().default(null),
    until: day.nullable().default(null),
  })
  .refine((t) => (t.every === null) !== (t.dueOn === null), { message: 'a task has either a rhythm (every) or a due day (dueOn), not both', path: ['every'], params: problemParams('rhythmOrDue') });
export type PlanTask = z.infer<typeof taskSchema>;

/** How many activities of a form (or sub-form) the plan expects per month, quarter, half-year or year;
 * of one unit, or of all units together when unitId is null. */
export const targetSchema = z.strictObject({
  formCode: itemCodeSchema,
  subFormId: subFormIdSchema.nullable().default(null),
  unitId: unitIdSchema.nullable().default(null),
  count: z.number().int().min(1).max(100_000),
  per: z.enum(RHYTHMS),
});
export type PlanTarget = z.infer<typeof targetSchema>;

const planFields = {
  /** "123/KH-UBND"; a draft or the sample may still have dots for the number. */
  numberSymbol: text(60),
  /** The day the plan was signed; null while it is a draft. */
  issuedOn: day.nullable().default(null),
  issuingBody: text(200),
  title: text(500),
  legalBases: z.array(text(500)).max(40).default([]),
  periodFrom: day.nullable().default(null),
  periodTo: day.nullable().default(null),
  contentItems: z.array(contentItemSchema).min(1).max(30),
  forms: z.array(planFormSchema).min(1).max(30),
  duties: z.array(dutySchema).max(100).default([]),
  recipients: z.array(text(200)).max(40).default([]),
  /** The plan's slogans for banners, posters, LED screens and social cards, as the plan words them. */
  slogans: z.array(text(200)).max(30).default([]),
  tasks: z.array(taskSchema).max(200).default([]),
  targets: z.array(targetSchema).max(100).default([]),
};

type PlanShape = z.infer<z.ZodObject<typeof planFields>>;

/** Cross-references inside one plan: codes unique, duties pointing at items and forms that exist. */
function checkReferences(plan: PlanShape, ctx: z.RefinementCtx) {
  const dupes = <T>(list: readonly T[], key: (t: T) => string, path: (i: number) => PropertyKey[], what: string) => {
    const seen = new Set<string>();
    list.forEach((t, i) => {
      const k = key(t);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: path(i), message: `${what} "${k}" is listed twice`, params: problemParams('twice', k) });
      seen.add(k);
    });
  };
  dupes(plan.contentItems, (c) => c.code, (i) => ['contentItems', i, 'code'], 'content item');
  dupes(plan.forms, (f) => f.code, (i) => ['forms', i, 'code'], 'form');
  const subForms = plan.forms.flatMap((f, fi) => f.subForms.map((s, si) => ({ id: s.id, path: ['forms', fi, 'subForms', si, 'id'] })));
  dupes(subForms, (s) => s.id, (i) => subForms[i].path, 'sub-form');
  const items = new Set(plan.contentItems.map((c) => c.code));
  const forms = new Set(plan.forms.map((f) => f.code));
  plan.duties.forEach((d, di) => {
    d.contentItems.forEach((code, i) => {
      if (!items.has(code)) ctx.addIssue({ code: 'custom', path: ['duties', di, 'contentItems', i], message: `no content item "${code}" in this plan`, params: problemParams('noItem', code) });
    });
    d.forms.forEach((code, i) => {
      if (!forms.has(code)) ctx.addIssue({ code: 'custom', path: ['duties', di, 'forms', i], message: `no form "${code}" in this plan`, params: problemParams('noForm', code) });
    });
  });
  const subFormsOf = new Map(plan.forms.map((f) => [f.code, new Set(f.subForms.map((x) => x.id))]));
  const formRef = (formCode: string, subFormId: string | null, path: PropertyKey[]) => {
    const subs = subFormsOf.get(formCode);
    if (!subs) ctx.addIssue({ code: 'custom', path: [...path, 'formCode'], message: `no form "${formCode}" in this plan`, params: problemParams('noForm', formCode) });
    else if (subFormId !== null && !subs.has(subFormId)) ctx.addIssue({ code: 'custom', path: [...path, 'subFormId'], message: `form ${formCode} has no sub-form "${subFormId}"`, params: problemParams('noSubForm', subFormId) });
  };
  dupes(plan.tasks, (t) => t.id, (i) => ['tasks', i, 'id'], 'task');
  plan.tasks.forEach((t, i) => {
    formRef(t.formCode, t.subFormId, ['tasks', i]);
    if (t.from && t.until && t.from > t.until) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'until'], message: 'the task stops before it starts', params: problemParams('order') });
  });
  plan.targets.forEach((t, i) => formRef(t.formCode, t.subFormId, ['targets', i]));
  if (plan.periodFrom && plan.periodTo && plan.periodFrom > plan.periodTo) {
    ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'the period ends before it starts', params: problemParams('order') });
  }
}

/** A plan as admins write it (browser form, YAML file). */
export const planInputSchema = z.strictObject(planFields).superRefine(checkReferences);
export type PlanInput = z.infer<typeof planInputSchema>;

/** A stored plan, as the API answers it. */
export const planSchema = z.object({
  id: z.string(),
  /** True while this is the shipped sample, before any edit. */
  isSample: z.boolean(),
  updatedAt: z.string(),
  ...planFields,
});
export type Plan = z.infer<typeof planSchema>;

export const planSummarySchema = planSchema.pick({ id: true, isSample: true, numberSymbol: true, issuedOn: true, title: true, periodFrom: true, periodTo: true, updatedAt: true });
export type PlanSummary = z.infer<typeof planSummarySchema>;
export const planListSchema = z.object({ plans: z.array(planSummarySchema) });

/** A plan file to import: its name (for error lines) and its YAML text. */
export const planImportSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  text: z.string().max(200_000),
  /** Check only; nothing is written. */
  dryRun: z.boolean().default(false),
  /** Replace this plan instead of adding a new one. */
  replaces: z.string().max(64).optional(),
});
export const planImportErrorSchema = z.object({ line: z.number(), message: z.string(), text: z.string() });
export const planImportResponseSchema = z.object({ dryRun: z.boolean(), plan: planSchema.nullable() });

// Units: the offices that have duties in plans. Data, not code: the four of
// the sample and any the ward adds.
export const unitInputSchema = z.strictObject({
  name: text(200),
  /** The abbreviation the ward uses in documents ("VH-XH"). */
  shortName: text(30),
});
export const unitSchema = z.object({ id: unitIdSchema, name: z.string(), shortName: z.string(), isSample: z.boolean() });
export type Unit = z.infer<typeof unitSchema>;
export const unitListSchema = z.object({ units: z.array(unitSchema) });
