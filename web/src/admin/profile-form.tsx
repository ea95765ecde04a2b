import { createSignal, For, Index } from 'solid-js';
import type { AdminWard } from '../../../shared/ward-admin.ts';
import { t } from '../i18n/index.ts';
import { adminApi, type Channel } from './admin-api.ts';
import { errorText } from '../net/error-message.ts';
import { ADMIN_ERRORS } from './admin-errors.ts';

const KINDS: Channel['kind'][] = ['portal', 'social', 'feedback', 'hotline', 'other'];

/** The ward's name and its own public channels (replaced together, PUT /ward). */
export function ProfileForm(props: { ward: AdminWard; onSaved: (w: AdminWard) => void }) {
  const [name, setName] = createSignal(props.ward.name);
  const [channels, setChannels] = createSignal<Channel[]>(props.ward.channels.map((c) => ({ ...c })));
  const [message, setMessage] = createSignal('');
  const update = (i: number, patch: Partial<Channel>) => setChannels(channels().map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <form
      class="admin-card"
      data-testid="ward-profile-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage('');
        try {
          const cleaned = channels().map((c) => ({ kind: c.kind, label: c.label.trim(), ...(c.url?.trim() ? { url: c.url.trim() } : {}) }));
          props.onSaved(await adminApi.updateWard(name().trim(), cleaned));
          setMessage(t('wardAdmin.saved'));
        } catch (err) {
          setMessage(errorText(err, ADMIN_ERRORS));
        }
      }}
    >
      <h2>{t('wardAdmin.profile.legend')}</h2>
      <label>
        {t('wardAdmin.profile.name')}
        <input name="ward-name" required maxLength={120} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('wardAdmin.profile.channels')}</legend>
        <p class="hint">{t('wardAdmin.profile.channelsHelp')}</p>
        <Index each={channels()}>
          {(c, i) => (
            <div class="channel-row">
              <label>
                {t('wardAdmin.profile.kind')}
                <select value={c().kind} onChange={(e) => update(i, { kind: e.currentTarget.value as Channel['kind'] })}>
                  <For each={KINDS}>{(k) => <option value={k}>{t(`wardAdmin.profile.kinds.${k}`)}</option>}</For>
                </select>
              </label>
              <label>
                {t('wardAdmin.profile.label')}
                <input required maxLength={120} value={c().label} onInput={(e) => update(i, { label: e.currentTarget.value })} />
              </label>
              <label>
                {t('wardAdmin.profile.url')}
                <input maxLength={300} value={c().url ?? ''} onInput={(e) => update(i, { url: e.currentTarget.value })} />
              </label>
              <button type="button" class="button secondary" onClick={() => setChannels(channels().filter((_, j) => j !== i))}>
                {t('wardAdmin.profile.remove', { label: c().label })}
              </button>
            </div>
          )}
        </Index>
        <button type="button" class="button secondary" disabled={channels().length >= 20} onClick={() => setChannels([...channels(), { kind: 'portal', label: '', url: '' }])}>
          {t('wardAdmin.profile.add')}
        </button>
      </fieldset>
      <button type="submit" class="button">{t('wardAdmin.profile.save')}</button>
      <p role="status" class="admin-message">{message()}</p>
    </form>
  );
}
