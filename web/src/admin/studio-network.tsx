// What the studio does without a connection, said plainly on every studio
// tab while the device is offline: writing and drawing go on (bulletin drafts
// stay on this device), while what reads or writes the server waits.
import { Show } from 'solid-js';
import { createOnlineSignal } from '../net/online.ts';
import { t } from '../i18n/index.ts';

export function StudioNetworkNote() {
  const online = createOnlineSignal();
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
