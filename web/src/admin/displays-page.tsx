import { createResource, createSignal, For, Show } from 'solid-js';
import { DISPLAY_LIVE_MS } from '../../../shared/displays/constants.ts';
import type { Display } from '../../../shared/displays/schema.ts';
import { language, t } from '../i18n/index.ts';
import { AdminNav, StudioNav } from './admin-nav.tsx';
import { AdminLoadNotice, createAdminLoad } from './admin-load.tsx';
import './strings.ts';
import { DisplayEditor } from './display-editor.tsx';
import { displaysApi } from './displays-api.ts';
import { outreachLogApi } from './outreach-log/log-api.ts';
import { LogToPlan } from './outreach-log/log-to-plan.tsx';
import '../styles/ward-admin.css';
import '../styles/display-admin.css';
import '../styles/studio.css';

/** The office's LED screens (reviewer, admin): which are live, and each one's loop of slides.
 * A unit officer sees the list and logs a screen's loop in the unit's outreach log. */
export default function DisplaysPage() {
  const [me] = createResource(() => outreachLogApi.me().catch(() => null));
  const office = () => me()?.role === 'admin' || me()?.role === 'reviewer';
  const [screens, setScreens] = createSignal<Display[]>([]);
  // undefined: nothing open; null: a new screen; a screen: editing it.
  const [open, setOpen] = createSignal<Display | null | undefined>(undefined);
  const [note, setNote] = createSignal('');
  const [now, setNow] = createSignal(Date.now());

  const reload = async () => {
    setScreens(await displaysApi.list());
    setNow(Date.now());
  };
  const state = createAdminLoad(reload);
  const save = async (id: string, input: Parameters<typeof displaysApi.save>[1]) => {
    await displaysApi.save(id, input);
    await reload();
    setOpen(undefined);
    setNote(t('displayAdmin.saved'));
  };
  const remove = async (d: Display) => {
    if (!confirm(t('displayAdmin.confirmRemove', { name: d.name }))) return;
    await displaysApi.remove(d.id);
    await reload();
  };
  const when = (iso: string) => new Date(iso).toLocaleString(language() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const isLive = (d: Display) => d.lastSeenAt !== null && now() - Date.parse(d.lastSeenAt) < DISPLAY_LIVE_MS;

  return (
    <div class="ward-admin displays-page">
      <Show when={office()}>
        <AdminNav />
      </Show>
      <StudioNav />
      <h1>{t('displayAdmin.title')}</h1>
      <p>{t('displayAdmin.intro')}</p>
      <AdminLoadNotice state={state()} offline={t('displayAdmin.offline')} />
      <Show when={state() === 'ready'}>
        <Show when={note()}>
          <p class="notice ok" role="status">{note()}</p>
        </Show>
        <h2>{t('displayAdmin.list')}</h2>
        <Show when={screens().length > 0} fallback={<p>{t('displayAdmin.none')}</p>}>
          <ul class="display-list">
            <For each={screens()}>
              {(d) => (
                <li data-testid={`screen-${d.id}`}>
                  <div>
                    <strong>{d.name}</strong> <code>/display/{d.id}</code>
                    <p class={isLive(d) ? 'display-live' : 'display-not-live'}>
                      <span aria-hidden="true">{isLive(d) ? '● ' : '○ '}</span>
                      {isLive(d) ? t('displayAdmin.live') : t('displayAdmin.notLive')} ·{' '}
                      {d.lastSeenAt ? t('displayAdmin.lastSeen', { time: when(d.lastSeenAt) }) : t('displayAdmin.neverSeen')}
                    </p>
                  </div>
                  <div class="display-list-actions">
                    <a class="button secondary" href={`/display/${d.id}`} target="_blank" rel="noopener">{t('displayAdmin.open')}</a>
                    <Show when={office()}>
                      <button type="button" class="button secondary" onClick={() => { setNote(''); setOpen(d); }}>{t('displayAdmin.edit')}</button>
                      <button type="button" class="button secondary" onClick={() => void remove(d)}>{t('displayAdmin.remove')}</button>
                    </Show>
                  </div>
                  <LogToPlan channel="screen" screenId={d.id} screens={screens()} item={{ source: `display:${d.id}`, title: d.name, link: `${location.origin}/display/${d.id}` }} />
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={office() && open() === undefined}>
          <button type="button" class="button" onClick={() => { setNote(''); setOpen(null); }}>{t('displayAdmin.newScreen')}</button>
        </Show>
        <Show when={open() !== undefined}>
          <DisplayEditor screen={open() ?? undefined} onSave={save} onCancel={() => setOpen(undefined)} />
        </Show>
      </Show>
    </div>
  );
}
