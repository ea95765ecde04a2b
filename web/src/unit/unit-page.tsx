// /unit: a unit officer's phone screen. Log in once; then see the unit's
// tasks (late ones first, from the last copy when offline), open the unit's
// own tracker (online), and record what
// the unit did under a plan, with its photos and scans — with or without
// signal — and see what waits to be sent. Files, then records, leave through
// the one sync engine, exactly once. The unit's activities recorded here can
// be corrected with a reason (activity-list.tsx).
import { createSignal, onMount, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { errorText } from '../net/error-message.ts';
import { createUnitStore } from './unit-store.ts';
import { ActivityForm } from './activity-form.tsx';
import { ActivityList } from './activity-list.tsx';
import { RegistersLinks } from './registers-links.tsx';
import { TrackerLink } from './tracker-link.tsx';
import { UnitTasksPanel } from './unit-tasks-panel.tsx';
import './strings.ts';
import '../styles/unit.css';

const ERRORS = { offline: 'unit.offline', failed: 'unit.loginFailed', other: 'offline' } as const;

export default function UnitPage() {
  const store = createUnitStore();
  onMount(() => void store.start());
  return (
    <div class="unit-page">
      <h1>{t('unit.title')}</h1>
      <Show when={store.me()}>{(me) => <p class="unit-name" data-testid="unit-name">{me().unit.name}</p>}</Show>
      <p class="unit-sync" role="status" aria-live="polite" data-testid="unit-sync">
        <strong data-testid="unit-sync-state">{t(`unit.sync.${store.sync().state === 'idle' && store.sync().pending > 0 ? 'waiting' : store.sync().state}`)}</strong>
        {' · '}
        <span data-testid="unit-pending">{t('unit.sync.pending', { count: store.sync().pending })}</span>
        <Show when={store.filesWaiting() > 0}>
          {' · '}
          <span data-testid="unit-files-pending">{t('unit.sync.files', { count: store.filesWaiting() })}</span>
        </Show>
        <Show when={store.sync().dead > 0}> · {t('unit.sync.refused', { count: store.sync().dead })}</Show>
      </p>
      <Show when={store.needsLogin() || store.sync().state === 'login-required'}>
        <LoginForm onLogin={store.login} />
      </Show>
      <Show when={store.me() || store.tasks()}>
        <UnitTasksPanel kept={store.tasks()} now={Date.now()} />
      </Show>
      <Show when={store.me()}>
        <TrackerLink />
        <p>
          <a href="/admin/news" data-testid="unit-news-desk">{t('unit.newsDesk')}</a>
        </p>
        <p>
          <a href="/admin/bulletins" data-testid="unit-studio">{t('unit.studio')}</a>
        </p>
        <ActivityForm store={store} />
      </Show>
      <ActivityList store={store} />
      <Show when={store.me()}>
        <RegistersLinks />
      </Show>
    </div>
  );
}

function LoginForm(props: { onLogin: (u: string, p: string) => Promise<void> }) {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [problem, setProblem] = createSignal('');
  return (
    <form
      class="unit-card"
      onSubmit={async (e) => {
        e.preventDefault();
        setProblem('');
        try {
          await props.onLogin(username().trim(), password());
        } catch (err) {
          setProblem(errorText(err, ERRORS));
        }
      }}
    >
      <h2>{t('unit.loginTitle')}</h2>
      <label>
        {t('unit.username')}
        <input name="username" autocomplete="username" required value={username()} onInput={(e) => setUsername(e.currentTarget.value)} />
      </label>
      <label>
        {t('unit.password')}
        <input name="password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <Show when={problem()}>
        <p class="notice" role="alert">{problem()}</p>
      </Show>
      <button type="submit" class="button" data-testid="unit-login">{t('unit.login')}</button>
    </form>
  );
}
