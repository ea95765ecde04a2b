import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlWith } from '../../../shared/content/parse-yaml.ts';
import { planInputSchema, type PlanInput } from '../../../shared/plans/schema.ts';
import { fromDraft, toDraft } from './plan-draft.ts';

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
    d.issuedOn = ' ';
    const plan = fromDraft(d);
    expect(plan.legalBases).toEqual(['Luật A', 'Nghị định B']);
    expect(plan.duties[0].forms).toEqual(['2.1', '2.2', '2.3']);
    expect(plan.forms[0].subForms).toEqual([{ id: 'so-tay', title: 'Sổ tay' }, { id: 'to-roi', title: 'to-roi' }]);
    expect(plan.issuedOn).toBeNull();
    expect(planInputSchema.safeParse(plan).success).toBe(true);
  });
});
