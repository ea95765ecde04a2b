// VH-XH or an admin decides a budget proposal: an approved amount per line
// (at most what the line proposes), or a refusal that approves nothing.
import { createSignal, Index } from 'solid-js';
import { vietnamToday } from '../../../shared/registers/constants.ts';
import type { Budget, BudgetDecision } from '../../../shared/registers/schema.ts';
import { t } from '../i18n/index.ts';
import { formatDong, parseDong } from './money.ts';
import { SaveLine } from './form-parts.tsx';
import { createSaveState } from './save-state.ts';

export function DecisionForm(props: { entry: Budget; onSubmit: (input: BudgetDecision) => Promise<unknown> }) {
  const [amounts, setAmounts] = createSignal(props.entry.lines.map((l) => String(l.approvedAmount ?? l.proposedAmount)));
  const [decidedOn, setDecidedOn] = createSignal(vietnamToday());
  const [note, setNote] = createSignal(props.entry.note);
  const save = createSaveState();

  const approve = () => {
    const parsed = amounts().map(parseDong);
    if (parsed.some((a, i) => a === undefined || a > props.entry.lines[i].proposedAmount)) return save.refuse(t('registers.budget.badAmount'));
    void save.run(() => props.onSubmit({ status: 'approved', approvedAmounts: parsed as number[], decidedOn: decidedOn(), note: note().trim() }));
  };
  const reject = () => void save.run(() => props.onSubmit({ status: 'rejected', approvedAmounts: [], decidedOn: decidedOn(), note: note().trim() }));

  return (
    <form
      class="register-card"
      data-testid="decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        approve();
      }}
    >
      <h2>{t('registers.budget.decisionTitle')}</h2>
      <p class="register-quote">{props.entry.unitName}: {props.entry.title} — {t('registers.budget.proposed', { amount: formatDong(props.entry.proposedTotal) })}</p>
      <Index each={props.entry.lines}>
        {(line, i) => (
          <label>
            {`${line().description}: `}
            {t('registers.budget.approvedAmount', { n: i + 1, max: formatDong(line().proposedAmount) })}
            <input name={`approved-${i}`} inputmode="numeric" value={amounts()[i]} onInput={(e) => setAmounts(amounts().map((a, j) => (j === i ? e.currentTarget.value : a)))} />
          </label>
        )}
      </Index>
      <label>
        {t('registers.budget.decidedOn')}
        <input name="decidedOn" type="date" required min={props.entry.proposedOn} value={decidedOn()} onInput={(e) => setDecidedOn(e.currentTarget.value)} />
      </label>
      <label>
        {t('registers.budget.note')}
        <textarea name="note" rows={2} maxLength={1000} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="register-actions">
        <button type="submit" class="button" disabled={save.busy()}>{t('registers.budget.approve')}</button>
        <button type="button" class="button secondary" disabled={save.busy()} onClick={reject}>{t('registers.budget.reject')}</button>
      </div>
      <SaveLine state={save} />
    </form>
  );
}
