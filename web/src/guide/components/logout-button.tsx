import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { useGuide } from '../guide-store.ts';

/** "Đăng xuất" on every guide screen. With records still waiting it says what
 * becomes of them first (they stay queued; nothing is dropped). */
export function LogoutButton(props: { onDone: (how: 'done' | 'offline') => void }) {
  const guide = useGuide();
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const logout = async () => {
    setBusy(true);
    try {
      props.onDone(await guide.logout());
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <div class="guide-logout">
      <Show
        when={asking() && guide.pending() > 0}
        fallback={
          <button type="button" class="button secondary" disabled={busy()} data-testid="guide-logout" onClick={() => (guide.pending() > 0 ? setAsking(true) : void logout())}>
            {t('guide.logout.button')}
          </button>
        }
      >
        <div class="confirm-box" role="group" aria-label={t('guide.logout.button')} data-testid="guide-logout-ask">
          <p class="notice" data-testid="guide-logout-pending">{t('guide.logout.pendingWarning', { count: guide.pending() })}</p>
          <div class="guide-actions">
            <button type="button" class="button" onClick={() => void guide.syncNow()}>{t('guide.logout.sendFirst')}</button>
            <button type="button" class="button secondary" disabled={busy()} data-testid="guide-logout-yes" onClick={() => void logout()}>{t('guide.logout.confirm')}</button>
            <button type="button" class="button secondary" onClick={() => setAsking(false)}>{t('guide.logout.cancel')}</button>
          </div>
        </div>
      </Show>
    </div>
  );
}
