// /unit: a unit officer's phone screen. Log in once; then see the unit's
// tasks (late ones first, from the last copy when offline) and record what
// the unit did under a plan, with its photos and scans — with or without
// signal — and see what waits to be sent. Files, then records, leave through
// the one sync engine, exactly once.
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { AUDIENCES, REACH_MEASURES, type Audience, type ReachMeasure } from '../../../shared/plans/constants.ts';
import { t } from '../i18n/index.ts';
import { errorText } from '../net/error-message.ts';
import { createUnitStore } from './unit-store.ts';
import { EvidencePicker } from './evidence-picker.tsx';
import type { AttachedFile } from './unit-repo.ts';
import { RegistersLinks } from './registers-links.tsx';
import { UnitTasksPanel } from './unit-tasks-panel.tsx';
import './strings.ts';
import '../styles/unit.css';

const ERRORS = { offline: 'unit.offline', failed: 'unit.loginFailed', other: 'offline' } as const;
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export default function UnitPage() {
  const store = createUnitStore();
  onMount(() => void store.start());
  return (
    <div class="unit-page">
      <h1>{t('unit.title')}</h1>
      <Show when={store.me()}>{(me) => <p class="unit-name" data-testid="unit-name">{me().unit.name}</p>}</Show>
      <p class="unit-sync" role="status" aria-live="polite" data-testid="unit-sync">
        <strong data-testid="unit-sync-state">{t(`unit.sync.${store.sync().state === 'idle' && store.sync().pending > 0 ? 'waiting' : store.sync().state}`)}</strong>
        {' · '}
        <span data-testid="unit-pending">{t('unit.sync.pending', { count: store.sync().pending })}</span>
        <Show when={store.filesWaiting() > 0}>
          {' · '}
          <span data-testid="unit-files-pending">{t('unit.sync.files', { count: store.filesWaiting() })}</span>
        </Show>
        <Show when={store.sync().dead > 0}> · {t('unit.sync.refused', { count: store.sync().dead })}</Show>
      </p>
      <Show when={store.needsLogin() || store.sync().state === 'login-required'}>
        <LoginForm onLogin={store.login} />
      </Show>
      <Show when={store.me() || store.tasks()}>
        <UnitTasksPanel kept={store.tasks()} now={Date.now()} />
      </Show>
      <Show when={store.me()}>
        <p>
          <a href="/admin/news" data-testid="unit-news-desk">{t('unit.newsDesk')}</a>
        </p>
        <p>
          <a href="/admin/bulletins" data-testid="unit-studio">{t('unit.studio')}</a>
        </p>
        <ActivityForm store={store} />
      </Show>
      <section class="unit-card">
        <h2>{t('unit.recorded')}</h2>
        <Show when={store.activities().length > 0} fallback={<p>{t('unit.none')}</p>}>
          <ul class="unit-list" data-testid="unit-activities">
            <For each={store.activities()}>
              {(a) => (
                <li>
                  <strong>{a.title}</strong> — {a.formCode}
                  {a.subFormId ? ` (${a.subFormId})` : ''} · {a.startsOn}
                  <Show when={(a.files?.length ?? 0) > 0}> · {t('unit.filesCount', { count: a.files!.length })}</Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <Show when={store.me()}>
        <RegistersLinks />
      </Show>
    </div>
  );
}

function LoginForm(props: { onLogin: (u: string, p: string) => Promise<void> }) {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [problem, setProblem] = createSignal('');
  return (
    <form
      class="unit-card"
      onSubmit={async (e) => {
        e.preventDefault();
        setProblem('');
        try {
          await props.onLogin(username().trim(), password());
        } catch (err) {
          setProblem(errorText(err, ERRORS));
        }
      }}
    >
      <h2>{t('unit.loginTitle')}</h2>
      <label>
        {t('unit.username')}
        <input name="username" autocomplete="username" required value={username()} onInput={(e) => setUsername(e.currentTarget.value)} />
      </label>
      <label>
        {t('unit.password')}
        <input name="password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <Show when={problem()}>
        <p class="notice" role="alert">{problem()}</p>
      </Show>
      <button type="submit" class="button" data-testid="unit-login">{t('unit.login')}</button>
    </form>
  );
}

function ActivityForm(props: { store: ReturnType<typeof createUnitStore> }) {
  const me = () => props.store.me()!;
  const [planId, setPlanId] = createSignal(me().plans[0]?.id ?? '');
  const plan = createMemo(() => me().plans.find((p) => p.id === planId()));
  const [formCode, setFormCode] = createSignal('');
  const form = createMemo(() => plan()?.forms.find((f) => f.code === formCode()));
  const [subFormId, setSubFormId] = createSignal('');
  const [items, setItems] = createSignal<string[]>([]);
  const [audiences, setAudiences] = createSignal<Audience[]>([]);
  const [startsOn, setStartsOn] = createSignal(today());
  const [endsOn, setEndsOn] = createSignal('');
  const [title, setTitle] = createSignal('');
  const [place, setPlace] = createSignal('');
  const [reach, setReach] = createSignal<Partial<Record<ReachMeasure, string>>>({});
  const [links, setLinks] = createSignal('');
  const [files, setFiles] = createSignal<AttachedFile[]>([]);
  const [message, setMessage] = createSignal('');
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  return (
    <form
      class="unit-card"
      data-testid="activity-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage('');
        if (items().length === 0) return void setMessage(t('unit.needItem'));
        const counts = Object.fromEntries(Object.entries(reach()).filter(([, v]) => v && /^\d+$/.test(v)).map(([k, v]) => [k, Number(v)]));
        await props.store.record({
          unitId: me().unit.id,
          planId: planId(),
          startsOn: startsOn(),
          endsOn: endsOn() || undefined,
          formCode: formCode(),
          subFormId: subFormId() || undefined,
          contentItems: items(),
          title: title().trim(),
          place: place().trim(),
          audiences: audiences(),
          reach: counts,
          links: links().split('\n').map((l) => l.trim()).filter(Boolean),
        }, files());
        setFiles([]);
        setTitle('');
        setPlace('');
        setReach({});
        setLinks('');
        setMessage(t('unit.saved'));
      }}
    >
      <h2>{t('unit.newActivity')}</h2>
      <label>
        {t('unit.plan')}
        <select name="plan" value={planId()} onChange={(e) => (setPlanId(e.currentTarget.value), setFormCode(''), setItems([]))}>
          <For each={me().plans}>{(p) => <option value={p.id}>{`${p.numberSymbol} — ${p.title}`}</option>}</For>
        </select>
      </label>
      <label>
        {t('unit.form')}
        <select name="form" required value={formCode()} onChange={(e) => (setFormCode(e.currentTarget.value), setSubFormId(''))}>
          <option value="">{t('unit.choose')}</option>
          <For each={plan()?.forms ?? []}>{(f) => <option value={f.code}>{`${f.code} ${f.title}`}</option>}</For>
        </select>
      </label>
      <Show when={(form()?.subForms.length ?? 0) > 0}>
        <label>
          {t('unit.subForm')}
          <select name="subForm" value={subFormId()} onChange={(e) => setSubFormId(e.currentTarget.value)}>
            <option value="">{t('unit.choose')}</option>
            <For each={form()?.subForms ?? []}>{(s) => <option value={s.id}>{s.title}</option>}</For>
          </select>
        </label>
      </Show>
      <fieldset>
        <legend>{t('unit.items')}</legend>
        <For each={plan()?.contentItems ?? []}>
          {(c) => (
            <label class="check">
              <input type="checkbox" checked={items().includes(c.code)} onChange={() => setItems(toggle(items(), c.code))} />
              {`${c.code} ${c.title}`}
            </label>
          )}
        </For>
      </fieldset>
      <label>
        {t('unit.activityTitle')}
        <input name="title" required maxLength={300} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        {t('unit.startsOn')}
        <input name="startsOn" type="date" required value={startsOn()} onInput={(e) => setStartsOn(e.currentTarget.value)} />
      </label>
      <label>
        {t('unit.endsOn')}
        <input name="endsOn" type="date" min={startsOn()} value={endsOn()} onInput={(e) => setEndsOn(e.currentTarget.value)} />
      </label>
      <label>
        {t('unit.place')}
        <input name="place" maxLength={300} value={place()} onInput={(e) => setPlace(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('unit.audiences')}</legend>
        <For each={AUDIENCES}>
          {(a) => (
            <label class="check">
              <input type="checkbox" checked={audiences().includes(a)} onChange={() => setAudiences(toggle(audiences(), a))} />
              {t(`unit.audience.${a}`)}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset>
        <legend>{t('unit.reach')}</legend>
        <For each={REACH_MEASURES}>
          {(m) => (
            <label>
              {t(`unit.measure.${m}`)}
              <input name={m} inputmode="numeric" pattern="[0-9]*" value={reach()[m] ?? ''} onInput={(e) => setReach({ ...reach(), [m]: e.currentTarget.value })} />
            </label>
          )}
        </For>
      </fieldset>
      <label>
        {t('unit.links')}
        <textarea name="links" rows={2} value={links()} onInput={(e) => setLinks(e.currentTarget.value)} />
      </label>
      <EvidencePicker files={files()} onChange={setFiles} />
      <button type="submit" class="button" data-testid="activity-save">{t('unit.save')}</button>
      <p role="status">{message()}</p>
    </form>
  );
}
