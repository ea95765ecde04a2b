// A unit officer files a difficulty of their own unit (the server takes the
// unit from the login, so the form has no unit field), or corrects one that
// VH-XH has not handled yet.
import { createSignal, Show } from 'solid-js';
import type { Plan } from '../../../shared/plans/schema.ts';
import { vietnamToday } from '../../../shared/registers/constants.ts';
import type { Difficulty, DifficultyInput } from '../../../shared/registers/schema.ts';
import { t } from '../i18n/index.ts';
import { ItemSelect, SaveLine } from './form-parts.tsx';
import { createSaveState } from './save-state.ts';

export function DifficultyForm(props: { plan: Plan; entry?: Difficulty; onSubmit: (input: DifficultyInput) => Promise<unknown>; onCancel?: () => void }) {
  const [itemCode, setItemCode] = createSignal(props.entry?.itemCode ?? '');
  const [summary, setSummary] = createSignal(props.entry?.summary ?? '');
  const [details, setDetails] = createSignal(props.entry?.details ?? '');
  const [raisedOn, setRaisedOn] = createSignal(props.entry?.raisedOn ?? vietnamToday());
  const save = createSaveState();
  return (
    <form
      class="register-card"
      data-testid="difficulty-form"
      onSubmit={(e) => {
        e.preventDefault();
        const input: DifficultyInput = { planId: props.plan.id, itemCode: itemCode() || null, summary: summary().trim(), details: details().trim(), raisedOn: raisedOn() };
        void save.run(() => props.onSubmit(input), props.entry ? undefined : () => (setSummary(''), setDetails(''), setItemCode('')));
      }}
    >
      <h2>{t(props.entry ? 'registers.difficulty.editTitle' : 'registers.difficulty.formTitle')}</h2>
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
      <div class="register-actions">
        <button type="submit" class="button" disabled={save.busy()}>{t(props.entry ? 'registers.difficulty.saveCorrection' : 'registers.difficulty.save')}</button>
        <Show when={props.onCancel}>
          <button type="button" class="button secondary" onClick={() => props.onCancel?.()}>{t('registers.cancel')}</button>
        </Show>
      </div>
      <SaveLine state={save} />
    </form>
  );
}
