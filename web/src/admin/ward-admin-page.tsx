import { createSignal, Show } from 'solid-js';
import type { AdminWard } from '../../../shared/ward-admin.ts';
import { t } from '../i18n/index.ts';
import { AdminNav } from './admin-nav.tsx';
import { AdminLoadNotice, createAdminLoad } from './admin-load.tsx';
import { GroupsEditor } from './groups-editor.tsx';
import { ImportPanel } from './import-panel.tsx';
import { ProfileForm } from './profile-form.tsx';
import { adminApi } from './admin-api.ts';
import './strings.ts';
import '../styles/ward-admin.css';

/** Admin: the ward profile — name, channels, residential groups, file import. */
export default function WardAdminPage() {
  const [ward, setWard] = createSignal<AdminWard | null>(null);

  const state = createAdminLoad(async () => {
    setWard(await adminApi.ward());
  });

  return (
    <div class="ward-admin">
      <AdminNav />
      <h1>{t('wardAdmin.title')}</h1>
      <p>{t('wardAdmin.intro')}</p>
      <AdminLoadNotice state={state()} offline={t('wardAdmin.offline')} />
      <Show when={ward()}>
        {(w) => (
          <>
            <Show when={w().isSample}>
              <p class="banner" role="note">{t('wardAdmin.sample')}</p>
            </Show>
            <ProfileForm ward={w()} onSaved={setWard} />
            <GroupsEditor ward={w()} onSaved={setWard} />
            <ImportPanel onImported={setWard} />
          </>
        )}
      </Show>
    </div>
  );
}
