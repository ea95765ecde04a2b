// Record one lesson screen: record (up to the limit), listen back, keep or
// redo. Kept recordings wait on the phone with their record and leave with
// the next sync (the file first).
import { createSignal, onCleanup, Show } from 'solid-js';
import { MAX_AUDIO_BYTES, MAX_RECORDING_SEC } from '../../../../shared/lesson-audio/audio-types.ts';
import { t } from '../../i18n/index.ts';
import { canRecord, micProblem, startRecording, type MicProblem, type Take } from './recorder.ts';

type State = { kind: 'idle' } | { kind: 'recording'; stop: () => void } | { kind: 'review'; take: Take; url: string } | { kind: 'saved' };

export function AudioRecorder(props: { onKeep: (take: Take) => Promise<void> }) {
  const [state, setState] = createSignal<State>({ kind: 'idle' });
  const [seconds, setSeconds] = createSignal(0);
  const [problem, setProblem] = createSignal<MicProblem | 'too-large' | null>(null);
  const forget = () => {
    const s = state();
    if (s.kind === 'review') URL.revokeObjectURL(s.url);
  };
  onCleanup(() => {
    const s = state();
    if (s.kind === 'recording') s.stop();
    forget();
  });

  async function record() {
    setProblem(null);
    if (!canRecord()) return setProblem('unsupported');
    setSeconds(0);
    try {
      const { stop, done } = await startRecording(setSeconds);
      setState({ kind: 'recording', stop });
      const take = await done;
      if (take.blob.size > MAX_AUDIO_BYTES) {
        setState({ kind: 'idle' });
        return setProblem('too-large');
      }
      setState({ kind: 'review', take, url: URL.createObjectURL(take.blob) });
    } catch (err) {
      setState({ kind: 'idle' });
      setProblem(err instanceof Error && err.message === 'unsupported' ? 'unsupported' : micProblem(err));
    }
  }

  async function keep(take: Take) {
    await props.onKeep(take);
    forget();
    setState({ kind: 'saved' });
  }

  const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return (
    <section class="guide-card audio-recorder" aria-live="polite">
      <Show when={problem()}>{(p) => <p class="notice" role="alert" data-testid="mic-problem">{t(`guide.audio.problem.${p()}`)}</p>}</Show>
      <Show when={state().kind === 'idle' || state().kind === 'saved'}>
        <Show when={state().kind === 'saved'}>
          <p class="notice ok" role="status" data-testid="audio-saved">{t('guide.audio.saved')}</p>
        </Show>
        <button type="button" class="button" data-testid="audio-record" onClick={() => void record()}>
          {t('guide.audio.record')}
        </button>
        <p class="muted">{t('guide.audio.limit', { minutes: MAX_RECORDING_SEC / 60 })}</p>
      </Show>
      <Show when={state().kind === 'recording' ? (state() as Extract<State, { kind: 'recording' }>) : undefined}>
        {(s) => (
          <>
            <p role="status" data-testid="audio-clock">
              {t('guide.audio.recording', { time: clock(seconds()), max: clock(MAX_RECORDING_SEC) })}
            </p>
            <button type="button" class="button" data-testid="audio-stop" onClick={() => s().stop()}>
              {t('guide.audio.stop')}
            </button>
          </>
        )}
      </Show>
      <Show when={state().kind === 'review' ? (state() as Extract<State, { kind: 'review' }>) : undefined}>
        {(s) => (
          <>
            <p>{t('guide.audio.listenBack', { time: clock(s().take.durationSec) })}</p>
            <audio controls src={s().url} data-testid="audio-listen-back" />
            <div class="nav-buttons">
              <button type="button" class="button secondary" data-testid="audio-redo" onClick={() => { forget(); void record(); }}>
                {t('guide.audio.redo')}
              </button>
              <button type="button" class="button" data-testid="audio-keep" onClick={() => void keep(s().take)}>
                {t('guide.audio.keep')}
              </button>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
