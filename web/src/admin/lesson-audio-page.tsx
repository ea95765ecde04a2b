// /ward/audio: the Culture-Social Office (reviewer) and admins listen to the
// lesson screens guides recorded and approve or reject each one. Only approved
// recordings reach residents' phones; a decision can be changed later (an
// approved recording rejected is withdrawn). Every decision is audited.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { StaffUser } from '../../../shared/api.ts';
import type { Recording, RecordingStatus } from '../../../shared/lesson-audio/schema.ts';
import { StaffGate } from '../account/staff-gate.tsx';
import { useStores } from '../app/app-stores.tsx';
import { language, t } from '../i18n/index.ts';
import { registerStrings } from '../i18n/lazy-strings.ts';
import { staffRequest, withQuery } from '../net/http.ts';
import vi from '../i18n/vi/lazy/lessonAudio.json';
import en from '../i18n/en/lazy/lessonAudio.json';
import '../styles/unit-log.css';
import { apiUrl } from '../net/api-base.ts';

registerStrings('lessonAudio', { vi, en });

const API = '/api/v1/lesson-audio';
const OFFICE: ReadonlyArray<StaffUser['role']> = ['reviewer', 'admin'];

export default function LessonAudioPage() {
  return (
    <div class="unit-log">
      <h1>{t('lessonAudio.title')}</h1>
      <StaffGate roles={OFFICE} strings="lessonAudio">
        <Review />
      </StaffGate>
    </div>
  );
}

function Review() {
  const { content } = useStores();
  const [status, setStatus] = createSignal<RecordingStatus>('submitted');
  const [list, { refetch }] = createResource(status, (s) => staffRequest<{ recordings: Recording[] }>(withQuery(`${API}/recordings`, { status: s })));
  const [failed, setFailed] = createSignal(false);
  const lessonTitle = (r: Recording) => {
    const c = content.course(r.courseId);
    const l = c?.lessons.find((x) => x.id === r.lessonId);
    return `${c?.title[language()] ?? r.courseId} › ${l?.title[language()] ?? r.lessonId}`;
  };
  const screen = (r: Recording) => {
    const l = content.course(r.courseId)?.lessons.find((x) => x.id === r.lessonId);
    if (r.step === 0) return t('lessonAudio.screenGoal');
    if (l && r.step > l.stepCount) return t('lessonAudio.screenRemember');
    return t('lessonAudio.screenStep', { step: r.step });
  };
  async function decide(r: Recording, action: 'approve' | 'reject') {
    setFailed(false);
    try {
      await staffRequest<Recording>(`${API}/recordings/${r.id}/${action}`, { method: 'POST', json: {} });
      await refetch();
    } catch {
      setFailed(true);
    }
  }
  return (
    <>
      <p>{t('lessonAudio.intro')}</p>
      <form class="unit-log-filter" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('lessonAudio.show')}
          <select name="status" value={status()} onChange={(e) => setStatus(e.currentTarget.value as RecordingStatus)} data-testid="lesson-audio-status">
            <For each={['submitted', 'approved', 'rejected'] as const}>{(s) => <option value={s}>{t(`lessonAudio.status.${s}`)}</option>}</For>
          </select>
        </label>
      </form>
      <Show when={failed()}>
        <p class="notice" role="alert">{t('lessonAudio.failed')}</p>
      </Show>
      <Show when={!list.error} fallback={<p class="notice" role="alert">{t('lessonAudio.failed')}</p>}>
        <Show when={(list.latest?.recordings.length ?? 0) > 0} fallback={<p>{list.loading ? t('lessonAudio.loading') : t('lessonAudio.none')}</p>}>
          <ul class="unit-log-list">
            <For each={list.latest?.recordings ?? []}>
              {(r) => (
                <li data-testid="lesson-audio-item">
                  <h2>{lessonTitle(r)}</h2>
                  <p>
                    {screen(r)} · {r.lang === 'vi' ? 'Tiếng Việt' : 'English'} · {t('lessonAudio.seconds', { count: r.durationSec })} · {r.guide} ·{' '}
                    {new Date(r.recordedAt).toLocaleString()}
                  </p>
                  <audio controls preload="none" src={apiUrl(`${API}/recordings/${r.id}/audio`)} data-testid="lesson-audio-player" />
                  <p class="muted">{t(`lessonAudio.status.${r.status}`)}</p>
                  <div class="nav-buttons">
                    <Show when={r.status !== 'approved'}>
                      <button type="button" class="button" data-testid="lesson-audio-approve" onClick={() => void decide(r, 'approve')}>
                        {t('lessonAudio.approve')}
                      </button>
                    </Show>
                    <Show when={r.status !== 'rejected'}>
                      <button type="button" class="button secondary" data-testid="lesson-audio-reject" onClick={() => void decide(r, 'reject')}>
                        {t('lessonAudio.reject')}
                      </button>
                    </Show>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </>
  );
}
