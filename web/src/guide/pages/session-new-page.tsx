import { createSignal, For, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { t, language } from '../../i18n/index.ts';
import { useStores } from '../../app/app-stores.tsx';
import { GuideShell } from '../guide-shell.tsx';
import { useGuide } from '../guide-store.ts';

/** "YYYY-MM-DDTHH:mm" in the phone's local time, for datetime-local inputs. */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** Creating a session works offline: code and QR are made on the phone. */
export default function SessionNewPage() {
  const guide = useGuide();
  const { content } = useStores();
  const navigate = useNavigate();
  const [title, setTitle] = createSignal('');
  const [groupId, setGroupId] = createSignal('');
  const [place, setPlace] = createSignal('');
  const [startsAt, setStartsAt] = createSignal(localInput(new Date()));
  const [duration, setDuration] = createSignal(120);
  const [courses, setCourses] = createSignal<string[]>([]);
  const [problem, setProblem] = createSignal('');
  const group = () => groupId() || guide.me()?.groups[0]?.id || '';

  return (
    <GuideShell title={t('guide.newSession')} back>
      <form
        class="guide-card guide-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (courses().length === 0) return setProblem(t('guide.form.needCourse'));
          const session = await guide.repo.createSession(guide.identity(), {
            title: title().trim(),
            groupId: group(),
            place: place().trim(),
            startsAt: new Date(startsAt()).toISOString(),
            durationMin: duration(),
            courses: courses(),
          });
          void guide.syncNow();
          navigate(`/guide/sessions/${session.id}`);
        }}
      >
        <label>
          {t('guide.form.title')}
          <input name="title" required maxlength="120" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label>
          {t('guide.form.group')}
          <select name="group" value={group()} onChange={(e) => setGroupId(e.currentTarget.value)}>
            <For each={guide.me()?.groups ?? []}>{(g) => <option value={g.id}>{g.name}</option>}</For>
          </select>
        </label>
        <label>
          {t('guide.form.place')}
          <input name="place" required maxlength="160" value={place()} onInput={(e) => setPlace(e.currentTarget.value)} />
        </label>
        <label>
          {t('guide.form.startsAt')}
          <input name="startsAt" type="datetime-local" required value={startsAt()} onInput={(e) => setStartsAt(e.currentTarget.value)} />
        </label>
        <label>
          {t('guide.form.duration')}
          <input name="duration" type="number" min="15" max="720" step="15" required value={duration()} onInput={(e) => setDuration(Number(e.currentTarget.value))} />
        </label>
        <fieldset>
          <legend>{t('guide.form.courses')}</legend>
          <For each={content.courses()}>
            {(c) => (
              <label class="check">
                <input
                  type="checkbox"
                  name="course"
                  value={c.id}
                  checked={courses().includes(c.id)}
                  onChange={(e) => setCourses(e.currentTarget.checked ? [...courses(), c.id] : courses().filter((id) => id !== c.id))}
                />
                {c.title[language()]}
              </label>
            )}
          </For>
        </fieldset>
        <Show when={problem()}>
          <p class="notice" role="alert">{problem()}</p>
        </Show>
        <button type="submit" class="button" data-testid="guide-create-session">{t('guide.form.create')}</button>
      </form>
    </GuideShell>
  );
}
