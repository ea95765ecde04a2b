// What the studio does without a connection, said plainly on every studio
// tab while the device is offline: writing and drawing go on (bulletin drafts
// stay on this device), while what reads or writes the server waits.
import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../i18n/index.ts';

export function StudioNetworkNote() {
  const [online, setOnline] = createSignal(navigator.onLine);
  const update = () => setOnline(navigator.onLine);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onCleanup(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  return (
    <Show when={!online()}>
      <div class="notice no-print" role="status" data-testid="studio-offline">
        <p>
          <strong>{t('studio.offline.title')}</strong>
        </p>
        <p>{t('studio.offline.works')}</p>
        <p>{t('studio.offline.needs')}</p>
      </div>
    </Show>
  );
}
