// /admin/news: the news desk. A unit officer writes their unit's items and
// sends them for approval; the reviewer (VH-XH) and admins approve, publish
// and take down. Office code: it needs the server, so it is not precached.
import { createSignal, For, onMount, Show } from 'solid-js';
import type { StaffUser } from '../../../../shared/api.ts';
import { STORY_STATUSES, type StoryStatus } from '../../../../shared/news/constants.ts';
import type { Story, StoryInput } from '../../../../shared/news/schema.ts';
import type { Unit } from '../../../../shared/plans/schema.ts';
import { accountApi } from '../../account/account-api.ts';
import { formatTime, t } from '../../i18n/index.ts';
import { errorText } from '../../net/error-message.ts';
import { HttpError } from '../../net/http.ts';
import { AdminNav } from '../admin-nav.tsx';
import { newsDeskApi, type StoryStep } from './news-desk-api.ts';
import { DESK_ERRORS, NewsEditor } from './news-editor.tsx';
import './strings.ts';
import '../../styles/ward-admin.css';
import '../../styles/news.css';
import '../../styles/news-desk.css';

type DeskState = 'loading' | 'login' | 'ready' | 'forbidden' | 'offline';

/** The steps this staff member may take on a story now. */
export function stepsFor(me: StaffUser, story: Story): StoryStep[] {
  const office = me.role === 'reviewer' || me.role === 'admin';
  switch (story.status) {
    case 'draft':
      return ['submit'];
    case 'submitted':
      return office ? ['approve'] : [];
    case 'approved':
    case 'unpublished':
      return office ? ['publish'] : [];
    case 'published':
      return office ? ['unpublish'] : [];
  }
}
const editable = (me: StaffUser, s: Story) => s.status !== 'published' && (me.role !== 'unit' || s.status === 'draft' || s.status === 'submitted');

export default function NewsDeskPage() {
  const [state, setState] = createSignal<DeskState>('loading');
  const [me, setMe] = createSignal<StaffUser | null>(null);
  const [stories, setStories] = createSignal<Story[]>([]);
  const [units, setUnits] = createSignal<Unit[]>([]);
  const [filter, setFilter] = createSignal<StoryStatus | ''>('');
  // undefined: no form open; null: a new story.
  const [open, setOpen] = createSignal<Story | null | undefined>(undefined);
  const [problem, setProblem] = createSignal('');

  const reload = async () => setStories(await newsDeskApi.list(filter() || undefined));
  async function start() {
    try {
      const { user } = await accountApi.me();
      if (user.role === 'guide') return void setState('forbidden');
      setMe(user);
      if (user.role !== 'unit') setUnits(await newsDeskApi.units());
      await reload();
      setState('ready');
    } catch (err) {
      setState(err instanceof HttpError ? (err.status === 401 ? 'login' : 'forbidden') : 'offline');
    }
  }
  onMount(() => void start());

  async function save(input: StoryInput) {
    const current = open();
    const saved = current ? await newsDeskApi.update(current.id, input) : await newsDeskApi.create(input);
    setOpen(saved);
    await reload();
  }
  async function step(story: Story, action: StoryStep) {
    setProblem('');
    try {
      await newsDeskApi.step(story.id, action);
      await reload();
    } catch (err) {
      setProblem(errorText(err, DESK_ERRORS));
    }
  }

  return (
    <div class="ward-admin news-desk">
      <Show when={me()?.role === 'admin'}>
        <AdminNav />
      </Show>
      <h1>{t('newsDesk.title')}</h1>
      <p>{t('newsDesk.intro')}</p>
      <Show when={state() === 'loading'}>
        <p role="status">{t('newsDesk.loading')}</p>
      </Show>
      <Show when={state() === 'offline'}>
        <p class="notice" role="alert">{t('newsDesk.offline')}</p>
      </Show>
      <Show when={state() === 'forbidden'}>
        <p class="notice" role="alert">{t('newsDesk.forbidden')}</p>
      </Show>
      <Show when={state() === 'login'}>
        <LoginForm onDone={() => void start()} />
      </Show>
      <Show when={state() === 'ready' && me()}>
        {(user) => (
          <>
            <Show when={open() !== undefined}>
              <NewsEditor story={open() ?? null} units={units()} onSave={save} onClose={() => setOpen(undefined)} />
            </Show>
            <section class="admin-card" data-testid="news-desk-list">
              <div class="news-desk-bar">
                <button type="button" class="button" data-testid="news-new" onClick={() => (setOpen(undefined), setOpen(null))}>
                  {t('newsDesk.new')}
                </button>
                <label>
                  {t('newsDesk.filter')}
                  <select
                    name="status"
                    value={filter()}
                    onChange={(e) => {
                      setFilter(e.currentTarget.value as StoryStatus | '');
                      void reload();
                    }}
                  >
                    <option value="">{t('newsDesk.all')}</option>
                    <For each={STORY_STATUSES}>{(s) => <option value={s}>{t(`newsDesk.statuses.${s}`)}</option>}</For>
                  </select>
                </label>
              </div>
              <Show when={problem()}>
                <p class="notice" role="alert">
                  {problem()}
                </p>
              </Show>
              <Show when={stories().length > 0} fallback={<p>{t('newsDesk.none')}</p>}>
                <ul class="news-desk-list">
                  <For each={stories()}>
                    {(story) => (
                      <li data-testid="news-desk-item" data-status={story.status}>
                        <div class="news-desk-head">
                          <span class={`badge status-${story.status}`}>{t(`newsDesk.statuses.${story.status}`)}</span>
                          <span class="tag">{t(`newsDesk.kinds.${story.kind}`)}</span>
                        </div>
                        <strong>{story.title}</strong>
                        <span class="news-meta">
                          {story.unitName ? `${story.unitName} · ` : ''}
                          {t('newsDesk.by', { name: story.authorName, time: formatTime(story.updatedAt) })}
                        </span>
                        <div class="news-desk-actions">
                          <Show when={editable(user(), story)}>
                            <button type="button" class="button secondary" onClick={() => (setOpen(undefined), setOpen(story))}>
                              {t('newsDesk.edit')}
                            </button>
                          </Show>
                          <For each={stepsFor(user(), story)}>
                            {(action) => (
                              <button type="button" class="button" data-testid={`news-step-${action}`} onClick={() => void step(story, action)}>
                                {t(`newsDesk.steps.${action}`)}
                              </button>
                            )}
                          </For>
                          <Show when={story.status === 'published'}>
                            <a href={`/tin/${story.id}`}>{t('newsDesk.view')}</a>
                          </Show>
                        </div>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </>
        )}
      </Show>
    </div>
  );
}

function LoginForm(props: { onDone: () => void }) {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [problem, setProblem] = createSignal('');
  return (
    <form
      class="admin-card"
      onSubmit={async (e) => {
        e.preventDefault();
        setProblem('');
        try {
          await accountApi.login(username().trim(), password());
          props.onDone();
        } catch (err) {
          setProblem(errorText(err, { offline: 'newsDesk.offline', failed: 'newsDesk.loginFailed' }));
        }
      }}
    >
      <h2>{t('newsDesk.loginTitle')}</h2>
      <label>
        {t('newsDesk.username')}
        <input name="username" autocomplete="username" required value={username()} onInput={(e) => setUsername(e.currentTarget.value)} />
      </label>
      <label>
        {t('newsDesk.password')}
        <input name="password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <Show when={problem()}>
        <p class="notice" role="alert">
          {problem()}
        </p>
      </Show>
      <button type="submit" class="button" data-testid="news-login">
        {t('newsDesk.login')}
      </button>
    </form>
  );
}
