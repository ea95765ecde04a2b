import { Show } from 'solid-js';
import { t } from '../i18n/index.ts';

/** Loading and failure messages for content, with a retry the resident can tap. */
export function LoadState(props: { isLoading: boolean; error: unknown; onRetry: () => void }) {
  return (
    <Show when={props.error} fallback={<Show when={props.isLoading}><p class="muted" role="status">{t('app.loading')}</p></Show>}>
      <div class="notice" role="alert">
        <p>{t('app.loadFailed')}</p>
        <button type="button" class="button" onClick={() => props.onRetry()}>
          {t('app.retry')}
        </button>
      </div>
    </Show>
  );
}
