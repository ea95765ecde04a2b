import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { Feedback, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import type { SimulatorProps } from '../registry.ts';
import { checkReport, REPORT_NUMBER, SCAM } from './report-rules.ts';
import vi from '../../i18n/vi/lazy/practiceReport.json';
import en from '../../i18n/en/lazy/practiceReport.json';

registerStrings('practiceReport', { vi, en });

const k = (key: string, o?: Record<string, unknown>) => t(`practiceReport.${key}`, o);
const PERSONAL = ['idNumber', 'phone', 'otp', 'password', 'health'];

/**
 * Compose a 5656 report from the scam SMS on screen: "S <sender> <content>"
 * to 5656. The copy buttons stand in for copy and paste; the report is
 * checked before the mock "send", with what to fix named each time.
 */
export default function Report5656(props: SimulatorProps) {
  const [to, setTo] = createSignal('');
  const [body, setBody] = createSignal('');
  const [verdict, setVerdict] = createSignal<Verdict>(null);
  const [isSent, setSent] = createSignal(false);
  let bodyField: HTMLTextAreaElement | undefined;

  function paste(text: string) {
    setBody(body() && !/\s$/.test(body()) ? `${body()} ${text}` : body() + text);
    bodyField?.focus();
  }

  function send(e: Event) {
    e.preventDefault();
    const problem = checkReport(to(), body());
    if (problem) return setVerdict({ ok: false, text: PERSONAL.includes(problem) ? t(`practice.personal.${problem}`) : k(`errors.${problem}`, { sender: SCAM.sender }) });
    setVerdict({ ok: true, text: k('right') });
    setSent(true);
    props.onDone();
  }

  return (
    <div class="simulator" data-testid="sim-report-5656">
      <TaskCard>
        <p>{k('task')}</p>
        <p>
          {k('format')}: <strong class="mock-code">S &lt;{k('senderWord')}&gt; &lt;{k('contentWord')}&gt;</strong>
        </p>
      </TaskCard>
      <MockPhone app={k('app')}>
        <article class="mock-sms" aria-label={k('scamLabel')}>
          <p class="mock-sms-from">
            {k('from')}: <span data-testid="report-scam-sender">{SCAM.sender}</span>
          </p>
          <p data-testid="report-scam-text">{SCAM.text}</p>
        </article>
        <Show
          when={!isSent()}
          fallback={
            <div class="mock-receipt" data-testid="report-sent">
              <p>
                <span aria-hidden="true">✓ </span>
                {k('sent')}
              </p>
              <p class="mock-code">{body().trim()}</p>
            </div>
          }
        >
          <h3>{k('composeTitle')}</h3>
          <form novalidate onSubmit={send}>
            <div class="field">
              <label for="report-to">{k('to')}</label>
              <input id="report-to" data-testid="report-to" inputmode="numeric" autocomplete="off" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="report-body">{k('body')}</label>
              <textarea id="report-body" data-testid="report-body" rows="5" ref={bodyField} value={body()} onInput={(e) => setBody(e.currentTarget.value)} />
            </div>
            <div class="draft-buttons">
              <button type="button" class="button secondary" data-testid="report-paste-sender" onClick={() => paste(SCAM.sender)}>
                {k('pasteSender')}
              </button>
              <button type="button" class="button secondary" data-testid="report-paste-text" onClick={() => paste(SCAM.text)}>
                {k('pasteText')}
              </button>
            </div>
            <button type="submit" class="button" data-testid="report-send">
              {k('send', { number: REPORT_NUMBER })}
            </button>
          </form>
        </Show>
      </MockPhone>
      <Feedback verdict={verdict()} />
    </div>
  );
}
