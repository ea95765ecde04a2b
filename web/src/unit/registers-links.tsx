// Links from the unit officer's phone screen to the plan's registers. The
// registers are online-only office work, so offline the card says so
// instead of sending the officer to a page that cannot load.
import { For, Show } from 'solid-js';
import { createOnlineSignal } from '../net/online.ts';
import { t } from '../i18n/index.ts';

const REGISTERS = ['difficulties', 'misinformation', 'budget'] as const;

export function RegistersLinks() {
  const online = createOnlineSignal();
  return (
    <section class="unit-card" data-testid="unit-registers">
      <h2>{t('unit.registers.title')}</h2>
      <Show when={online()} fallback={<p class="notice" role="status">{t('unit.registers.offline')}</p>}>
        <p>{t('unit.registers.online')}</p>
        <ul class="unit-list">
          <For each={REGISTERS}>{(r) => <li><a href={`/registers/${r}`}>{t(`unit.registers.${r}`)}</a></li>}</For>
        </ul>
      </Show>
    </section>
  );
}
