import { Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { applyUpdate, isUpdateReady } from '../sw/register-sw.ts';

export function UpdateBanner() {
  return (
    <Show when={isUpdateReady()}>
      <div class="update-banner" role="status" data-testid="update-banner">
        <p>{t('update.available')}</p>
        <button type="button" class="button" onClick={applyUpdate}>
          {t('update.reload')}
        </button>
      </div>
    </Show>
  );
}
