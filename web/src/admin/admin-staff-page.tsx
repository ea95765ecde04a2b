import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { guideApi } from '../guide/guide-api.ts';
import { AccountActions } from './account-actions.tsx';
import { UnitOfficerForm } from './unit-officer-form.tsx';
import '../guide/strings.ts';
import '../styles/guide.css';

/** Admin: create guide accounts (team + residential groups). The generated
 * password is shown once. Log in on the ward page first. */
export default function AdminStaffPage() {
  const [tick, setTick] = createSignal(0);
  const [accounts] = createResource(tick, () => guideApi.staff().then((r) => r.accounts).catch(() => null));
  const [ward] = createResource(() => guideApi.ward().catch(() => ({ groups: [] })));
  const [username, setUsername] = createSignal('');
  const [displayName, setDisplayName] = createSignal('');
  const [team, setTeam] = createSignal('cns');
  const [groups, setGroups] = createSignal<string[]>([]);
  const [result, setResult] = createSignal('');

  return (
    <div class="guide">
      <h1>{t('guide.admin.title')}</h1>
      <Show when={accounts.latest !== null} fallback={<p class="notice" role="alert">{t('guide.admin.needAdmin')}</p>}>
        <form
          class="guide-card guide-form"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              const r = await guideApi.createStaff({ username: username(), displayName: displayName(), role: 'guide', team: team(), groups: groups() });
              setResult(t('guide.admin.created', { username: r.account.username, password: r.password }));
              setTick(tick() + 1);
            } catch (err) {
              setResult(t('guide.error', { message: err instanceof Error ? err.message : String(err) }));
            }
          }}
        >
          <h2>{t('guide.admin.newGuide')}</h2>
          <label>{t('guide.username')}<input name="username" required value={username()} onInput={(e) => setUsername(e.currentTarget.value)} /></label>
          <label>{t('guide.admin.displayName')}<input name="display-name" required value={displayName()} onInput={(e) => setDisplayName(e.currentTarget.value)} /></label>
          <label>
            {t('guide.reportPage.teamCol')}
            <select name="team" value={team()} onChange={(e) => setTeam(e.currentTarget.value)}>
              <option value="cns">{t('guide.team.cns')}</option>
              <option value="da06">{t('guide.team.da06')}</option>
            </select>
          </label>
          <fieldset>
            <legend>{t('guide.form.group')}</legend>
            <For each={ward.latest?.groups ?? []}>
              {(g) => (
                <label class="check">
                  <input type="checkbox" checked={groups().includes(g.id)} onChange={(e) => setGroups(e.currentTarget.checked ? [...groups(), g.id] : groups().filter((x) => x !== g.id))} />
                  {g.name}
                </label>
              )}
            </For>
          </fieldset>
          <button type="submit" class="button">{t('guide.admin.create')}</button>
          <Show when={result()}><p role="status" class="notice">{result()}</p></Show>
        </form>
        <UnitOfficerForm onCreated={() => setTick(tick() + 1)} />
        <h2>{t('guide.admin.accounts')}</h2>
        <ul class="guide-list">
          <For each={accounts.latest ?? []}>
            {(a) => (
              <li>
                {a.username} · {a.role} · {a.team ?? '—'} · {a.unitId ?? (a.groups.join(', ') || '—')}
                <AccountActions account={a} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
