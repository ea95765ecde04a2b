// A unit officer proposes a budget for their unit: line items in whole đồng.
// The total shown here is a preview; the server sums the lines itself.
import { createSignal, Index, Show } from 'solid-js';
import type { Plan } from '../../../shared/plans/schema.ts';
import { MAX_BUDGET_LINES, vietnamToday } from '../../../shared/registers/constants.ts';
import type { BudgetInput } from '../../../shared/registers/schema.ts';
import { t } from '../i18n/index.ts';
import { formatDong, parseDong } from './money.ts';
import { SaveLine } from './form-parts.tsx';
import { createSaveState } from './save-state.ts';

interface LineDraft {
  description: string;
  quantity: string;
  amount: string;
}
const blank = (): LineDraft => ({ description: '', quantity: '', amount: '' });

export function BudgetForm(props: { plan: Plan; onSubmit: (input: BudgetInput) => Promise<unknown> }) {
  const [title, setTitle] = createSignal('');
  const [proposedOn, setProposedOn] = createSignal(vietnamToday());
  const [lines, setLines] = createSignal<LineDraft[]>([blank()]);
  const save = createSaveState();
  const setLine = (i: number, patch: Partial<LineDraft>) => setLines(lines().map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const total = () => lines().reduce((sum, l) => sum + (parseDong(l.amount) ?? 0), 0);

  return (
    <form
      class="register-card"
      data-testid="budget-form"
      onSubmit={(e) => {
        e.preventDefault();
        const amounts = lines().map((l) => parseDong(l.amount));
        const quantities = lines().map((l) => (l.quantity.trim() === '' ? null : parseDong(l.quantity)));
        if (amounts.some((a) => a === undefined) || quantities.some((q) => q === undefined || q === 0)) return save.refuse(t('registers.budget.badAmount'));
        const input: BudgetInput = {
          planId: props.plan.id,
          title: title().trim(),
          proposedOn: proposedOn(),
          lines: lines().map((l, i) => ({ description: l.description.trim(), quantity: quantities[i] ?? null, proposedAmount: amounts[i]! })),
        };
        void save.run(() => props.onSubmit(input), () => (setTitle(''), setLines([blank()])));
      }}
    >
      <h2>{t('registers.budget.formTitle')}</h2>
      <label>
        {t('registers.budget.title')}
        <input name="title" required maxLength={300} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        {t('registers.budget.proposedOn')}
        <input name="proposedOn" type="date" required value={proposedOn()} onInput={(e) => setProposedOn(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('registers.budget.lines')}</legend>
        <Index each={lines()}>
          {(line, i) => (
            <fieldset class="budget-line" data-testid="budget-line">
              <legend>{t('registers.budget.line', { n: i + 1 })}</legend>
              <label>
                {t('registers.budget.lineDescription')}
                <input name={`description-${i}`} required maxLength={300} value={line().description} onInput={(e) => setLine(i, { description: e.currentTarget.value })} />
              </label>
              <label>
                {t('registers.budget.quantity')}
                <input name={`quantity-${i}`} inputmode="numeric" pattern="[0-9]*" value={line().quantity} onInput={(e) => setLine(i, { quantity: e.currentTarget.value })} />
              </label>
              <label>
                {t('registers.budget.amount')}
                <input name={`amount-${i}`} inputmode="numeric" required aria-describedby="amount-hint" value={line().amount} onInput={(e) => setLine(i, { amount: e.currentTarget.value })} />
              </label>
              <Show when={lines().length > 1}>
                <button type="button" class="button secondary" onClick={() => setLines(lines().filter((_, j) => j !== i))}>
                  {t('registers.budget.removeLine', { n: i + 1 })}
                </button>
              </Show>
            </fieldset>
          )}
        </Index>
        <p id="amount-hint" class="hint">{t('registers.budget.amountHint')}</p>
        <Show when={lines().length < MAX_BUDGET_LINES}>
          <button type="button" class="button secondary" onClick={() => setLines([...lines(), blank()])}>{t('registers.budget.addLine')}</button>
        </Show>
      </fieldset>
      <p data-testid="budget-total"><strong>{t('registers.budget.total', { amount: formatDong(total()) })}</strong></p>
      <button type="submit" class="button" disabled={save.busy()}>{t('registers.budget.save')}</button>
      <SaveLine state={save} />
    </form>
  );
}

