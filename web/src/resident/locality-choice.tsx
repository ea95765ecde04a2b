// "Tôi đã chuyển nơi ở": a resident who moved picks the locality they live in
// now from the city's list (public: GET /api/v1/city/localities on the city's
// own app, so not under the locality's prefix). Records still waiting for the
// old locality stay in its database on the phone and are sent there later
// (sync/left-localities.ts); the resident is told so plainly before moving.
// Shown only in a locality (settings page): a single ward never sees it.
import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { registerStrings } from '../i18n/lazy-strings.ts';
import { baseOf, rememberLocality, setWaitingLocalities, waitingLocalities } from '../net/api-base.ts';
import { createRequest, NetworkError } from '../net/http.ts';
import { useStores } from '../app/app-stores.tsx';
import { waitingIn } from '../sync/left-localities.ts';
import type { LocalityKind } from '../../../shared/localities/locality.ts';
import vi from '../i18n/vi/lazy/locality.json';
import en from '../i18n/en/lazy/locality.json';

registerStrings('locality', { vi, en });

type Listed = { slug: string; name: string; kind: LocalityKind };
/** The city's own API: no locality prefix. */
const cityRequest = createRequest(undefined, '');

export default function LocalityChoice(props: { slug: string }) {
  const { sync } = useStores();
  const [open, setOpen] = createSignal(false);
  const [list, { refetch }] = createResource(() => cityRequest<{ localities: Listed[] }>('/api/v1/city/localities').then((r) => r.localities));
  const [pending, setPending] = createSignal<{ to: Listed; waiting: number } | null>(null);
  const nameOf = (slug: string) => (list.state === 'ready' ? list()?.find((l) => l.slug === slug)?.name : undefined) ?? slug;

  const moveTo = (to: Listed) => {
    rememberLocality(to.slug);
    location.assign(`${baseOf(to.slug)}/`);
  };

  async function choose(to: Listed) {
    // What can go now goes now; what cannot stays for the old locality.
    await sync.syncNow().catch(() => undefined);
    const waiting = await waitingIn(props.slug);
    if (waiting === 0) return moveTo(to);
    setPending({ to, waiting });
  }

  const confirm = (to: Listed) => {
    setWaitingLocalities([...waitingLocalities(), props.slug]);
    moveTo(to);
  };

  return (
    <section class="settings-group locality-choice" aria-labelledby="locality-title" data-testid="locality-choice">
      <h2 id="locality-title">{t('locality.title')}</h2>
      <p data-testid="locality-current">{t('locality.current', { name: nameOf(props.slug) })}</p>
      <Show when={!open()}>
        <button type="button" class="button secondary" data-testid="locality-moved" onClick={() => setOpen(true)}>
          {t('locality.moved')}
        </button>
      </Show>
      <Show when={open() && !pending()}>
        <Show when={!list.loading} fallback={<p role="status">{t('locality.loading')}</p>}>
          <Show
            when={!list.error}
            fallback={
              <p role="alert" data-testid="locality-error">
                {list.error instanceof NetworkError ? t('locality.offline') : t('locality.failed')}{' '}
                <button type="button" class="button secondary" onClick={() => void refetch()}>
                  {t('locality.retry')}
                </button>
              </p>
            }
          >
            <p>{t('locality.pick')}</p>
            <p>{t('locality.fresh')}</p>
            <ul class="locality-list">
              <For each={(list() ?? []).filter((l) => l.slug !== props.slug)} fallback={<li>{t('locality.none')}</li>}>
                {(l) => (
                  <li>
                    <button type="button" class="button secondary" data-testid={`locality-${l.slug}`} onClick={() => void choose(l)}>
                      {l.name}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </Show>
      <Show when={pending()}>
        {(p) => (
          <div role="alert" data-testid="locality-waiting">
            <p>{t('locality.waiting', { count: p().waiting, from: nameOf(props.slug) })}</p>
            <button type="button" class="button" data-testid="locality-confirm" onClick={() => confirm(p().to)}>
              {t('locality.moveTo', { name: p().to.name })}
            </button>{' '}
            <button type="button" class="button secondary" onClick={() => setPending(null)}>
              {t('locality.cancel')}
            </button>
          </div>
        )}
      </Show>
    </section>
  );
}
