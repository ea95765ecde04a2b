import { createSignal, Show } from 'solid-js';
import { t } from '../i18n/index.ts';

/** The phone's share sheet (Web Share API); where it is missing, copies the link and says so. */
export function ShareButton(props: { url: string; title: string; text: string; label?: string; testId?: string }) {
  const [note, setNote] = createSignal<string | null>(null);
  const share = async () => {
    setNote(null);
    if (navigator.share) {
      try {
        return await navigator.share({ url: props.url, title: props.title, text: props.text });
      } catch (err) {
        if ((err as Error).name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(props.url);
      setNote(t('share.copied'));
    } catch {
      setNote(t('share.copyFailed', { url: props.url }));
    }
  };
  return (
    <div class="share">
      <button type="button" class="button secondary" onClick={() => void share()} data-testid={props.testId ?? 'share'}>
        {props.label ?? t('share.share')}
      </button>
      <p role="status" aria-live="polite" class="muted">
        <Show when={note()}>{note()}</Show>
      </p>
    </div>
  );
}
