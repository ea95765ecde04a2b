// On a course's page, when a guide's recordings were approved for it: download
// them once ("Tải giọng đọc") with a progress bar in bytes, then they play
// offline in the lessons' read-aloud. Nothing is shown when there are none.
import { createResource, createSignal, Show } from 'solid-js';
import { language, t } from '../i18n/index.ts';
import { registerStrings } from '../i18n/lazy-strings.ts';
import { audioOffer, downloadCourseAudio } from './course-audio.ts';
import vi from '../i18n/vi/lazy/courseAudio.json';
import en from '../i18n/en/lazy/courseAudio.json';

registerStrings('courseAudio', { vi, en });

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString()} KB`;

export function CourseAudioPanel(props: { courseId: string }) {
  const [offer, { refetch }] = createResource(() => [props.courseId, language()] as const, ([c, lang]) => audioOffer(c, lang));
  const [progress, setProgress] = createSignal<{ done: number; total: number } | null>(null);
  const [failed, setFailed] = createSignal(false);

  async function download() {
    const o = offer();
    if (!o) return;
    setFailed(false);
    try {
      await downloadCourseAudio(o.audio, language(), (done, total) => setProgress({ done, total }));
      await refetch();
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Show when={offer()?.offer.count ? offer()!.offer : undefined}>
      {(o) => (
        <section class="course-audio" data-testid="course-audio">
          <Show
            when={!o().stored}
            fallback={<p class="notice ok" data-testid="course-audio-stored">{t('courseAudio.stored', { count: o().count })}</p>}
          >
            <p>{t('courseAudio.offer', { count: o().count, size: kb(o().bytes) })}</p>
            <Show
              when={progress()}
              fallback={
                <button type="button" class="button secondary" data-testid="course-audio-download" onClick={() => void download()}>
                  {t('courseAudio.download')}
                </button>
              }
            >
              {(p) => (
                <div class="progress" role="status">
                  <progress max={Math.max(p().total, 1)} value={p().done} aria-label={t('courseAudio.progressLabel')} data-testid="course-audio-progress" />
                  <span data-testid="course-audio-bytes">{t('courseAudio.progress', { done: kb(p().done), total: kb(p().total) })}</span>
                </div>
              )}
            </Show>
            <Show when={failed()}>
              <p class="notice" role="alert">{t('courseAudio.failed')}</p>
            </Show>
          </Show>
        </section>
      )}
    </Show>
  );
}
