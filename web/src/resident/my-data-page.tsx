import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { MyData } from '../../../shared/resident/api.ts';
import type { ProfileDetails } from '../../../shared/events/resident.ts';
import { t } from '../i18n/index.ts';
import { formatDate } from './format-date.ts';
import { useStores } from '../app/app-stores.tsx';
import { createResidentStore } from './resident-store.ts';
import { cachedWardProfile } from './ward-profile-cache.ts';
import { errorText } from '../net/error-message.ts';
import { RESIDENT_ERRORS } from './resident-errors.ts';
import './strings.ts';
import '../styles/resident.css';

const FIELDS: [keyof ProfileDetails, string][] = [
  ['displayName', 'resident.profile.displayName'],
  ['birthYear', 'resident.profile.birthYear'],
  ['gender', 'resident.profile.gender'],
  ['residentialGroupId', 'resident.profile.group'],
  ['unit', 'resident.profile.unit'],
];
/** A profile value in words: "not given" for empty, the gender's name rather than its code. */
const shown = (field: keyof ProfileDetails, value: string | number | null) =>
  value === null
    ? t('resident.data.notGiven')
    : field === 'gender'
      ? t(`resident.profile.${value}`)
      : field === 'residentialGroupId'
        ? (cachedWardProfile()?.groups.find((g) => g.id === value)?.name ?? String(value))
        : String(value);

/** Data rights: see and download what the server holds; delete it all (queued, so it works offline). */
export default function MyDataPage() {
  const { sync } = useStores();
  const store = createResidentStore();
  const [data, setData] = createSignal<MyData | null | undefined>(undefined);
  const [error, setError] = createSignal<string | null>(null);
  const [confirm, setConfirm] = createSignal(false);
  // The learner whose erasure was asked for, and whether the ward has confirmed it.
  const [erasing, setErasing] = createSignal<string | null>(null);
  const [erased, setErased] = createSignal(false);
  createEffect(
    on([erasing, sync.state, sync.lastSyncedAt], ([id]) => {
      if (id && !erased()) void store.isErased(id).then(setErased);
    }),
  );

  const load = async () => {
    setError(null);
    try {
      setData(await store.myData());
    } catch (err) {
      setError(errorText(err, RESIDENT_ERRORS));
    }
  };
  const download = () => {
    const blob = new Blob([JSON.stringify(data(), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'du-lieu-hoc-vu-so.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const remove = async () => {
    // What the server held is no longer this phone's to show.
    setData(undefined);
    setErasing(await store.requestDeletion());
    void sync.syncNow();
  };

  return (
    <article class="resident">
      <nav class="breadcrumb"><A href="/me">← {t('resident.profile.title')}</A></nav>
      <h1>{t('resident.data.title')}</h1>
      <p class="lead">{t('resident.data.intro')}</p>
      <button type="button" class="button" onClick={() => void load()} data-testid="load-my-data">{t('resident.data.load')}</button>
      <Show when={error()}><p class="notice" role="alert">{error()}</p></Show>
      <Show when={data() === null}><p>{t('resident.data.notRegistered')}</p></Show>
      <Show when={data()}>
        {(d) => (
          <section class="card" data-testid="my-data">
            <p>{t('resident.data.learnerId', { id: d().learner.id })}</p>
            <Show when={d().profile} fallback={<p>{t('resident.data.noProfile')}</p>}>
              {(p) => (
                <dl class="data-list">
                  <For each={FIELDS}>
                    {([field, label]) => (
                      <>
                        <dt>{t(label)}</dt>
                        <dd>{shown(field, p()[field])}</dd>
                      </>
                    )}
                  </For>
                </dl>
              )}
            </Show>
            <Show when={d().consent}>{(c) => <p>{t('resident.profile.consentGiven', { date: formatDate(c().givenAt) })}</p>}</Show>
            <p>{t('resident.data.events', { count: d().events.length })}</p>
            <p>{t('resident.data.certificates', { count: d().certificates.length })}</p>
            <p>{t('resident.data.devices', { count: d().devices.length })}</p>
            <details>
              <summary>{t('resident.data.raw')}</summary>
              <pre class="data-dump">{JSON.stringify(d(), null, 2)}</pre>
            </details>
            <button type="button" class="button secondary" onClick={download} data-testid="download-my-data">{t('resident.data.download')}</button>
          </section>
        )}
      </Show>
      <section class="card danger" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('resident.data.deleteTitle')}</h2>
        <p>{t('resident.data.deleteText')}</p>
        <Show
          when={!erasing()}
          fallback={
            <p class="notice ok" role="status" data-testid="deleted" data-confirmed={erased()}>
              {erased() ? t('resident.data.erasedByWard') : t('resident.data.deleted')}
            </p>
          }
        >
          <label class="choice">
            <input type="checkbox" checked={confirm()} onChange={(e) => setConfirm(e.currentTarget.checked)} data-testid="delete-confirm" />
            <span>{t('resident.data.deleteConfirm')}</span>
          </label>
          <button type="button" class="button danger" disabled={!confirm()} onClick={() => void remove()} data-testid="delete-me">
            {t('resident.data.delete')}
          </button>
        </Show>
      </section>
    </article>
  );
}
