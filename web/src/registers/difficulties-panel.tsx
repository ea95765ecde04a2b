// Difficulties: a unit officer files their unit's and follows them; VH-XH
// reads every unit's and records the handling beside the list.
import { createSignal, For, Show } from 'solid-js';
import type { Plan } from '../../../shared/plans/schema.ts';
import type { Difficulty } from '../../../shared/registers/schema.ts';
import { t } from '../i18n/index.ts';
import { DifficultyForm } from './difficulty-form.tsx';
import { createEntryList } from './entry-list.ts';
import { HandlingForm } from './handling-form.tsx';
import type { RegistersApi } from './registers-api.ts';

export function DifficultiesPanel(props: { api: RegistersApi; plan: Plan; office: boolean }) {
  const list = createEntryList(props.api.difficulties, () => props.plan.id);
  const [open, setOpen] = createSignal<Difficulty>();
  return (
    <div class="register-panel">
      <Show when={!props.office}>
        {/* Keyed by the entry being corrected (none: a new filing), so each starts fresh. */}
        <For each={[open()]}>
          {(d) =>
            d ? (
              <DifficultyForm plan={props.plan} entry={d} onSubmit={(input) => props.api.correctDifficulty(d.id, input).then(list.reload)} onCancel={() => setOpen(undefined)} />
            ) : (
              <DifficultyForm plan={props.plan} onSubmit={(input) => props.api.fileDifficulty(input).then(list.reload)} />
            )
          }
        </For>
      </Show>
      <section class="register-card" data-testid="difficulty-list">
        <h2>{t('registers.list')}</h2>
        <Show when={list.problem()}><p class="notice" role="alert">{list.problem()}</p></Show>
        <Show when={list.entries().length > 0} fallback={<p>{t('registers.none')}</p>}>
          <ul class="register-list">
            <For each={list.entries()}>
              {(d) => (
                <li>
                  <strong>{d.summary}</strong>
                  <span class={`status status-${d.status}`}>{t(`registers.difficulty.statuses.${d.status}`)}</span>
                  <span class="meta">
                    {props.office ? `${d.unitName} · ` : ''}
                    {d.itemCode ? `${d.itemCode} · ` : ''}
                    {t('registers.difficulty.raised', { date: d.raisedOn })}
                  </span>
                  <Show when={d.details}><p>{d.details}</p></Show>
                  <Show when={d.handling}><p class="register-quote">{d.handling} ({d.handledOn})</p></Show>
                  <Show when={d.proposedOn}><span class="meta">{t('registers.difficulty.proposedOn', { date: d.proposedOn! })}</span></Show>
                  <Show when={d.resolvedOn}><span class="meta">{t('registers.difficulty.resolvedOn', { date: d.resolvedOn! })}</span></Show>
                  <Show when={props.office}>
                    <button type="button" class="button secondary" aria-label={t('registers.difficulty.handleLabel', { summary: d.summary })} onClick={() => (setOpen(undefined), setOpen(d))}>
                      {t('registers.difficulty.handle')}
                    </button>
                  </Show>
                  {/* The unit corrects its entry until VH-XH has handled it. */}
                  <Show when={!props.office && d.status === 'new'}>
                    <button type="button" class="button secondary" aria-label={t('registers.difficulty.editLabel', { summary: d.summary })} onClick={() => (setOpen(undefined), setOpen(d))}>
                      {t('registers.difficulty.edit')}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <Show when={props.office && open()}>
        {/* Keyed by the entry, so another entry starts a fresh form. */}
        <For each={[open()!]}>{(d) => <HandlingForm entry={d} onSubmit={(input) => props.api.handleDifficulty(d.id, input).then(list.reload)} />}</For>
      </Show>
    </div>
  );
}
