import { Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../i18n/index.ts';
import { SyncStatus } from './sync-status.tsx';

export type SaveState = 'saving' | 'saved' | 'failed';

/** Set when this lesson was the last one left in its course. */
export interface CourseFinished {
  title: string;
  certificateHref: string;
}

/**
 * The completed screen. It shows at once with the score; "saved on this phone"
 * appears only after the write committed, and a failed write says so.
 */
export function LessonComplete(props: {
  score: number;
  right: number;
  total: number;
  save: SaveState;
  onRetrySave: () => void;
  courseHref: string;
  nextLessonHref: string | null;
  backLabel?: string;
  showSyncStatus?: boolean;
  courseFinished?: CourseFinished | null;
  headingRef: (el: HTMLHeadingElement) => void;
}) {
  return (
    <section class="lesson-screen complete" data-testid="lesson-complete" data-save={props.save} aria-labelledby="complete-heading">
      <p class="complete-icon" aria-hidden="true">
        ★
      </p>
      <h2 id="complete-heading" tabindex="-1" ref={props.headingRef}>
        {t('lesson.completedTitle')}
      </h2>
      <p class="score" data-testid="lesson-score">
        {t('lesson.score', { score: props.score })}
      </p>
      <p>{t('lesson.scoreDetail', { right: props.right, total: props.total })}</p>
      <div role="status" aria-live="polite">
        <Switch>
          <Match when={props.save === 'saving'}>
            <p class="muted">{t('lesson.saving')}</p>
          </Match>
          <Match when={props.save === 'saved'}>
            <p class="muted">{t('lesson.savedOnPhone')}</p>
          </Match>
          <Match when={props.save === 'failed'}>
            <div class="notice">
              <p>{t('lesson.saveFailed')}</p>
              <button type="button" class="button" onClick={() => props.onRetrySave()}>
                {t('app.retry')}
              </button>
            </div>
          </Match>
        </Switch>
      </div>
      <Show when={props.save === 'saved'}>
        <Show when={props.showSyncStatus !== false}>
          <SyncStatus />
        </Show>
        <Show when={props.courseFinished}>
          {(course) => (
            <div class="callout course-finished" data-testid="course-finished">
              <p class="course-finished-title">{t('lesson.courseFinished', { course: course().title })}</p>
              <p>{t('lesson.courseFinishedHint')}</p>
              <A href={course().certificateHref} class="button" data-testid="course-finished-certificate">
                ★ {t('lesson.seeCertificate')}
              </A>
            </div>
          )}
        </Show>
        <div class="nav-buttons stacked">
          <Show when={props.nextLessonHref}>
            {(href) => (
              <A href={href()} class="button" data-testid="next-lesson">
                {t('lesson.nextLesson')} →
              </A>
            )}
          </Show>
          <A href={props.courseHref} class={props.nextLessonHref || props.courseFinished ? 'button secondary' : 'button'} data-testid="back-to-course">
            {props.backLabel ?? t('lesson.backToCourse')}
          </A>
        </div>
      </Show>
    </section>
  );
}
