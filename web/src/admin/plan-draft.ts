// A plan as the admin's form holds it: every field a string or a list of
// rows, lists written one item per line. Pure, so the round trip
// (plan → form → plan) is tested without a browser; the server validates
// what the form sends with the shared plan schema.
import type { Rhythm } from '../../../shared/plans/periods.ts';
import type { Plan, PlanInput } from '../../../shared/plans/schema.ts';

export interface ItemDraft {
  code: string;
  title: string;
  /** Sub-points, one per line. */
  points: string;
}
export interface FormDraft {
  code: string;
  title: string;
  /** Sub-forms, one per line: "id | title". */
  subForms: string;
}
export interface DutyDraft {
  unitId: string;
  role: 'lead' | 'coordinate';
  /** Codes separated by commas or spaces: "1.1, 1.2". */
  contentItems: string;
  forms: string;
  text: string;
}
export interface TaskDraft {
  id: string;
  unitId: string;
  title: string;
  formCode: string;
  /** Empty: any sub-form of the form. */
  subFormId: string;
  /** A rhythm ("every week") or a one-off with a due day. */
  kind: 'every' | 'once';
  every: Rhythm;
  atLeast: string;
  dueOn: string;
  from: string;
  until: string;
}
export interface TargetDraft {
  formCode: string;
  subFormId: string;
  /** Empty: all units together. */
  unitId: string;
  count: string;
  per: Rhythm;
}
export interface PlanDraft {
  numberSymbol: string;
  issuedOn: string;
  issuingBody: string;
  title: string;
  legalBases: string;
  periodFrom: string;
  periodTo: string;
  contentItems: ItemDraft[];
  forms: FormDraft[];
  duties: DutyDraft[];
  recipients: string;
  slogans: string;
  tasks: TaskDraft[];
  targets: TargetDraft[];
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
const codes = (s: string) => s.split(/[\s,;]+/).map((c) => c.trim()).filter(Boolean);
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export const emptyDraft = (): PlanDraft => ({
  numberSymbol: '',
  issuedOn: '',
  issuingBody: '',
  title: '',
  legalBases: '',
  periodFrom: '',
  periodTo: '',
  contentItems: [{ code: '1.1', title: '', points: '' }],
  forms: [{ code: '2.1', title: '', subForms: '' }],
  duties: [],
  recipients: '',
  slogans: '',
  tasks: [],
  targets: [],
});

export const emptyTask = (unitId: string, formCode: string): TaskDraft => ({
  id: '',
  unitId,
  title: '',
  formCode,
  subFormId: '',
  kind: 'every',
  every: 'week',
  atLeast: '1',
  dueOn: '',
  from: '',
  until: '',
});
export const emptyTarget = (formCode: string): TargetDraft => ({ formCode, subFormId: '', unitId: '', count: '1', per: 'year' });

/** A whole number as typed, or NaN for the server to refuse with its message. */
const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

export function toDraft(plan: Plan | PlanInput): PlanDraft {
  return {
    numberSymbol: plan.numberSymbol,
    issuedOn: plan.issuedOn ?? '',
    issuingBody: plan.issuingBody,
    title: plan.title,
    legalBases: plan.legalBases.join('\n'),
    periodFrom: plan.periodFrom ?? '',
    periodTo: plan.periodTo ?? '',
    contentItems: plan.contentItems.map((c) => ({ code: c.code, title: c.title, points: c.points.join('\n') })),
    forms: plan.forms.map((f) => ({ code: f.code, title: f.title, subForms: f.subForms.map((s) => `${s.id} | ${s.title}`).join('\n') })),
    duties: plan.duties.map((d) => ({ unitId: d.unitId, role: d.role, contentItems: d.contentItems.join(', '), forms: d.forms.join(', '), text: d.text })),
    recipients: plan.recipients.join('\n'),
    slogans: plan.slogans.join('\n'),
    tasks: plan.tasks.map((k) => ({
      id: k.id,
      unitId: k.unitId,
      title: k.title,
      formCode: k.formCode,
      subFormId: k.subFormId ?? '',
      kind: k.every ? 'every' : 'once',
      every: k.every ?? 'week',
      atLeast: String(k.atLeast),
      dueOn: k.dueOn ?? '',
      from: k.from ?? '',
      until: k.until ?? '',
    })),
    targets: plan.targets.map((g) => ({ formCode: g.formCode, subFormId: g.subFormId ?? '', unitId: g.unitId ?? '', count: String(g.count), per: g.per })),
  };
}

/** What the form sends. A sub-form line without "|" is both its id and its title's source. */
export function fromDraft(d: PlanDraft): PlanInput {
  return {
    numberSymbol: d.numberSymbol.trim(),
    issuedOn: orNull(d.issuedOn),
    issuingBody: d.issuingBody.trim(),
    title: d.title.trim(),
    legalBases: lines(d.legalBases),
    periodFrom: orNull(d.periodFrom),
    periodTo: orNull(d.periodTo),
    contentItems: d.contentItems.map((c) => ({ code: c.code.trim(), title: c.title.trim(), points: lines(c.points) })),
    forms: d.forms.map((f) => ({
      code: f.code.trim(),
      title: f.title.trim(),
      subForms: lines(f.subForms).map((l) => {
        const at = l.indexOf('|');
        return at < 0 ? { id: l, title: l } : { id: l.slice(0, at).trim(), title: l.slice(at + 1).trim() };
      }),
    })),
    duties: d.duties.map((u) => ({ unitId: u.unitId, role: u.role, contentItems: codes(u.contentItems), forms: codes(u.forms), text: u.text.trim() })),
    recipients: lines(d.recipients),
    slogans: lines(d.slogans),
    tasks: d.tasks.map((k) => ({
      id: k.id.trim(),
      unitId: k.unitId,
      title: k.title.trim(),
      formCode: k.formCode.trim(),
      subFormId: orNull(k.subFormId),
      every: k.kind === 'every' ? k.every : null,
      atLeast: whole(k.atLeast),
      dueOn: k.kind === 'once' ? orNull(k.dueOn) : null,
      from: orNull(k.from),
      until: orNull(k.until),
    })),
    targets: d.targets.map((g) => ({ formCode: g.formCode.trim(), subFormId: orNull(g.subFormId), unitId: orNull(g.unitId), count: whole(g.count), per: g.per })),
  };
}

/** A mistake the form can name in words before sending: a code listed twice, or a duty naming a content
 * item or form the plan does not have (the server checks the same and more). Rows count from 1. */
export type DraftProblem =
  | { key: 'plans.problem.twice'; params: { what: 'items' | 'forms'; code: string } }
  | { key: 'plans.problem.dutyItem' | 'plans.problem.dutyForm'; params: { row: number; code: string } };

export function draftProblem(d: PlanDraft): DraftProblem | null {
  const input = fromDraft(d);
  for (const [what, list] of [['items', input.contentItems], ['forms', input.forms]] as const) {
    const seen = new Set<string>();
    for (const { code } of list) {
      if (code && seen.has(code)) return { key: 'plans.problem.twice', params: { what, code } };
      seen.add(code);
    }
  }
  const items = new Set(input.contentItems.map((c) => c.code));
  const forms = new Set(input.forms.map((f) => f.code));
  for (const [i, duty] of input.duties.entries()) {
    const item = duty.contentItems.find((c) => !items.has(c));
    if (item) return { key: 'plans.problem.dutyItem', params: { row: i + 1, code: item } };
    const form = duty.forms.find((c) => !forms.has(c));
    if (form) return { key: 'plans.problem.dutyForm', params: { row: i + 1, code: form } };
  }
  return null;
}
