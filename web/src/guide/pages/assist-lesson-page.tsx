import { createResource, Show } from 'solid-js';
import { useParams, useSearchParams } from '@solidjs/router';
import { LessonPlayer, type LessonResult } from '../../learn/lesson-player.tsx';
import { language, t } from '../../i18n/index.ts';
import { useStores } from '../../app/app-stores.tsx';
import { GuideShell } from '../guide-shell.tsx';
import { useGuide } from '../guide-store.ts';
import '../../styles/lesson.css';

/** A guide walks an assisted learner through the real lesson on the guide's
 * phone; the completion (quiz score, time) is recorded for that learner, with
 * the guide as recorder, into the guide outbox — never into the resident
 * progress of whoever owns this phone. Works offline (lessons are precached). */
export default function AssistLessonPage() {
  const guide = useGuide();
  const { content } = useStores();
  const params = useParams<{ learnerId: string; courseId: string; lessonId: string }>();
  const [search] = useSearchParams<{ session?: string }>();
  const sessionId = () => (typeof search.session === 'string' && search.session ? search.session : null);
  const routeKey = () => `${params.learnerId}/${params.courseId}/${params.lessonId}`;

  const [learner] = createResource(() => params.learnerId, (id) => guide.repo.getAssisted(id).then((a) => a ?? null));
  const [lesson] = createResource(
    () => (content.index() ? ([params.courseId, params.lessonId, language()] as const) : false),
    async ([c, l, lang]) => ({ key: `${c}/${l}`, lesson: await content.loadLesson(c, l, lang).catch(() => null) }),
  );
  const current = () => (lesson.latest?.key === `${params.courseId}/${params.lessonId}` ? lesson.latest.lesson : undefined);
  const backHref = () => (sessionId() ? `/guide/sessions/${sessionId()}` : '/guide');
  const nextHref = () => {
    const c = content.course(params.courseId);
    const next = c?.lessons[c.lessons.findIndex((l) => l.id === params.lessonId) + 1];
    return next ? `/guide/assist/${params.learnerId}/${params.courseId}/${next.id}${sessionId() ? `?session=${sessionId()}` : ''}` : null;
  };

  async function record(result: LessonResult) {
    const course = content.course(params.courseId);
    if (!course) throw new Error('course not loaded');
    await guide.repo.recordLesson(guide.identity(), {
      learnerId: params.learnerId,
      sessionId: sessionId(),
      courseId: course.id,
      lessonId: params.lessonId,
      contentVersion: course.version,
      score: result.score,
      durationSec: result.durationSec,
    });
    void guide.syncNow();
  }

  return (
    <GuideShell title={learner.latest ? t('guide.assist.for', { name: learner.latest.name }) : t('guide.title')} back compact>
      <Show when={learner.latest !== undefined && lesson.latest !== undefined} fallback={<p role="status">{t('app.loading')}</p>}>
        <Show when={learner.latest} fallback={<p class="notice" role="alert">{t('guide.assist.unknownLearner')}</p>}>
          <Show when={current()} fallback={<p class="notice" role="alert">{t('guide.assist.unknownLesson')}</p>}>
            {(l) => (
              <Show when={routeKey()} keyed>
                <LessonPlayer
                  lesson={l()}
                  title={l().title}
                  courseHref={backHref()}
                  nextLessonHref={nextHref()}
                  onComplete={record}
                  backLabel={sessionId() ? t('guide.assist.backToSession') : t('guide.assist.backToGuide')}
                  showSyncStatus={false}
                  // The guide reads the quiz out with the learner: the same questions, in the order authored.
                  fixedQuiz
                />
              </Show>
            )}
          </Show>
        </Show>
      </Show>
    </GuideShell>
  );
}
