import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { guideApi } from '../guide/guide-api.ts';
import { AccountRow } from './account-row.tsx';
import { AdminNav } from './admin-nav.tsx';
import { NewAccountForm } from './new-account-form.tsx';
import { UnitOfficerForm } from './unit-officer-form.tsx';
import '../guide/strings.ts';
import '../styles/guide.css';

/** Admin: staff accounts — create guides, reviewers and admins (the
 * generated password is shown once), change a guide's groups, reset a
 * password, disable. Log in on the ward page first. */
export default function AdminStaffPage() {
  const [tick, setTick] = createSignal(0);
  const [accounts] = createResource(tick, () => guideApi.staff().then((r) => r.accounts).catch(() => null));
  const [ward] = createResource(() => guideApi.ward().catch(() => ({ groups: [] })));
  const groups = () => ward.latest?.groups ?? [];

  return (
    <div class="guide ward-admin">
      <AdminNav />
      <h1>{t('wardAdmin.nav.staff')}</h1>
      <Show when={accounts.latest !== null} fallback={<p class="notice" role="alert">{t('guide.admin.needAdmin')}</p>}>
        <NewAccountForm groups={groups()} onCreated={() => setTick(tick() + 1)} />
        <UnitOfficerForm onCreated={() => setTick(tick() + 1)} />
        <h2>{t('guide.admin.accounts')}</h2>
        <ul class="guide-list">
          <For each={accounts.latest ?? []}>{(a) => <AccountRow account={a} groups={groups()} />}</For>
        </ul>
      </Show>
    </div>
  );
}
