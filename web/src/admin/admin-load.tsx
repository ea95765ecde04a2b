// The first load of an office page, said the same way on every admin page:
// loading, not allowed (with the way back to /ward), or no connection.
import { createSignal, onMount, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { HttpError } from '../net/http.ts';

export type AdminLoadState = 'loading' | 'ready' | 'forbidden' | 'offline';

/** Runs `load` once the page is on screen: 'forbidden' when the server refused, 'offline' when it did not answer. */
export function createAdminLoad(load: () => Promise<unknown>) {
  const [state, setState] = createSignal<AdminLoadState>('loading');
  onMount(async () => {
    try {
      await load();
      setState('ready');
    } catch (err) {
      setState(err instanceof HttpError ? 'forbidden' : 'offline');
    }
  });
  return state;
}

/** What the page shows until it is ready; `offline` is the page's own sentence for no connection. */
export function AdminLoadNotice(props: { state: AdminLoadState; offline: string }) {
  return (
    <>
      <Show when={props.state === 'loading'}>
        <p role="status">{t('wardAdmin.loading')}</p>
      </Show>
      <Show when={props.state === 'forbidden'}>
        <p class="notice" role="alert">
          {t('wardAdmin.needAdmin')} <a href="/ward">{t('wardAdmin.toWard')}</a>
        </p>
      </Show>
      <Show when={props.state === 'offline'}>
        <p class="notice" role="alert">{props.offline}</p>
      </Show>
    </>
  );
}
