// False or misleading information: staff log what they saw; VH-XH sees
// every entry, a unit officer their unit's; both edit what they may see.
import { createSignal, For, Show } from 'solid-js';
import type { Plan } from '../../../shared/plans/schema.ts';
import type { Misinfo } from '../../../shared/registers/schema.ts';
import { t } from '../i18n/index.ts';
import { createEntryList } from './entry-list.ts';
import { MisinfoForm } from './misinfo-form.tsx';
import type { RegistersApi } from './registers-api.ts';

export function MisinfoPanel(props: { api: RegistersApi; plan: Plan; office: boolean }) {
  const list = createEntryList(props.api.misinformation, () => props.plan.id);
  const [editing, setEditing] = createSignal<Misinfo>();
  return (
    <div class="register-panel">
      <Show when={editing()} fallback={<MisinfoForm plan={props.plan} onSubmit={(input) => props.api.logMisinfo(input).then(list.reload)} />}>
        <For each={[editing()!]}>
          {(m) => <MisinfoForm plan={props.plan} entry={m} onSubmit={(input) => props.api.updateMisinfo(m.id, input).then(list.reload)} onCancel={() => setEditing(undefined)} />}
        </For>
      </Show>
      <section class="register-card" data-testid="misinfo-list">
        <h2>{t('registers.list')}</h2>
        <Show when={list.problem()}><p class="notice" role="alert">{list.problem()}</p></Show>
        <Show when={list.entries().length > 0} fallback={<p>{t('registers.none')}</p>}>
          <ul class="register-list">
            <For each={list.entries()}>
              {(m) => (
                <li>
                  <strong>{t(`registers.misinfo.platforms.${m.platform}`)}</strong>{' '}
                  {/* Shown as text, not a live link: staff open a suspect post deliberately, by copying it. */}
                  <span class="register-link">{m.link}</span>
                  <span class={`status status-${m.status}`}>{t(`registers.misinfo.statuses.${m.status}`)}</span>
                  <span class="meta">{t('registers.misinfo.seen', { date: m.seenOn })}{m.itemCode ? ` · ${m.itemCode}` : ''}</span>
                  <p>{m.description}</p>
                  <p class="register-quote">{m.assessment}</p>
                  <span class="meta">
                    {t(`registers.misinfo.actions.${m.action}`)}
                    {m.actionOn ? ` (${m.actionOn})` : ''}
                  </span>
                  <Show when={m.correctionLink}>
                    <a href={m.correctionLink!} target="_blank" rel="noopener noreferrer">{m.correctionLink}</a>
                  </Show>
                  <button type="button" class="button secondary" aria-label={t('registers.misinfo.editLabel', { link: m.link })} onClick={() => (setEditing(undefined), setEditing(m))}>
                    {t('registers.misinfo.edit')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
}
