import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import type { PracticeId } from '../../../shared/content/practice.ts';
import { t } from '../i18n/index.ts';
import { SIMULATORS } from './registry.ts';
import './strings.ts';
import '../styles/practice.css';

/**
 * The practice part of a lesson, between the remember box and the quiz. The
 * quiz button appears only once the simulator reports the task finished:
 * finishing the practice is part of finishing the lesson.
 */
export function PracticeScreen(props: {
  practice: PracticeId;
  headingRef: (el: HTMLHeadingElement) => void;
  onBack: () => void;
  onStartQuiz: () => void;
}) {
  // A plain resource rather than lazy() + <Suspense>: Suspense would add its
  // code to the shared Solid chunk every screen (home included) downloads.
  const [simulator] = createResource(() => props.practice, (id) => SIMULATORS[id]());
  const [isDone, setDone] = createSignal(false);
  let doneHeading: HTMLHeadingElement | undefined;

  function finish() {
    setDone(true);
    doneHeading?.scrollIntoView({ block: 'center' });
    doneHeading?.focus();
  }

  return (
    <section class="lesson-screen practice" aria-labelledby="screen-heading" data-testid="practice" data-practice={props.practice}>
      <h2 id="screen-heading" tabindex="-1" ref={props.headingRef}>
        {t('practice.title')}
      </h2>
      <div class="callout practice-safe">
        <p>
          <strong>{t('practice.safeTitle')}.</strong> {t('practice.safeNote')}
        </p>
        <p>{t('practice.safeWhy')}</p>
      </div>
      <Switch fallback={<p class="muted">{t('practice.loading')}</p>}>
        <Match when={simulator.error}>
          <p class="notice" role="alert">
            {t('practice.loadFailed')}
          </p>
        </Match>
        <Match when={simulator.state === 'ready' && simulator()}>
          {(mod) => {
            const Simulator = mod().default;
            return <Simulator onDone={finish} />;
          }}
        </Match>
      </Switch>
      <Show when={isDone()}>
        <div class="callout practice-done" data-testid="practice-done">
          <h3 tabindex="-1" ref={(el) => (doneHeading = el)}>
            <span aria-hidden="true">✓ </span>
            {t('practice.doneTitle')}
          </h3>
          <p>{t('practice.doneNote')}</p>
        </div>
      </Show>
      <div class="nav-buttons">
        <button type="button" class="button secondary" data-testid="prev-step" onClick={() => props.onBack()}>
          ← {t('practice.backToLesson')}
        </button>
        <Show when={isDone()}>
          <button type="button" class="button" data-testid="start-quiz" onClick={() => props.onStartQuiz()}>
            {t('practice.startQuiz')} →
          </button>
        </Show>
      </div>
    </section>
  );
}
