import { Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { offlineReadiness } from '../sw/register-sw.ts';

/**
 * Tells a first-time resident when the app works with no connection (the
 * service worker has stored every lesson). Both sentences take the same
 * room, so the switch moves nothing below.
 */
export function OfflineReady() {
  return (
    <Show when={offlineReadiness() !== 'none'}>
      <p class="offline-ready" data-state={offlineReadiness()} data-testid="offline-ready" role="status">
        {offlineReadiness() === 'ready' ? `✓ ${t('home.offlineReady')}` : t('home.offlinePreparing')}
      </p>
    </Show>
  );
}
