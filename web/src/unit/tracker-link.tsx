// The way from the officer's phone to their own unit's tracker (/ward/tracker,
// which the server scopes to the officer's unit). The tracker is online-only
// office code, so offline the line says so instead of leading to a page that
// cannot load.
import { Show } from 'solid-js';
import { createOnlineSignal } from '../net/online.ts';
import { t } from '../i18n/index.ts';

export function TrackerLink() {
  const online = createOnlineSignal();
  return (
    <p class="unit-tracker-link">
      <Show when={online()} fallback={<span class="hint" role="status">{t('unit.tracker.offline')}</span>}>
        <a href="/ward/tracker" data-testid="unit-tracker">{t('unit.tracker.link')}</a>
      </Show>
    </p>
  );
}
