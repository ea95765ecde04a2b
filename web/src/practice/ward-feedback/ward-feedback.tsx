import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { ChoiceList, Feedback, focusStage, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import { findPersonalData } from '../personal-data.ts';
import type { SimulatorProps } from '../registry.ts';
import vi from '../../i18n/vi/lazy/practiceFeedback.json';
import en from '../../i18n/en/lazy/practiceFeedback.json';

registerStrings('practiceFeedback', { vi, en });

type Stage = 'where' | 'form' | 'confirm' | 'receipt';
const TOPICS = ['street', 'environment', 'other'] as const;
const FILES = ['photo', 'none', 'idCard'] as const;
export const DUMMY_PHONE = '0000 000 000';
export const RECEIPT_CODE = 'PA-GIA-000456';
const MIN_LENGTH = 20;
const k = (key: string) => t(`practiceFeedback.${key}`);

/** The form's problem, as the text to show, or null when it can be sent. */
export function checkFeedback(content: string, file: string): string | null {
  const text = content.trim();
  const kind = findPersonalData(text, { allow: [DUMMY_PHONE, DUMMY_PHONE.replace(/ /g, '')] });
  if (kind) return t(`practice.personal.${kind}`);
  if (text.length < MIN_LENGTH) return k('errors.short');
  if (!file) return k('errors.file');
  if (file === 'idCard') return k('errors.idCard');
  return null;
}

/**
 * A mock ward feedback channel: choose the official form (not a public
 * comment, not a stranger who offers to "help"), pick a topic, write, attach
 * only the sample photo, confirm, and keep the receipt code.
 */
export default function WardFeedback(props: SimulatorProps) {
  const [stage, setStage] = createSignal<Stage>('where');
  const [verdict, setVerdict] = createSignal<Verdict>(null);
  const [topic, setTopic] = createSignal<string>(TOPICS[0]);
  const [content, setContent] = createSignal('');
  const [file, setFile] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const go = (s: Stage) => (setVerdict(null), setStage(s), focusStage());

  function chooseWhere(id: string) {
    setVerdict({ ok: id === 'form', text: k(`where.${id}`) });
    if (id === 'form') (setStage('form'), focusStage());
  }

  function review(e: Event) {
    e.preventDefault();
    const problem = checkFeedback(content(), file());
    setError(problem);
    if (problem) return document.getElementById('feedback-content')?.focus();
    go('confirm');
  }

  function send() {
    go('receipt');
    props.onDone();
  }

  return (
    <div class="simulator" data-testid="sim-ward-feedback" data-stage={stage()}>
      <TaskCard>
        <p>{k('task')}</p>
      </TaskCard>
      <MockPhone app={k('app')}>
        <Switch>
          <Match when={stage() === 'where'}>
            <p class="mock-title">{k('whereQuestion')}</p>
            <ChoiceList testidPrefix="feedback-where" onChoose={chooseWhere} options={['comment', 'form', 'stranger'].map((id) => ({ id, label: k(`whereChoice.${id}`) }))} />
          </Match>
          <Match when={stage() === 'form'}>
            <h3 class="stage-focus" tabindex="-1">
              {k('formTitle')}
            </h3>
            <form novalidate onSubmit={review}>
              <div class="field">
                <label for="feedback-topic">{k('topic')}</label>
                <select id="feedback-topic" data-testid="feedback-topic" value={topic()} onChange={(e) => setTopic(e.currentTarget.value)}>
                  <For each={TOPICS}>{(id) => <option value={id}>{k(`topics.${id}`)}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for="feedback-content">{k('content')}</label>
                <p class="muted" id="feedback-hint">
                  {k('contentHint')}
                </p>
                <textarea
                  id="feedback-content"
                  data-testid="feedback-content"
                  rows="4"
                  value={content()}
                  aria-invalid={error() !== null}
                  aria-describedby={error() ? 'feedback-hint feedback-error' : 'feedback-hint'}
                  onInput={(e) => setContent(e.currentTarget.value)}
                />
              </div>
              <fieldset class="field">
                <legend>{k('file')}</legend>
                <For each={FILES}>
                  {(id) => (
                    <label class="radio">
                      <input type="radio" name="feedback-file" value={id} data-testid={`feedback-file-${id}`} checked={file() === id} onChange={() => setFile(id)} />
                      {k(`files.${id}`)}
                    </label>
                  )}
                </For>
              </fieldset>
              <dl class="mock-fields">
                <dt>{k('sender')}</dt>
                <dd>NGUYỄN VĂN A</dd>
                <dt>{k('phone')}</dt>
                <dd>{DUMMY_PHONE}</dd>
              </dl>
              <Show when={error()}>
                <p class="field-error" id="feedback-error" role="alert" data-testid="feedback-error">
                  <span aria-hidden="true">✗ </span>
                  {error()}
                </p>
              </Show>
              <button type="submit" class="button" data-testid="feedback-review">
                {k('review')}
              </button>
            </form>
          </Match>
          <Match when={stage() === 'confirm'}>
            <h3 class="stage-focus" tabindex="-1">
              {k('confirmTitle')}
            </h3>
            <dl class="mock-fields" data-testid="feedback-summary">
              <dt>{k('topic')}</dt>
              <dd>{k(`topics.${topic()}`)}</dd>
              <dt>{k('content')}</dt>
              <dd>{content().trim()}</dd>
              <dt>{k('file')}</dt>
              <dd>{k(`files.${file()}`)}</dd>
            </dl>
            <div class="nav-buttons">
              <button type="button" class="button secondary" data-testid="feedback-edit" onClick={() => go('form')}>
                {k('edit')}
              </button>
              <button type="button" class="button" data-testid="feedback-send" onClick={send}>
                {k('send')}
              </button>
            </div>
          </Match>
          <Match when={stage() === 'receipt'}>
            <div class="mock-receipt" data-testid="feedback-receipt">
              <h3 class="stage-focus" tabindex="-1">
                <span aria-hidden="true">✓ </span>
                {k('receiptTitle')}
              </h3>
              <p>{k('receiptCode')}:</p>
              <p class="mock-code" data-testid="feedback-code">
                <strong>{RECEIPT_CODE}</strong>
              </p>
              <p>{k('receiptNote')}</p>
            </div>
          </Match>
        </Switch>
      </MockPhone>
      <Feedback verdict={verdict()} />
    </div>
  );
}
