import { createSignal, onMount, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { createWardStore } from '../stores/ward-store.ts';
import { WardLogin } from '../components/ward-login.tsx';
import { WardSummary } from '../components/ward-summary.tsx';
import '../styles/ward.css';

/** Staff page: sign in, then the ward's learning summary for a date range. */
export default function WardPage() {
  const ward = createWardStore();
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const load = () => void ward.loadSummary({ from: from() || undefined, to: to() || undefined });

  onMount(async () => {
    await ward.checkSession();
    if (ward.user()) load();
  });

  return (
    <>
      <h1>{t('ward.title')}</h1>
      <Show when={ward.problem()}>
        {(p) => (
          <p class="notice" role="alert">
            {t(`ward.problem.${p()}`)}
          </p>
        )}
      </Show>
      <Show when={!ward.isChecking()} fallback={<p role="status">{t('app.loading')}</p>}>
        <Show
          when={ward.user()}
          fallback={<WardLogin isBusy={ward.isBusy()} onLogin={async (u, p) => { await ward.login(u, p); if (ward.user()) load(); }} />}
        >
          {(u) => (
            <>
              <div class="ward-user">
                <p>{t('ward.signedInAs', { name: u().displayName, role: t(`ward.role.${u().role}`) })}</p>
                <button type="button" class="button secondary" onClick={() => void ward.logout()}>
                  {t('ward.logout')}
                </button>
              </div>
              <form
                class="range-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  load();
                }}
              >
                <label>
                  {t('ward.from')}
                  <input type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
                </label>
                <label>
                  {t('ward.to')}
                  <input type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
                </label>
                <button type="submit" class="button" disabled={ward.isBusy()}>
                  {t('ward.show')}
                </button>
              </form>
              <Show when={ward.summary()}>{(s) => <WardSummary summary={s()} />}</Show>
            </>
          )}
        </Show>
      </Show>
    </>
  );
}
