import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { errorText } from '../net/error-message.ts';
import { ADMIN_ERRORS } from './admin-errors.ts';
import { createUnitOfficer, plansApi } from './plans-api.ts';
import './strings.ts';

/** Admin: a unit officer's account, bound to one unit; the generated password is shown once. */
export function UnitOfficerForm(props: { onCreated: () => void }) {
  const [units] = createResource(() => plansApi.units().catch(() => []));
  const [username, setUsername] = createSignal('');
  const [displayName, setDisplayName] = createSignal('');
  const [unitId, setUnitId] = createSignal('');
  const [result, setResult] = createSignal<{ text: string; ok: boolean } | null>(null);
  return (
    <form
      class="guide-card guide-form"
      data-testid="unit-officer-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const r = await createUnitOfficer({ username: username().trim(), displayName: displayName().trim(), unitId: unitId() || units.latest?.[0]?.id || '' });
          setResult({ text: t('plans.officer.created', { username: r.account.username, password: r.password }), ok: true });
          setUsername('');
          setDisplayName('');
          props.onCreated();
        } catch (err) {
          setResult({ text: errorText(err, ADMIN_ERRORS), ok: false });
        }
      }}
    >
      <h2>{t('plans.officer.title')}</h2>
      <p>{t('plans.officer.help')}</p>
      <label>{t('plans.officer.username')}<input name="officer-username" required value={username()} onInput={(e) => setUsername(e.currentTarget.value)} /></label>
      <label>{t('plans.officer.displayName')}<input name="officer-display-name" required value={displayName()} onInput={(e) => setDisplayName(e.currentTarget.value)} /></label>
      <label>
        {t('plans.officer.unit')}
        <select name="officer-unit" value={unitId()} onChange={(e) => setUnitId(e.currentTarget.value)}>
          <For each={units.latest ?? []}>{(u) => <option value={u.id}>{`${u.shortName} — ${u.name}`}</option>}</For>
        </select>
      </label>
      <button type="submit" class="button">{t('plans.officer.create')}</button>
      <Show when={result()}>
        {(r) => (
          <p role={r().ok ? 'status' : 'alert'} class={r().ok ? 'notice ok' : 'notice'} data-testid="officer-result">
            {r().text}
          </p>
        )}
      </Show>
    </form>
  );
}
