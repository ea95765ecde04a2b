// Budget proposals: a unit officer proposes for their unit; VH-XH or an
// admin decides beside the list. Totals are the server's sums.
import { createSignal, For, Show } from 'solid-js';
import type { Plan } from '../../../shared/plans/schema.ts';
import type { Budget } from '../../../shared/registers/schema.ts';
import { t } from '../i18n/index.ts';
import { BudgetForm } from './budget-form.tsx';
import { DecisionForm } from './decision-form.tsx';
import { createEntryList } from './entry-list.ts';
import { formatDong } from './money.ts';
import type { RegistersApi } from './registers-api.ts';

export function BudgetPanel(props: { api: RegistersApi; plan: Plan; office: boolean }) {
  const list = createEntryList(props.api.budgets, () => props.plan.id);
  const [open, setOpen] = createSignal<Budget>();
  return (
    <div class="register-panel">
      <Show when={!props.office}>
        <BudgetForm plan={props.plan} onSubmit={(input) => props.api.proposeBudget(input).then(list.reload)} />
      </Show>
      <section class="register-card" data-testid="budget-list">
        <h2>{t('registers.list')}</h2>
        <Show when={list.problem()}><p class="notice" role="alert">{list.problem()}</p></Show>
        <Show when={list.entries().length > 0} fallback={<p>{t('registers.none')}</p>}>
          <ul class="register-list">
            <For each={list.entries()}>
              {(b) => (
                <li>
                  <strong>{b.title}</strong>
                  <span class={`status status-${b.status}`}>{t(`registers.budget.statuses.${b.status}`)}</span>
                  <span class="meta">{props.office ? `${b.unitName} · ` : ''}{b.proposedOn}</span>
                  <table class="budget-lines">
                    <tbody>
                      <For each={b.lines}>
                        {(l) => (
                          <tr>
                            <td>{l.description}{l.quantity !== null ? ` × ${l.quantity}` : ''}</td>
                            <td class="amount">{formatDong(l.proposedAmount)}</td>
                            <td class="amount">{l.approvedAmount !== null ? formatDong(l.approvedAmount) : ''}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                  <span data-testid="budget-totals">
                    {t('registers.budget.proposed', { amount: formatDong(b.proposedTotal) })}
                    {b.approvedTotal !== null ? ` · ${t('registers.budget.approved', { amount: formatDong(b.approvedTotal) })}` : ''}
                  </span>
                  <Show when={b.decidedOn}><span class="meta">{t('registers.budget.decidedOnText', { date: b.decidedOn! })}{b.note ? ` — ${b.note}` : ''}</span></Show>
                  <Show when={props.office}>
                    <button type="button" class="button secondary" aria-label={t('registers.budget.decideLabel', { title: b.title })} onClick={() => (setOpen(undefined), setOpen(b))}>
                      {t('registers.budget.decide')}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <Show when={props.office && open()}>
        <For each={[open()!]}>{(b) => <DecisionForm entry={b} onSubmit={(input) => props.api.decideBudget(b.id, input).then(list.reload)} />}</For>
      </Show>
    </div>
  );
}
