// A unit officer files a difficulty of their own unit (the server takes the
// unit from the login, so the form has no unit field).
import { createSignal } from 'solid-js';
import type { Plan } from '../../../shared/plans/schema.ts';
import { vietnamToday } from '../../../shared/registers/constants.ts';
import type { DifficultyInput } from '../../../shared/registers/schema.ts';
import { t } from '../i18n/index.ts';
import { ItemSelect, SaveLine } from './form-parts.tsx';
import { createSaveState } from './save-state.ts';

export function DifficultyForm(props: { plan: Plan; onSubmit: (input: DifficultyInput) => Promise<unknown> }) {
  const [itemCode, setItemCode] = createSignal('');
  const [summary, setSummary] = createSignal('');
  const [details, setDetails] = createSignal('');
  const [raisedOn, setRaisedOn] = createSignal(vietnamToday());
  const save = createSaveState();
  return (
    <form
      class="register-card"
      data-testid="difficulty-form"
      onSubmit={(e) => {
        e.preventDefault();
        const input: DifficultyInput = { planId: props.plan.id, itemCode: itemCode() || null, summary: summary().trim(), details: details().trim(), raisedOn: raisedOn() };
        void save.run(() => props.onSubmit(input), () => (setSummary(''), setDetails(''), setItemCode('')));
      }}
    >
      <h2>{t('registers.difficulty.formTitle')}</h2>
      <ItemSelect plan={props.plan} value={itemCode()} onChange={setItemCode} />
      <label>
        {t('registers.difficulty.summary')}
        <input name="summary" required maxLength={300} value={summary()} onInput={(e) => setSummary(e.currentTarget.value)} />
      </label>
      <label>
        {t('registers.difficulty.details')}
        <textarea name="details" rows={4} maxLength={4000} value={details()} onInput={(e) => setDetails(e.currentTarget.value)} />
      </label>
      <label>
        {t('registers.difficulty.raisedOn')}
        <input name="raisedOn" type="date" required value={raisedOn()} onInput={(e) => setRaisedOn(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button" disabled={save.busy()}>{t('registers.difficulty.save')}</button>
      <SaveLine state={save} />
    </form>
  );
}
