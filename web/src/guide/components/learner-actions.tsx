import { createResource, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { OUTCOMES } from '../../../../shared/guide/constants.ts';
import { language, t } from '../../i18n/index.ts';
import { useStores } from '../../app/app-stores.tsx';
import { useGuide } from '../guide-store.ts';

/** What a guide records for one learner present in person: finished lessons
 * (assisted learners only) and confirmed real-world outcomes. */
export function LearnerActions(props: { learnerId: string; sessionId: string | null; courses: string[]; assisted: boolean; onChange: () => void }) {
  const guide = useGuide();
  const { content } = useStores();
  const [version, setVersion] = createSignal(0);
  const [records] = createResource(version, () => guide.repo.recordsOf(props.learnerId));
  const lessons = () =>
    content
      .courses()
      .filter((c) => props.courses.includes(c.id))
      .flatMap((c) => c.lessons.map((l) => ({ key: `${c.id}/${l.id}`, courseId: c.id, lessonId: l.id, version: c.version, title: `${c.title[language()]} — ${l.title[language()]}` })));
  const [chosen, setChosen] = createSignal('');
  const selected = () => lessons().find((x) => x.key === (chosen() || lessons()[0]?.key));
  const assistHref = () => {
    const l = selected();
    return l ? `/guide/assist/${props.learnerId}/${l.courseId}/${l.lessonId}${props.sessionId ? `?session=${props.sessionId}` : ''}` : '';
  };
  const done = (kind: 'lesson' | 'outcome', what: string) => (records.latest ?? []).some((r) => r.kind === kind && r.what === what);
  const after = () => {
    setVersion(version() + 1);
    void guide.syncNow();
    props.onChange();
  };

  return (
    <div class="learner-actions">
      <Show when={props.assisted}>
        <form
          class="guide-inline"
          onSubmit={async (e) => {
            e.preventDefault();
            const l = selected();
            if (!l) return;
            await guide.repo.recordLesson(guide.identity(), { learnerId: props.learnerId, sessionId: props.sessionId, courseId: l.courseId, lessonId: l.lessonId, contentVersion: l.version });
            after();
          }}
        >
          <label>
            {t('guide.assisted.lesson')}
            <select name="lesson" value={chosen() || lessons()[0]?.key} onChange={(e) => setChosen(e.currentTarget.value)}>
              <For each={lessons()}>
                {(l) => (
                  <option value={l.key}>
                    {done('lesson', l.key) ? '✓ ' : ''}
                    {l.title}
                  </option>
                )}
              </For>
            </select>
          </label>
          <Show when={assistHref()}>
            <A href={assistHref()} class="button" data-testid="assist-lesson">{t('guide.assist.start')}</A>
          </Show>
          <button type="submit" class="button secondary" data-testid="record-lesson">{t('guide.assisted.recordButton')}</button>
        </form>
        <p class="muted">{t('guide.assist.hint')}</p>
        <p class="muted" data-testid="assisted-done">{t('guide.assisted.done', { count: (records.latest ?? []).filter((r) => r.kind === 'lesson').length })}</p>
      </Show>
      <details>
        <summary>{t('guide.outcome.title')}</summary>
        <ul class="guide-list">
          <For each={OUTCOMES}>
            {(o) => (
              <li>
                <span>{t(`guide.outcome.names.${o}`)}</span>{' '}
                <Show when={!done('outcome', o)} fallback={<strong>✓ {t('guide.outcome.confirmed')}</strong>}>
                  <button
                    type="button"
                    class="button secondary"
                    onClick={async () => {
                      await guide.repo.confirmOutcome(guide.identity(), { learnerId: props.learnerId, sessionId: props.sessionId, outcome: o });
                      after();
                    }}
                  >
                    {t('guide.outcome.confirm')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </details>
    </div>
  );
}
