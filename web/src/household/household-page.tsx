import { createResource, createSignal, lazy, Show, Suspense } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/householdJoin.json';
import en from '../i18n/en/lazy/householdJoin.json';
import { t } from '../i18n/index.ts';
import { useStores } from '../app/app-stores.tsx';
import { householdFrom, type HouseholdTarget } from '../scan/scan-targets.ts';
import { currentHousehold, joinHousehold } from './household-repo.ts';
import '../styles/guide.css';

registerStrings('householdJoin', { vi, en });
const QrScanner = lazy(() => import('../scan/qr-scanner.tsx'));

/** "Tham gia hộ gia đình": arrive from the household QR (/household/<id>#<label>),
 * scan it here, or paste the link. Works offline; the phone sends it later. */
export default function HouseholdPage() {
  const params = useParams<{ id?: string }>();
  const navigate = useNavigate();
  const { sync } = useStores();
  const fromAddress = () => (params.id ? householdFrom(`${location.origin}/household/${params.id}${location.hash}`) : null);
  const [target, setTarget] = createSignal<HouseholdTarget | null>(fromAddress());
  const [typed, setTyped] = createSignal('');
  const [problem, setProblem] = createSignal(params.id && !fromAddress() ? 'badLink' : '');
  const [result, setResult] = createSignal<'joined' | 'already' | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [current, { refetch }] = createResource(() => currentHousehold().catch(() => null));

  const choose = (text: string) => {
    const h = householdFrom(text);
    setResult(null);
    setProblem(h ? '' : 'badLink');
    if (h) {
      setTarget(h);
      navigate(`/household/${h.householdId}#${encodeURIComponent(h.label)}`, { replace: true });
    }
    return h !== null;
  };

  async function confirm(h: HouseholdTarget) {
    setBusy(true);
    try {
      const added = await joinHousehold(h.householdId, h.label);
      if (added) void sync.syncNow();
      setResult(added ? 'joined' : 'already');
      void refetch();
    } catch {
      setProblem('saveFailed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="guide join">
      <h1>{t('householdJoin.title')}</h1>
      <p>{t('householdJoin.intro')}</p>
      <Show when={current.latest}>
        {(c) => <p class="muted" data-testid="household-current">{t('householdJoin.current', { label: c().label || t('householdJoin.noLabel') })}</p>}
      </Show>
      <Show
        when={target()}
        fallback={
          <>
            <Suspense>
              <QrScanner onResult={choose} />
            </Suspense>
            <form class="guide-card guide-form" onSubmit={(e) => { e.preventDefault(); choose(typed()); }}>
              <label>
                {t('householdJoin.linkLabel')}
                <input name="link" autocomplete="off" spellcheck={false} required value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} data-testid="household-link" />
              </label>
              <p class="muted">{t('householdJoin.linkHint')}</p>
              <button type="submit" class="button">{t('householdJoin.next')}</button>
            </form>
          </>
        }
      >
        {(h) => (
          <section class="guide-card" data-testid="household-target">
            <p class="big-label">{h().label || t('householdJoin.noLabel')}</p>
            <p class="muted">{t('householdJoin.confirmHint')}</p>
            <Show
              when={result()}
              fallback={
                <div class="guide-actions">
                  <button type="button" class="button" disabled={busy()} onClick={() => void confirm(h())} data-testid="household-join">{t('householdJoin.confirm')}</button>
                  <button type="button" class="button secondary" onClick={() => { setTarget(null); navigate('/household', { replace: true }); }}>{t('householdJoin.other')}</button>
                </div>
              }
            >
              {(r) => (
                <div role="status" data-testid="household-result" data-kind={r()}>
                  <p><strong>{t(`householdJoin.${r()}`)}</strong></p>
                  <A href="/" class="button">{t('householdJoin.toCourses')}</A>
                </div>
              )}
            </Show>
          </section>
        )}
      </Show>
      <Show when={problem()}>
        <p class="notice" role="alert" data-testid="household-problem">{t(`householdJoin.problem.${problem()}`)}</p>
      </Show>
    </div>
  );
}
