import { createResource, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { OUTCOMES, PLATFORM_CONFIRMED_OUTCOME } from '../../../../shared/guide/constants.ts';
import { language, t } from '../../i18n/index.ts';
import { useStores } from '../../app/app-stores.tsx';
import { useGuide } from '../guide-store.ts';
import { ConfirmAction } from './confirm-action.tsx';

/** What a guide records for one learner present in person: finished lessons
 * (assisted learners only) and confirmed real-world outcomes. Each record is
 * asked for once more (it cannot be taken back) and then said on screen. */
export function LearnerActions(props: { learnerId: string; who: string; sessionId: string | null; courses: string[]; assisted: boolean; onChange: () => void }) {
  const guide = useGuide();
  const { content } = useStores();
  const [version, setVersion] = createSignal(0);
  const [records] = createResource(version, () => guide.repo.recordsOf(props.learnerId));
  const courses = () =>
    content
      .courses()
      .filter((c) => props.courses.includes(c.id))
      .map((c) => ({
        title: c.title[language()],
        lessons: c.lessons.map((l) => ({ key: `${c.id}/${l.id}`, courseId: c.id, lessonId: l.id, version: c.version, title: l.title[language()] })),
      }));
  const lessons = () => courses().flatMap((c) => c.lessons);
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
        <div class="guide-inline">
          <label>
            {t('guide.assisted.lesson')}
            {/* Lessons grouped under their course: the closed box shows the lesson, not the course. */}
            <select name="lesson" value={selected()?.key ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
              <For each={courses()}>
                {(c) => (
                  <optgroup label={c.title}>
                    <For each={c.lessons}>
                      {(l) => (
                        <option value={l.key}>
                          {done('lesson', l.key) ? '✓ ' : ''}
                          {l.title}
                        </option>
                      )}
                    </For>
                  </optgroup>
                )}
              </For>
            </select>
          </label>
          <Show when={assistHref()}>
            <A href={assistHref()} class="button" data-testid="assist-lesson">{t('guide.assist.start')}</A>
          </Show>
        </div>
        <Show when={selected()}>
          {(l) => (
            <ConfirmAction
              testid="record-lesson"
              label={t('guide.assisted.recordButton')}
              question={t('guide.assisted.recordAsk', { who: props.who, lesson: l().title })}
              yes={t('guide.assisted.recordYes')}
              done={t('guide.assisted.recorded', { lesson: l().title })}
              onConfirm={async () => {
                await guide.repo.recordLesson(guide.identity(), { learnerId: props.learnerId, sessionId: props.sessionId, courseId: l().courseId, lessonId: l().lessonId, contentVersion: l().version });
                after();
              }}
            />
          )}
        </Show>
        <p class="muted">{t('guide.assist.hint')}</p>
        <p class="muted" data-testid="assisted-done">{t('guide.assisted.done', { count: (records.latest ?? []).filter((r) => r.kind === 'lesson').length })}</p>
      </Show>
      <details>
        <summary>{t('guide.outcome.title')}</summary>
        <ul class="guide-list">
          <For each={OUTCOMES}>
            {(o) => (
              <li data-outcome={o}>
                <span>{t(`guide.outcome.names.${o}`)}</span>{' '}
                <Show when={o === PLATFORM_CONFIRMED_OUTCOME}>
                  <small class="muted" data-testid="outcome-seen-hint">
                    {t('guide.outcome.seenHint')}
                  </small>{' '}
                </Show>
                <Show when={!done('outcome', o)} fallback={<strong data-testid="outcome-confirmed">✓ {t('guide.outcome.confirmed')}</strong>}>
                  <ConfirmAction
                    testid="confirm-outcome"
                    label={t('guide.outcome.confirm')}
                    question={t('guide.outcome.ask', { who: props.who, outcome: t(`guide.outcome.names.${o}`) })}
                    yes={t('guide.outcome.yes')}
                    onConfirm={async () => {
                      await guide.repo.confirmOutcome(guide.identity(), { learnerId: props.learnerId, sessionId: props.sessionId, outcome: o });
                      after();
                    }}
                  />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </details>
    </div>
  );
}
