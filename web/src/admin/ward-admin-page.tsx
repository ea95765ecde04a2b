import { createSignal, onMount, Show } from 'solid-js';
import type { AdminWard } from '../../../shared/ward-admin.ts';
import { t } from '../i18n/index.ts';
import { HttpError } from '../net/http.ts';
import { AdminNav } from './admin-nav.tsx';
import { GroupsEditor } from './groups-editor.tsx';
import { ImportPanel } from './import-panel.tsx';
import { ProfileForm } from './profile-form.tsx';
import { adminApi } from './admin-api.ts';
import './strings.ts';
import '../styles/ward-admin.css';

/** Admin: the ward profile — name, channels, residential groups, file import. */
export default function WardAdminPage() {
  const [ward, setWard] = createSignal<AdminWard | null>(null);
  const [state, setState] = createSignal<'loading' | 'ready' | 'forbidden' | 'offline'>('loading');

  onMount(async () => {
    try {
      setWard(await adminApi.ward());
      setState('ready');
    } catch (err) {
      setState(err instanceof HttpError ? 'forbidden' : 'offline');
    }
  });

  return (
    <div class="ward-admin">
      <AdminNav />
      <h1>{t('wardAdmin.title')}</h1>
      <p>{t('wardAdmin.intro')}</p>
      <Show when={state() === 'loading'}>
        <p role="status">{t('wardAdmin.loading')}</p>
      </Show>
      <Show when={state() === 'forbidden'}>
        <p class="notice" role="alert">
          {t('wardAdmin.needAdmin')} <a href="/ward">{t('wardAdmin.toWard')}</a>
        </p>
      </Show>
      <Show when={state() === 'offline'}>
        <p class="notice" role="alert">{t('wardAdmin.offline')}</p>
      </Show>
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
