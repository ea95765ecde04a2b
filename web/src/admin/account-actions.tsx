import { createSignal, Show } from 'solid-js';
import type { StaffAccount } from '../../../shared/guide/api.ts';
import { t } from '../i18n/index.ts';
import { errorText, type ErrorKeys } from '../net/error-message.ts';
import { accountApi } from '../account/account-api.ts';
import '../account/account-strings.ts';
import '../styles/account.css';

// No answer reads like any other failure here, with the reason in {{message}}.
const ACTION_ERRORS: ErrorKeys = {
  offline: 'account.actions.failed',
  failed: 'account.actions.failed',
  byCode: { cannot_disable_self: 'account.actions.self' },
};

/** An admin's buttons for one staff account: reset its password (shown once)
 * and disable or enable it. Both end the account's open sessions on the server.
 * The state is kept here rather than by reloading the list, which would
 * replace this component and lose the message (and a reset password) with it. */
export function AccountActions(props: { account: StaffAccount }) {
  const [message, setMessage] = createSignal<{ text: string; ok: boolean } | null>(null);
  const [isDisabled, setDisabled] = createSignal(props.account.disabled);
  const name = () => props.account.username;
  const fail = (err: unknown) => setMessage({ text: errorText(err, ACTION_ERRORS), ok: false });

  return (
    <div class="account-actions">
      <Show when={isDisabled()}>
        <strong> · {t('account.actions.isDisabled')}</strong>
      </Show>
      <button
        type="button"
        class="button secondary"
        onClick={async () => {
          try {
            const { password } = await accountApi.resetPassword(name());
            setMessage({ text: t('account.actions.resetDone', { username: name(), password }), ok: true });
          } catch (err) {
            fail(err);
          }
        }}
      >
        {t('account.actions.reset', { username: name() })}
      </button>
      <button
        type="button"
        class="button secondary"
        onClick={async () => {
          const disabled = !isDisabled();
          try {
            setDisabled((await accountApi.setDisabled(name(), disabled)).disabled);
            setMessage({ text: t(disabled ? 'account.actions.disabled' : 'account.actions.enabled', { username: name() }), ok: true });
          } catch (err) {
            fail(err);
          }
        }}
      >
        {t(isDisabled() ? 'account.actions.enable' : 'account.actions.disable', { username: name() })}
      </button>
      <Show when={message()}>
        {(m) => (
          <p role={m().ok ? 'status' : 'alert'} class={m().ok ? 'notice ok' : 'notice'} data-testid="account-action-result">
            {m().text}
          </p>
        )}
      </Show>
    </div>
  );
}
