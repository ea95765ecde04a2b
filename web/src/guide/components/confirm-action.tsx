import { createSignal, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';

/**
 * A guide's tap that cannot be taken back (ending a session, recording a
 * completion or an outcome): the first tap asks, the second does it, and
 * what was done stays on screen. A record, once queued, is sent as is.
 */
export function ConfirmAction(props: {
  label: string;
  /** The question, naming what will be recorded. */
  question: string;
  yes: string;
  /** Shown after it was done. */
  done?: string;
  testid: string;
  primary?: boolean;
  onConfirm: () => Promise<unknown>;
  children?: JSX.Element;
}) {
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
      setDone(true);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <div class="confirm-action">
      <Show
        when={asking()}
        fallback={
          <button
            type="button"
            class={props.primary ? 'button' : 'button secondary'}
            data-testid={props.testid}
            onClick={() => {
              setDone(false);
              setAsking(true);
            }}
          >
            {props.label}
          </button>
        }
      >
        <div class="confirm-box" role="group" aria-label={props.question} data-testid={`${props.testid}-ask`}>
          <p><strong>{props.question}</strong></p>
          {props.children}
          <div class="guide-actions">
            <button type="button" class="button" disabled={busy()} data-testid={`${props.testid}-yes`} onClick={() => void confirm()}>{props.yes}</button>
            <button type="button" class="button secondary" data-testid={`${props.testid}-no`} onClick={() => setAsking(false)}>{t('guide.confirm.no')}</button>
          </div>
        </div>
      </Show>
      <div role="status" aria-live="polite">
        <Show when={done() && props.done}>
          <p class="notice ok" data-testid={`${props.testid}-done`}>✓ {props.done}</p>
        </Show>
      </div>
    </div>
  );
}
