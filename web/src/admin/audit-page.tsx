import { createSignal, For, onMount, Show } from 'solid-js';
import { AUDIT_ACTIONS } from '../../../shared/audit-actions.ts';
import type { AuditEntry } from '../../../shared/audit.ts';
import { t } from '../i18n/index.ts';
import { HttpError } from '../net/http.ts';
import { AdminNav } from './admin-nav.tsx';
import { fetchAuditPage, type AuditFilter } from './audit-api.ts';
import './audit-strings.ts';
import { actorText, details, label, targetText, when } from './audit-text.ts';
import '../styles/audit.css';

function EntryView(props: { entry: AuditEntry }) {
  const e = () => props.entry;
  return (
    <li class="audit-entry" data-testid="audit-entry">
      <h2>{label('actions', e().action)}</h2>
      <p>
        <time datetime={e().at}>{when(e().at)}</time> · {actorText(e().actor)}
      </p>
      <Show when={targetText(e())}>{(text) => <p>{text()}</p>}</Show>
      <Show when={typeof e().details.occurredAt === 'string'}>
        <p>{t('audit.onPhone', { time: when(String(e().details.occurredAt)) })}</p>
      </Show>
      <Show when={details(e())}>
        <p class="audit-details">{details(e())}</p>
      </Show>
    </li>
  );
}

/** Admin: the audit log of guide and admin actions, newest first, with filters. */
export default function AuditPage() {
  const [entries, setEntries] = createSignal<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = createSignal<number | null>(null);
  const [state, setState] = createSignal<'loading' | 'ready' | 'forbidden' | 'offline'>('loading');
  const [actor, setActor] = createSignal('');
  const [action, setAction] = createSignal('');

  async function load(more: boolean) {
    const filter: AuditFilter = { actor: actor().trim() || undefined, action: action() || undefined, before: more ? (nextBefore() ?? undefined) : undefined };
    if (!more) setState('loading');
    try {
      const page = await fetchAuditPage(filter);
      setEntries(more ? [...entries(), ...page.entries] : page.entries);
      setNextBefore(page.nextBefore);
      setState('ready');
    } catch (err) {
      setState(err instanceof HttpError && (err.status === 401 || err.status === 403) ? 'forbidden' : 'offline');
    }
  }
  onMount(() => void load(false));

  return (
    <div class="ward-admin">
      <AdminNav />
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <form
        class="audit-filters"
        aria-label={t('audit.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          void load(false);
        }}
      >
        <label>
          {t('audit.actor')}
          <input name="actor" autocomplete="off" value={actor()} onInput={(e) => setActor(e.currentTarget.value)} />
          <span class="hint">{t('audit.actorHelp')}</span>
        </label>
        <label>
          {t('audit.action')}
          <select name="action" value={action()} onChange={(e) => setAction(e.currentTarget.value)}>
            <option value="">{t('audit.anyAction')}</option>
            <For each={AUDIT_ACTIONS}>{(a) => <option value={a}>{label('actions', a)}</option>}</For>
          </select>
        </label>
        <button type="submit" class="button">{t('audit.apply')}</button>
      </form>
      <Show when={state() === 'loading'}>
        <p role="status">{t('audit.loading')}</p>
      </Show>
      <Show when={state() === 'forbidden'}>
        <p class="notice" role="alert">
          {t('audit.needAdmin')} <a href="/ward">{t('wardAdmin.toWard')}</a>
        </p>
      </Show>
      <Show when={state() === 'offline'}>
        <p class="notice" role="alert">{t('audit.offline')}</p>
      </Show>
      <Show when={state() === 'ready'}>
        <Show when={entries().length > 0} fallback={<p>{t('audit.empty')}</p>}>
          <ol class="audit-list">
            <For each={entries()}>{(entry) => <EntryView entry={entry} />}</For>
          </ol>
        </Show>
        <Show when={nextBefore() !== null}>
          <button type="button" class="button audit-more" onClick={() => void load(true)}>
            {t('audit.older')}
          </button>
        </Show>
      </Show>
    </div>
  );
}
