import { createSignal, For, Show } from 'solid-js';
import type { StaffAccount } from '../../../shared/guide/api.ts';
import { t } from '../i18n/index.ts';
import { guideApi } from '../guide/guide-api.ts';
import { GroupChecks, type WardGroup } from './group-checks.tsx';

const ROLES = ['guide', 'reviewer', 'admin'] as const;

/** Admin: create a guide (team and residential groups), a VH-XH reviewer or
 * another admin. The generated password is shown once, in the success style,
 * and the form is emptied for the next account. */
export function NewAccountForm(props: { groups: WardGroup[]; onCreated: (account: StaffAccount) => void }) {
  const [username, setUsername] = createSignal('');
  const [displayName, setDisplayName] = createSignal('');
  const [role, setRole] = createSignal<(typeof ROLES)[number]>('guide');
  const [team, setTeam] = createSignal('cns');
  const [groups, setGroups] = createSignal<string[]>([]);
  const [result, setResult] = createSignal<{ ok: boolean; text: string } | null>(null);
  const isGuide = () => role() === 'guide';

  return (
    <form
      class="guide-card guide-form"
      data-testid="new-account"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const input = { username: username(), displayName: displayName(), role: role(), team: isGuide() ? team() : null, groups: isGuide() ? groups() : [] };
          const r = await guideApi.createStaff(input);
          setResult({ ok: true, text: t('guide.admin.created', { name: r.account.displayName, username: r.account.username, password: r.password }) });
          setUsername('');
          setDisplayName('');
          setGroups([]);
          props.onCreated(r.account);
        } catch (err) {
          setResult({ ok: false, text: t('guide.error', { message: err instanceof Error ? err.message : String(err) }) });
        }
      }}
    >
      <h2>{t('guide.admin.newAccount')}</h2>
      <label>{t('guide.username')}<input name="username" required autocomplete="off" value={username()} onInput={(e) => setUsername(e.currentTarget.value)} /></label>
      <label>{t('guide.admin.displayName')}<input name="display-name" required value={displayName()} onInput={(e) => setDisplayName(e.currentTarget.value)} /></label>
      <label>
        {t('guide.admin.role')}
        <select name="role" value={role()} onChange={(e) => setRole(e.currentTarget.value as (typeof ROLES)[number])}>
          <For each={ROLES}>{(r) => <option value={r}>{t(`ward.role.${r}`)}</option>}</For>
        </select>
      </label>
      <Show when={isGuide()}>
        <label>
          {t('guide.reportPage.teamCol')}
          <select name="team" value={team()} onChange={(e) => setTeam(e.currentTarget.value)}>
            <option value="cns">{t('guide.team.cns')}</option>
            <option value="da06">{t('guide.team.da06')}</option>
          </select>
        </label>
        <GroupChecks groups={props.groups} chosen={groups()} onChange={setGroups} />
      </Show>
      <button type="submit" class="button">{t('guide.admin.create')}</button>
      <Show when={result()}>
        {(r) => (
          <p role={r().ok ? 'status' : 'alert'} class={r().ok ? 'notice ok' : 'notice'} data-testid="new-account-result">
            {r().text}
          </p>
        )}
      </Show>
    </form>
  );
}
