// Links from the unit officer's phone screen to the plan's registers. The
// registers are online-only office work, so offline the card says so
// instead of sending the officer to a page that cannot load.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { t } from '../i18n/index.ts';

const REGISTERS = ['difficulties', 'misinformation', 'budget'] as const;

export function RegistersLinks() {
  const [online, setOnline] = createSignal(navigator.onLine);
  const update = () => setOnline(navigator.onLine);
  onMount(() => {
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
  });
  onCleanup(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
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
