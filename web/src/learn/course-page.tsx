import { createEffect, For, on, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { language, t } from '../i18n/index.ts';
import { useStores } from '../app/app-stores.tsx';
import { ProgressBar } from './progress-bar.tsx';
import { LoadState } from './load-state.tsx';
import { CourseExtras } from './course-extras.tsx';
import { CourseAudioPanel } from './course-audio-panel.tsx';
import { skillLine } from './skill-name.ts';
import NotFoundPage from '../app/not-found-page.tsx';

export default function CoursePage() {
  const params = useParams<{ courseId: string }>();
  const { content, progress } = useStores();
  const course = () => content.course(params.courseId);

  // While the resident reads the list, fetch the lesson screen's code and this
  // course's lessons (after the list has painted), so a tap opens a lesson
  // without waiting for either.
  createEffect(
    on([() => course()?.id, language], ([courseId, lang]) => {
      if (!courseId) return;
      requestAnimationFrame(() =>
        setTimeout(() => {
          void import('./lesson-page.tsx').catch(() => undefined); // offline and never cached: the lesson route says so itself
          content.preloadCourse(courseId, lang);
        }, 0),
      );
    }),
  );

  return (
    <Show
      when={course()}
      fallback={
        <Show when={content.index()} fallback={<LoadState isLoading={content.isLoading()} error={content.loadError()} onRetry={content.reload} />}>
          <NotFoundPage />
        </Show>
      }
    >
      {(c) => (
        <>
          <nav aria-label={t('app.breadcrumb')} class="breadcrumb">
            <A href="/">← {t('course.allCourses')}</A>
          </nav>
          <h1>{c().title[language()]}</h1>
          <p class="tag" data-testid="course-skill">{skillLine(c().skill)}</p>
          <p class="lead">{c().summary[language()]}</p>
          <ProgressBar done={progress.doneCount(c().id)} total={c().lessons.length} />
          <CourseExtras course={c()} />
          <CourseAudioPanel courseId={c().id} />
          <h2>{t('course.lessons')}</h2>
          <ol class="lesson-list">
            <For each={c().lessons}>
              {(lesson, i) => {
                const status = () => progress.status(c().id, lesson.id);
                return (
                  <li>
                    <A
                      href={`/courses/${c().id}/lessons/${lesson.id}`}
                      class="card lesson-link"
                      data-testid={`lesson-${lesson.id}`}
                      data-status={status()}
                    >
                      <span class="lesson-mark" aria-hidden="true">
                        {status() === 'completed' ? '✓' : i() + 1}
                      </span>
                      <span class="lesson-text">
                        <span class="lesson-title">{lesson.title[language()]}</span>
                        <span class="muted">
                          {t('course.minutes', { count: lesson.minutes })}
                          {' · '}
                          {t(`course.status.${status()}`)}
                        </span>
                      </span>
                    </A>
                  </li>
                );
              }}
            </For>
          </ol>
        </>
      )}
    </Show>
  );
}
