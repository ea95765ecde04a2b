import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlWith } from '../../../shared/content/parse-yaml.ts';
import { planInputSchema, type PlanInput } from '../../../shared/plans/schema.ts';
import { draftProblem, emptyTarget, emptyTask, fromDraft, toDraft } from './plan-draft.ts';

const sample = parseYamlWith(planInputSchema, readFileSync(new URL('../../../shared/plans/sample-plan.yaml', import.meta.url), 'utf8')).value as PlanInput;

describe('plan draft', () => {
  it('gives back the same plan after a trip through the form (the shipped sample)', () => {
    expect(fromDraft(toDraft(sample))).toEqual(sample);
  });

  it('reads lists one item per line and codes separated by commas or spaces, ignoring blank lines', () => {
    const d = toDraft(sample);
    d.legalBases = '  Luật A \n\n Nghị định B ';
    d.duties[0].forms = '2.1,2.2  2.3';
    d.forms[0].subForms = 'so-tay | Sổ tay\nto-roi';
    // The sample's tasks name 2.1's old sub-forms.
    d.tasks = d.tasks.filter((k) => k.formCode !== '2.1');
    d.issuedOn = ' ';
    const plan = fromDraft(d);
    expect(plan.legalBases).toEqual(['Luật A', 'Nghị định B']);
    expect(plan.duties[0].forms).toEqual(['2.1', '2.2', '2.3']);
    expect(plan.forms[0].subForms).toEqual([{ id: 'so-tay', title: 'Sổ tay' }, { id: 'to-roi', title: 'to-roi' }]);
    expect(plan.issuedOn).toBeNull();
    expect(planInputSchema.safeParse(plan).success).toBe(true);
  });

  it('turns a task row into a rhythm or a one-off, and a target row into a unit\'s or the whole ward\'s', () => {
    const d = toDraft(sample);
    expect(d.tasks.length).toBeGreaterThan(0);
    d.tasks = [
      { ...emptyTask('mttq', '2.2'), id: 'mttq-report', title: ' Báo cáo quý ', kind: 'once', every: 'quarter', dueOn: '2025-03-31', atLeast: ' 2 ' },
      { ...emptyTask('ttsnc', '2.4'), id: 'radio', title: 'Chuyên mục', subFormId: 'radio-column', dueOn: '2025-01-01' },
    ];
    d.targets = [{ ...emptyTarget('2.4'), count: '52' }, { ...emptyTarget('2.1'), unitId: 'ttsnc', subFormId: 'portal-article', count: 'x', per: 'month' }];
    const plan = fromDraft(d);
    expect(plan.tasks).toEqual([
      { id: 'mttq-report', unitId: 'mttq', title: 'Báo cáo quý', formCode: '2.2', subFormId: null, every: null, atLeast: 2, dueOn: '2025-03-31', from: null, until: null },
      { id: 'radio', unitId: 'ttsnc', title: 'Chuyên mục', formCode: '2.4', subFormId: 'radio-column', every: 'week', atLeast: 1, dueOn: null, from: null, until: null },
    ]);
    expect(plan.targets[0]).toEqual({ formCode: '2.4', subFormId: null, unitId: null, count: 52, per: 'year' });
    // A count that is not a whole number goes to the server as such, to be refused with its message.
    expect(planInputSchema.safeParse(plan).success).toBe(false);
    plan.targets[1].count = 4;
    expect(planInputSchema.safeParse(plan).success).toBe(true);
  });
});

describe('plan draft: mistakes named before sending', () => {
  it('finds a duty naming a content item or form the plan does not have, and a code listed twice', () => {
    expect(draftProblem(toDraft(sample))).toBeNull();
    const d = toDraft(sample);
    d.duties[1].contentItems += ', 9.9';
    expect(draftProblem(d)).toEqual({ key: 'plans.problem.dutyItem', params: { row: 2, code: '9.9' } });
    const f = toDraft(sample);
    f.duties[0].forms = '2.1, 7';
    expect(draftProblem(f)).toEqual({ key: 'plans.problem.dutyForm', params: { row: 1, code: '7' } });
    const twice = toDraft(sample);
    twice.forms[1].code = twice.forms[0].code;
    expect(draftProblem(twice)).toEqual({ key: 'plans.problem.twice', params: { what: 'forms', code: twice.forms[0].code } });
  });
});
