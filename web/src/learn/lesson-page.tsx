import { createEffect, createResource, createSignal, on, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { language, t } from '../i18n/index.ts';
import { useStores } from '../app/app-stores.tsx';
import { LessonPlayer, type LessonResult } from './lesson-player.tsx';
import type { CourseFinished } from './lesson-complete.tsx';
import { LoadState } from './load-state.tsx';
import { LearnerBadge } from './learner-badge.tsx';
import NotFoundPage from '../app/not-found-page.tsx';
import '../styles/lesson.css';

export default function LessonPage() {
  const params = useParams<{ courseId: string; lessonId: string }>();
  const { content, progress } = useStores();
  const course = () => content.course(params.courseId);
  const routeKey = () => `${params.courseId}/${params.lessonId}`;

  const [loaded, { refetch }] = createResource(
    () => (content.index() ? ([params.courseId, params.lessonId, language()] as const) : false),
    async ([courseId, lessonId, lang]) => ({ key: `${courseId}/${lessonId}`, lesson: await content.loadLesson(courseId, lessonId, lang) }),
  );
  // The lesson for the current address only: while the next lesson loads, the
  // previous one must not be shown (or recorded) under the new address.
  const current = () => {
    const l = loaded.error ? undefined : loaded.latest;
    return l && l.key === routeKey() ? l : undefined;
  };

  // The first opening of a lesson is a learning fact of its own.
  createEffect(
    on(
      () => (current()?.lesson ? routeKey() : null),
      (key) => {
        if (key) void progress.startLesson({ courseId: params.courseId, lessonId: params.lessonId }).catch(() => undefined);
      },
    ),
  );

  const nextLessonHref = () => {
    const c = course();
    if (!c) return null;
    const i = c.lessons.findIndex((l) => l.id === params.lessonId);
    const next = c.lessons[i + 1];
    return next ? `/courses/${c.id}/lessons/${next.id}` : null;
  };

  // Set only by the completion that finished the course, not by a later
  // review of a lesson in a course already done.
  const [courseFinished, setCourseFinished] = createSignal<CourseFinished | null>(null);
  createEffect(on(routeKey, () => setCourseFinished(null), { defer: true }));

  const complete = async (result: LessonResult) => {
    const c = course()!;
    const wasDone = progress.doneCount(c.id) >= c.lessons.length;
    await progress.completeLesson({ courseId: c.id, lessonId: params.lessonId, contentVersion: c.version, ...result });
    if (!wasDone && progress.doneCount(c.id) >= c.lessons.length) {
      setCourseFinished({ title: c.title[language()], certificateHref: `/certificates/${c.id}` });
    }
  };

  // In a guide's session the quiz keeps one order for the whole room; read
  // from the phone's storage, loaded with it (never on the first screen).
  // Read only once ready: reading a pending resource would hold the whole
  // lesson behind Suspense until the storage code has loaded.
  const [guided] = createResource(() =>
    import('../join/join-repo.ts')
      .then((m) => m.isInGuidedSession())
      .catch(() => false),
  );

  const isMissing = () => (current() !== undefined && current()!.lesson === null) || (content.index() !== undefined && !course());

  return (
    <Show
      when={current()?.lesson}
      fallback={
        <Show
          when={isMissing()}
          fallback={<LoadState isLoading={true} error={content.loadError() ?? loaded.error} onRetry={() => (content.loadError() ? content.reload() : refetch())} />}
        >
          <NotFoundPage />
        </Show>
      }
    >
      {(lesson) => (
        <>
          <nav aria-label={t('app.breadcrumb')} class="breadcrumb">
            <A href={`/courses/${params.courseId}`}>← {course()?.title[language()]}</A>
          </nav>
          <LearnerBadge />
          {/* Keyed by address: moving to the next lesson starts a fresh player. */}
          <Show when={routeKey()} keyed>
            <LessonPlayer
              lesson={lesson()}
              title={lesson().title}
              courseHref={`/courses/${params.courseId}`}
              nextLessonHref={nextLessonHref()}
              onComplete={complete}
              resumeKey={routeKey()}
              courseId={params.courseId}
              courseFinished={courseFinished()}
              fixedQuiz={guided.state === 'ready' && guided() === true}
            />
          </Show>
        </>
      )}
    </Show>
  );
}
