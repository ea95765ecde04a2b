import { createSignal } from 'solid-js';
import { t } from '../i18n/index.ts';

export function WardLogin(props: { isBusy: boolean; onLogin: (username: string, password: string) => Promise<void> }) {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  return (
    <form
      class="login-form"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onLogin(username().trim(), password());
      }}
    >
      <h2>{t('ward.loginTitle')}</h2>
      <label>
        {t('ward.username')}
        <input name="username" autocomplete="username" required value={username()} onInput={(e) => setUsername(e.currentTarget.value)} />
      </label>
      <label>
        {t('ward.password')}
        <input name="password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button" disabled={props.isBusy} data-testid="ward-login">
        {t('ward.login')}
      </button>
    </form>
  );
}
