import { createResource, Match, onCleanup, Show, Switch } from 'solid-js';
import type { CompiledLesson } from '../../../shared/content/schema.ts';
import { language, t } from '../i18n/index.ts';
import { storedRecording } from './step-audio.ts';
import { HtmlBlock } from './html-block.tsx';
import { ReadAloudButton } from '../a11y/read-aloud-button.tsx';
import { htmlToText } from '../a11y/speech.ts';
import '../practice/strings.ts';

/**
 * The reading part of a lesson, one screen at a time:
 * position 0 = goal and intro, 1..n = the steps, n + 1 = the remember box.
 */
export function LessonSteps(props: {
  lesson: CompiledLesson;
  position: number;
  onBack: () => void;
  onNext: () => void;
  onStartQuiz: () => void;
  /** Lessons with a practice screen go there first (see LessonPlayer). */
  onStartPractice?: () => void;
  headingRef: (el: HTMLHeadingElement) => void;
  /** The course, to find a guide's recording of the screen (step-audio.ts). */
  courseId?: string;
}) {
  const stepCount = () => props.lesson.steps.length;
  const step = () => props.lesson.steps[props.position - 1];
  const isRemember = () => props.position > stepCount();
  // What "Nghe đọc" reads: the screen's heading and text, never the buttons.
  const readable = (): string => {
    if (props.position === 0) return `${t('lesson.goal')}. ${props.lesson.goal}. ${htmlToText(props.lesson.intro)}`;
    if (isRemember()) return `${t('lesson.remember')}. ${htmlToText(props.lesson.remember)}`;
    const s = step();
    return s ? `${htmlToText(s.title)}. ${htmlToText(s.html)}` : '';
  };

  // The guide's approved recording of this screen, when the course's audio was downloaded.
  const [recording] = createResource(
    () => (props.courseId ? ([props.courseId, props.lesson.id, props.position, language()] as const) : false),
    ([courseId, lessonId, step, lang]) => storedRecording(courseId, lessonId, step, lang),
  );
  let shown: string | undefined;
  // Read only once settled: a pending resource read here would hold the screen behind Suspense.
  const recordingUrl = () => {
    const url = recording.state === 'ready' ? recording() : undefined;
    if (shown && shown !== url) URL.revokeObjectURL(shown);
    shown = url;
    return url;
  };
  onCleanup(() => shown && URL.revokeObjectURL(shown));

  return (
    <section class="lesson-screen" aria-labelledby="screen-heading">
      <ReadAloudButton recording={recordingUrl()} text={readable} what={props.position === 0 ? t('lesson.goal') : isRemember() ? t('lesson.remember') : step()?.title ? htmlToText(step()!.title) : ''} />
      <Switch>
        <Match when={props.position === 0}>
          <h2 id="screen-heading" tabindex="-1" ref={props.headingRef}>
            {t('lesson.goal')}
          </h2>
          <p class="goal">{props.lesson.goal}</p>
          <p class="muted">{t('lesson.overview', { steps: stepCount(), minutes: props.lesson.minutes })}</p>
          <Show when={props.lesson.intro}>
            <HtmlBlock class="prose" html={props.lesson.intro} />
          </Show>
        </Match>
        <Match when={isRemember()}>
          <h2 id="screen-heading" tabindex="-1" ref={props.headingRef}>
            {t('lesson.remember')}
          </h2>
          <div class="callout remember">
            <HtmlBlock class="prose" html={props.lesson.remember} />
          </div>
          <p>
            {props.lesson.practice
              ? t('practice.nextIsPractice', { count: props.lesson.quiz.length })
              : t('lesson.quizIntro', { count: props.lesson.quiz.length })}
          </p>
        </Match>
        <Match when={step()}>
          {(s) => (
            <>
              <p class="step-counter" data-testid="step-counter">
                {t('lesson.stepOf', { current: props.position, total: stepCount() })}
              </p>
              <h2 id="screen-heading" tabindex="-1" ref={props.headingRef}>
                <HtmlBlock as="span" html={s().title} />
              </h2>
              <HtmlBlock class="prose" html={s().html} />
            </>
          )}
        </Match>
      </Switch>

      <div class="nav-buttons">
        <Show when={props.position > 0}>
          <button type="button" class="button secondary" data-testid="prev-step" onClick={() => props.onBack()}>
            ← {t('lesson.back')}
          </button>
        </Show>
        <Show
          when={isRemember()}
          fallback={
            <button type="button" class="button" data-testid="next-step" onClick={() => props.onNext()}>
              {props.position === 0 ? t('lesson.begin') : t('lesson.next')} →
            </button>
          }
        >
          <Show
            when={props.lesson.practice && props.onStartPractice}
            fallback={
              <button type="button" class="button" data-testid="start-quiz" onClick={() => props.onStartQuiz()}>
                {t('lesson.startQuiz')} →
              </button>
            }
          >
            <button type="button" class="button" data-testid="start-practice" onClick={() => props.onStartPractice!()}>
              {t('practice.startPractice')} →
            </button>
          </Show>
        </Show>
      </div>
    </section>
  );
}
