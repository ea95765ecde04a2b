import { createSignal, Show } from 'solid-js';
import { PASSWORD_PROBLEMS } from '../../../shared/password-problems.ts';
import { t } from '../i18n/index.ts';
import { errorText, type ErrorKeys } from '../net/error-message.ts';
import { accountApi } from './account-api.ts';
import './account-strings.ts';
import '../styles/account.css';

/** A refused change: each of the server's password rules has its own sentence. */
const PASSWORD_ERRORS: ErrorKeys = {
  offline: 'account.offline',
  failed: 'account.failed',
  byStatus: { 401: 'account.needLogin' },
  byCode: Object.fromEntries([...PASSWORD_PROBLEMS, 'wrong_current_password', 'too_many_requests'].map((code) => [code, `account.problems.${code}`])),
};

/** Any staff member: change their own password. Paste is allowed (password
 * managers), and the browser is told which field is the new password. */
export default function PasswordPage() {
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [message, setMessage] = createSignal<{ text: string; isError: boolean } | null>(null);
  const [isBusy, setBusy] = createSignal(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (next() !== again()) return setMessage({ text: t('account.mismatch'), isError: true });
    setBusy(true);
    setMessage(null);
    try {
      await accountApi.changeOwnPassword(current(), next());
      setCurrent('');
      setNext('');
      setAgain('');
      setMessage({ text: t('account.done'), isError: false });
    } catch (err) {
      setMessage({ text: errorText(err, PASSWORD_ERRORS), isError: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="account-page">
      <h1>{t('account.title')}</h1>
      <p id="password-rules">{t('account.intro')}</p>
      <form class="password-form" onSubmit={submit}>
        <label>
          {t('account.current')}
          <input name="current-password" type="password" autocomplete="current-password" required value={current()} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </label>
        <label>
          {t('account.new')}
          <input name="new-password" type="password" autocomplete="new-password" minLength={8} required aria-describedby="password-rules" value={next()} onInput={(e) => setNext(e.currentTarget.value)} />
        </label>
        <label>
          {t('account.confirm')}
          <input name="new-password-again" type="password" autocomplete="new-password" minLength={8} required value={again()} onInput={(e) => setAgain(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button" disabled={isBusy()}>
          {isBusy() ? t('account.saving') : t('account.save')}
        </button>
      </form>
      <Show when={message()}>
        {(m) => (
          <p class="notice" role={m().isError ? 'alert' : 'status'}>
            {m().text}
          </p>
        )}
      </Show>
    </div>
  );
}
