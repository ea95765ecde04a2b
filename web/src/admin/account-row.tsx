import { createSignal, Show } from 'solid-js';
import type { StaffAccount } from '../../../shared/guide/api.ts';
import { t } from '../i18n/index.ts';
import { guideApi } from '../guide/guide-api.ts';
import { AccountActions } from './account-actions.tsx';
import { GroupChecks, type WardGroup } from './group-checks.tsx';

/** One staff account as people read it: name, role, team and residential
 * groups by name; for a guide, a way to change the groups they serve. */
export function AccountRow(props: { account: StaffAccount; groups: WardGroup[] }) {
  const [groups, setGroups] = createSignal(props.account.groups);
  const [editing, setEditing] = createSignal<string[] | null>(null);
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const a = () => props.account;
  const groupNames = () => groups().map((id) => props.groups.find((g) => g.id === id)?.name ?? id).join(', ');
  const details = () =>
    [t(`ward.role.${a().role}`), a().team ? t(`guide.team.${a().team}`) : '', a().unitId ?? '', a().role === 'guide' ? t('guide.groups', { groups: groupNames() || '—' }) : '']
      .filter(Boolean)
      .join(' · ');

  return (
    <li data-testid="account-row">
      <strong>{a().displayName}</strong> ({a().username})
      <p>{details()}</p>
      <Show when={a().role === 'guide'}>
        <Show
          when={editing()}
          fallback={
            <button type="button" class="button secondary" onClick={() => (setMessage(null), setEditing(groups()))}>
              {t('guide.admin.changeGroups', { name: a().displayName })}
            </button>
          }
        >
          {(chosen) => (
            <form
              class="guide-form"
              onSubmit={async (e) => {
                e.preventDefault();
                try {
                  setGroups((await guideApi.setGroups(a().username, chosen())).groups);
                  setEditing(null);
                  setMessage({ ok: true, text: t('guide.admin.groupsSaved', { name: a().displayName }) });
                } catch (err) {
                  setMessage({ ok: false, text: t('guide.error', { message: err instanceof Error ? err.message : String(err) }) });
                }
              }}
            >
              <GroupChecks groups={props.groups} chosen={chosen()} onChange={setEditing} />
              <button type="submit" class="button" disabled={chosen().length === 0}>{t('guide.admin.saveGroups')}</button>
              <button type="button" class="button secondary" onClick={() => setEditing(null)}>{t('guide.admin.cancel')}</button>
            </form>
          )}
        </Show>
      </Show>
      <Show when={message()}>{(m) => <p role="status" class={m().ok ? 'notice ok' : 'notice'}>{m().text}</p>}</Show>
      <AccountActions account={a()} />
    </li>
  );
}
