import { createEffect, createSignal, Match, on, Show, Switch } from 'solid-js';
import type { CompiledLesson } from '../../../shared/content/schema.ts';
import { t } from '../i18n/index.ts';
import { LessonSteps } from './lesson-steps.tsx';
import { QuizView } from './quiz-view.tsx';
import { arrangeQuiz, newSeed, type ArrangedQuestion } from './quiz-order.ts';
import { LessonComplete, type CourseFinished, type SaveState } from './lesson-complete.tsx';
import { PracticeScreen } from '../practice/practice-screen.tsx';
import { savedReadingPosition, saveReadingPosition } from './reading-position.ts';

type Phase =
  | { kind: 'read'; position: number }
  | { kind: 'practice' }
  | { kind: 'quiz'; quiz: ArrangedQuestion[] }
  | { kind: 'done'; right: number; save: SaveState };

export interface LessonResult {
  score: number;
  durationSec: number;
}

/**
 * Plays one lesson: reading screens, quiz, completed screen. The completion is
 * saved through `onComplete`; the completed screen says "saved" only once it
 * is stored on the phone.
 */
export function LessonPlayer(props: {
  lesson: CompiledLesson;
  title: string;
  courseHref: string;
  nextLessonHref: string | null;
  onComplete: (result: LessonResult) => Promise<void>;
  /** Guide mode plays lessons for an assisted learner: its own "back" label, and no resident sync line. */
  backLabel?: string;
  showSyncStatus?: boolean;
  /** Set to reopen the lesson where the reader stopped (see reading-position.ts). */
  resumeKey?: string;
  /** The course, once this completion finished it: the completed screen says so. */
  courseFinished?: CourseFinished | null;
  /** In a guide's session everyone sees the same quiz (first phrasing, authored order); alone, each attempt draws anew. */
  fixedQuiz?: boolean;
  /** The course, so a screen plays a guide's downloaded recording (step-audio.ts). */
  courseId?: string;
}) {
  const startedAt = Date.now();
  const lastPosition = () => props.lesson.steps.length + 1;
  const resumeAt = props.resumeKey ? Math.min(savedReadingPosition(props.resumeKey), lastPosition()) : 0;
  const [phase, setPhase] = createSignal<Phase>({ kind: 'read', position: resumeAt });
  let heading: HTMLHeadingElement | undefined;
  const setHeading = (el: HTMLHeadingElement) => (heading = el);

  // Each new screen starts at the top with focus on its heading.
  const screen = () => {
    const p = phase();
    return p.kind === 'read' ? `read-${p.position}` : p.kind;
  };
  createEffect(
    on(
      screen,
      () => {
        window.scrollTo(0, 0);
        heading?.focus();
      },
      { defer: true },
    ),
  );

  // Remember the reading screen; a reader who left from the practice or the
  // quiz comes back to the remember box just before it.
  createEffect(() => {
    const p = phase();
    if (!props.resumeKey) return;
    saveReadingPosition(props.resumeKey, p.kind === 'read' ? p.position : p.kind === 'done' ? 0 : lastPosition());
  });

  const total = () => props.lesson.quiz.length;
  const scoreOf = (right: number) => (total() === 0 ? 100 : Math.round((100 * right) / total()));
  const position = () => {
    const p = phase();
    return p.kind === 'read' ? Math.min(p.position, lastPosition()) : 0;
  };

  async function finish(right: number) {
    setPhase({ kind: 'done', right, save: 'saving' });
    try {
      await props.onComplete({ score: scoreOf(right), durationSec: Math.round((Date.now() - startedAt) / 1000) });
      setPhase({ kind: 'done', right, save: 'saved' });
    } catch {
      setPhase({ kind: 'done', right, save: 'failed' });
    }
  }

  // Each attempt at the quiz is laid out afresh (quiz-order.ts).
  const startQuiz = () => setPhase({ kind: 'quiz', quiz: arrangeQuiz(props.lesson.quiz, props.fixedQuiz ? { kind: 'fixed' } : { kind: 'shuffled', seed: newSeed() }) });
  const quiz = () => {
    const p = phase();
    return p.kind === 'quiz' ? p.quiz : null;
  };

  const done = () => {
    const p = phase();
    return p.kind === 'done' ? p : null;
  };

  return (
    <article class="lesson">
      <h1>{props.title}</h1>
      <Switch>
        <Match when={phase().kind === 'read'}>
          <LessonSteps
            lesson={props.lesson}
            position={position()}
            courseId={props.courseId}
            headingRef={setHeading}
            onBack={() => setPhase({ kind: 'read', position: Math.max(0, position() - 1) })}
            onNext={() => setPhase({ kind: 'read', position: position() + 1 })}
            onStartQuiz={startQuiz}
            onStartPractice={() => setPhase({ kind: 'practice' })}
          />
        </Match>
        {/* A lesson with a practice reaches its quiz only through the practice screen. */}
        <Match when={phase().kind === 'practice' && props.lesson.practice}>
          {(practice) => (
            <PracticeScreen
              practice={practice()}
              headingRef={setHeading}
              onBack={() => setPhase({ kind: 'read', position: lastPosition() })}
              onStartQuiz={startQuiz}
            />
          )}
        </Match>
        <Match when={quiz()}>{(q) => <QuizView quiz={q()} onFinish={(n) => void finish(n)} />}</Match>
        <Match when={done()}>
          {(d) => (
            <LessonComplete
              score={scoreOf(d().right)}
              right={d().right}
              total={total()}
              save={d().save}
              onRetrySave={() => void finish(d().right)}
              courseHref={props.courseHref}
              nextLessonHref={props.nextLessonHref}
              backLabel={props.backLabel}
              showSyncStatus={props.showSyncStatus}
              courseFinished={props.courseFinished}
              headingRef={setHeading}
            />
          )}
        </Match>
      </Switch>
      <Show when={phase().kind === 'read' && position() === 0 && props.lesson.sources.length > 0}>
        <details class="sources">
          <summary>{t('lesson.sources')}</summary>
          <ul>
            {props.lesson.sources.map((s) => (
              <li innerHTML={s} />
            ))}
          </ul>
        </details>
      </Show>
    </article>
  );
}
