// Building blocks shared by the simulators: the mock phone frame (always
// labelled as a mock), the task card, and the right/wrong explanation box.
import { For, Show, type JSX, type ParentProps } from 'solid-js';
import { t } from '../i18n/index.ts';
import './strings.ts';

export function MockPhone(props: ParentProps<{ app: string; testid?: string }>) {
  return (
    <div class="mock-phone" data-testid={props.testid}>
      <div class="mock-bar">
        <span class="mock-app">{props.app}</span>
        <span class="mock-badge">{t('practice.mockBadge')}</span>
      </div>
      <div class="mock-body">{props.children}</div>
    </div>
  );
}

export function TaskCard(props: ParentProps) {
  return (
    <div class="task-card">
      <p class="task-label">{t('practice.task')}</p>
      {props.children}
    </div>
  );
}

export type Verdict = { ok: boolean; text: string } | null;

/**
 * Right or wrong, with the reason. The live region is always in the page so
 * screen readers announce each new verdict; the verdict is told by a word and
 * a sign, not by colour alone.
 */
export function Feedback(props: { verdict: Verdict; testid?: string }) {
  return (
    <div aria-live="polite" class="practice-feedback" data-testid={props.testid ?? 'practice-feedback'}>
      <Show when={props.verdict}>
        {(v) => (
          <div class="feedback" data-mark={v().ok ? 'right' : 'wrong'}>
            <p class="feedback-verdict">
              <span aria-hidden="true">{v().ok ? '✓ ' : '✗ '}</span>
              {v().ok ? t('practice.right') : t('practice.wrong')}
            </p>
            <p>{v().text}</p>
            <Show when={!v().ok}>
              <p class="muted">{t('practice.tryAgain')}</p>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}

export type ChoiceOption = { id: string; label: JSX.Element };

/** A question answered by tapping one of several buttons. */
export function ChoiceList(props: { options: ChoiceOption[]; onChoose: (id: string) => void; disabled?: boolean; testidPrefix: string }) {
  return (
    <ul class="choice-list">
      <For each={props.options}>
        {(o) => (
          <li>
            <button
              type="button"
              class="choice"
              data-testid={`${props.testidPrefix}-${o.id}`}
              aria-disabled={props.disabled}
              onClick={() => !props.disabled && props.onChoose(o.id)}
            >
              {o.label}
            </button>
          </li>
        )}
      </For>
    </ul>
  );
}

/**
 * After a simulator moves to its next screen, the button just pressed is
 * gone: move focus to the new screen's heading (marked `stage-focus`,
 * tabindex -1) so keyboard and screen-reader users carry on from there.
 */
export function focusStage() {
  document.querySelector<HTMLElement>('.simulator .stage-focus')?.focus();
}
