// /guide/audio: a guide records lesson screens in their own voice. Choose a
// lesson, go through its screens as a resident sees them, and record any of
// them (optional: a lesson without recordings reads with the phone's voice).
// Works offline: lessons are on the phone, recordings wait for the next sync.
import { createResource, createSignal, For, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { language, t } from '../../i18n/index.ts';
import { useStores } from '../../app/app-stores.tsx';
import { LessonSteps } from '../../learn/lesson-steps.tsx';
import { GuideShell } from '../guide-shell.tsx';
import { useGuide } from '../guide-store.ts';
import { AudioRecorder } from '../audio/audio-recorder.tsx';
import type { Take } from '../audio/recorder.ts';
import '../../styles/lesson.css';

export default function GuideAudioPage() {
  const params = useParams<{ courseId?: string; lessonId?: string }>();
  return (
    <GuideShell title={t('guide.audio.title')} back compact>
      <Show when={params.courseId && params.lessonId} fallback={<LessonChooser />}>
        <Show when={`${params.courseId}/${params.lessonId}`} keyed>
          <RecordLesson courseId={params.courseId!} lessonId={params.lessonId!} />
        </Show>
      </Show>
    </GuideShell>
  );
}

function LessonChooser() {
  const { content } = useStores();
  return (
    <>
      <p>{t('guide.audio.intro')}</p>
      <For each={content.courses()}>
        {(c) => (
          <details class="guide-card">
            <summary>{c.title[language()]}</summary>
            <ul class="guide-list">
              <For each={c.lessons}>
                {(l) => (
                  <li>
                    <A href={`/guide/audio/${c.id}/${l.id}`} data-testid="audio-lesson">{l.title[language()]}</A>
                  </li>
                )}
              </For>
            </ul>
          </details>
        )}
      </For>
    </>
  );
}

function RecordLesson(props: { courseId: string; lessonId: string }) {
  const guide = useGuide();
  const { content } = useStores();
  const [position, setPosition] = createSignal(0);
  const [lesson] = createResource(
    () => (content.index() ? language() : false),
    (lang) => content.loadLesson(props.courseId, props.lessonId, lang).catch(() => null),
  );
  const [kept, { refetch }] = createResource(() => guide.repo.audioOf(props.courseId, props.lessonId));
  const keptHere = () => (kept.latest ?? []).filter((a) => a.screen === `${props.courseId}/${props.lessonId}/${position()}/${language()}`);

  async function keep(take: Take) {
    const course = content.course(props.courseId);
    if (!course) throw new Error('course not loaded');
    await guide.repo.recordAudio(guide.identity(), {
      courseId: props.courseId,
      lessonId: props.lessonId,
      step: position(),
      lang: language(),
      contentVersion: course.version,
      durationSec: take.durationSec,
      sha256: take.sha256,
      type: take.type,
      blob: take.blob,
    });
    void refetch();
    void guide.syncNow();
  }

  return (
    <Show when={lesson.latest !== undefined} fallback={<p role="status">{t('app.loading')}</p>}>
      <Show when={lesson.latest} fallback={<p class="notice" role="alert">{t('guide.assist.unknownLesson')}</p>}>
        {(l) => (
          <article class="lesson">
            <h1>{l().title}</h1>
            <LessonSteps
              lesson={l()}
              position={position()}
              headingRef={() => undefined}
              onBack={() => setPosition(Math.max(0, position() - 1))}
              onNext={() => setPosition(Math.min(l().steps.length + 1, position() + 1))}
              onStartQuiz={() => setPosition(0)}
            />
            <Show when={keptHere().length > 0}>
              <p class="muted" data-testid="audio-kept">{t('guide.audio.keptHere', { count: keptHere().length })}</p>
            </Show>
            <Show when={`${position()}/${language()}`} keyed>
              <AudioRecorder onKeep={keep} />
            </Show>
          </article>
        )}
      </Show>
    </Show>
  );
}
