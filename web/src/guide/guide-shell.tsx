// Frame of every /guide screen: login (first time, or when the login on this
// phone expired — queued records are kept), then the sync state, then the
// screen itself.
import { createSignal, Show, type ParentProps } from 'solid-js';
import { A } from '@solidjs/router';
import './strings.ts';
import '../styles/guide.css';
import { t } from '../i18n/index.ts';
import { errorMessage, type ErrorKeys } from '../net/error-message.ts';
import { useGuide } from './guide-store.ts';
import { LogoutButton } from './components/logout-button.tsx';

const LOGIN_ERRORS: ErrorKeys = {
  offline: 'guide.loginOffline',
  failed: 'guide.loginFailed',
  byCode: {
    not_a_guide: 'guide.notGuide',
    other_guide_pending: 'guide.otherGuidePending',
    too_many_requests: 'guide.loginLocked',
    login_busy: 'guide.loginBusy',
  },
};

function LoginForm(props: { loggedOut: 'done' | 'offline' | null }) {
  const guide = useGuide();
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  return (
    <form
      class="guide-card"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setProblem('');
        try {
          await guide.login(username().trim(), password());
        } catch (err) {
          setProblem(errorMessage(err, LOGIN_ERRORS).key);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2>{t('guide.loginTitle')}</h2>
      <Show when={guide.loggedOut()} fallback={<Show when={guide.me()} fallback={<p>{t('guide.loginHint')}</p>}><p class="notice" role="status">{t('guide.loginAgain')}</p></Show>}>
        <div role="status" data-testid="guide-logged-out">
          <Show when={props.loggedOut}>{(how) => <p class="notice ok">{t(how() === 'offline' ? 'guide.logout.doneOffline' : 'guide.logout.done')}</p>}</Show>
          <Show when={guide.pending() > 0}>
            <p class="notice">{t('guide.logout.stillPending', { count: guide.pending() })}</p>
          </Show>
          <p>{t('guide.loginHint')}</p>
        </div>
      </Show>
      <label>
        {t('guide.username')}
        <input name="username" autocomplete="username" required value={username()} onInput={(e) => setUsername(e.currentTarget.value)} />
      </label>
      <label>
        {t('guide.password')}
        <input name="password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <Show when={problem()}>
        <p class="notice" role="alert">{t(problem())}</p>
      </Show>
      <button type="submit" class="button" disabled={busy()} data-testid="guide-login">
        {t('guide.login')}
      </button>
    </form>
  );
}

export function SyncBar() {
  const guide = useGuide();
  const time = (iso: string) => new Date(iso).toLocaleString();
  // "busy": the server asked the phone to come back later (429); "waiting": records saved since the last run.
  const label = () => {
    const state = guide.syncState();
    if (state === 'waiting') return 'busy';
    return state === 'idle' && guide.pending() > 0 ? 'waiting' : state;
  };
  return (
    <section class="guide-sync" aria-live="polite" data-testid="guide-sync">
      <p>
        {/* "Synced" only when nothing waits: a record saved since the last run is not synced yet. */}
        <strong data-testid="guide-sync-state">{t(`guide.sync.${label()}`)}</strong>
        {' · '}
        <span data-testid="guide-pending">{t('guide.sync.pending', { count: guide.pending() })}</span>
      </p>
      <p class="muted">{guide.lastSyncedAt() ? t('guide.sync.lastSynced', { time: time(guide.lastSyncedAt()!) }) : t('guide.sync.never')}</p>
      <Show when={guide.dead() > 0}>
        <p class="notice" data-testid="guide-dead">
          {t('guide.sync.rejected', { count: guide.dead() })}
        </p>
      </Show>
      <button type="button" class="button secondary" onClick={() => void guide.syncNow()} data-testid="guide-sync-now">
        {t('guide.sync.now')}
      </button>
    </section>
  );
}

/** compact: the title is a line, not the page heading (the lesson player brings its own h1). */
export function GuideShell(props: ParentProps<{ title: string; back?: boolean; compact?: boolean }>) {
  const guide = useGuide();
  const [loggedOut, setLoggedOut] = createSignal<'done' | 'offline' | null>(null);
  return (
    <div class="guide">
      <Show when={props.back}>
        <A href="/guide" class="guide-back">{t('guide.back')}</A>
      </Show>
      <Show when={props.compact} fallback={<h1>{props.title}</h1>}>
        <p class="guide-compact-title"><strong>{props.title}</strong></p>
      </Show>
      <Show when={guide.ready()} fallback={<p role="status">{t('app.loading')}</p>}>
        {/* Offline with a cached login that has not expired: keep working. */}
        <Show when={!guide.loginExpired()} fallback={<LoginForm loggedOut={loggedOut()} />}>
          <SyncBar />
          <LogoutButton onDone={setLoggedOut} />
          {props.children}
        </Show>
      </Show>
    </div>
  );
}
