import { createEffect, createSignal, on, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { Feedback, TaskCard } from '../parts.tsx';
import type { SimulatorProps } from '../registry.ts';
import { MESSAGES } from './messages.ts';
import vi from '../../i18n/vi/lazy/practiceScam.json';
import en from '../../i18n/en/lazy/practiceScam.json';

registerStrings('practiceScam', { vi, en });

const CHANNEL_ICON = { sms: '✉', zalo: '💬', call: '📞' } as const;

/**
 * Scam triage: one message or call script at a time, sorted into safe or
 * scam, each with its explanation. A wrong choice can be corrected (the
 * explanation teaches); the score counts first tries.
 */
export default function ScamTriage(props: SimulatorProps) {
  const [index, setIndex] = createSignal(0);
  const [choice, setChoice] = createSignal<'safe' | 'scam' | null>(null);
  const [rightFirstTry, setRightFirstTry] = createSignal(0);
  const [hasTried, setTried] = createSignal(false);
  const [isFinished, setFinished] = createSignal(false);
  let card: HTMLElement | undefined;

  const message = () => MESSAGES[index()];
  const key = (f: string) => `practiceScam.messages.${message().id}.${f}`;
  const isRight = () => choice() !== null && (choice() === 'scam') === message().isScam;
  const isLast = () => index() === MESSAGES.length - 1;

  createEffect(on(index, () => card?.focus(), { defer: true }));

  function choose(c: 'safe' | 'scam') {
    if (isRight()) return;
    if (!hasTried() && (c === 'scam') === message().isScam) setRightFirstTry((n) => n + 1);
    setTried(true);
    setChoice(c);
  }

  function next() {
    if (isLast()) {
      setFinished(true);
      props.onDone();
      return;
    }
    setChoice(null);
    setTried(false);
    setIndex(index() + 1);
  }

  return (
    <div class="simulator" data-testid="sim-scam-triage">
      <TaskCard>
        <p>{t('practiceScam.task')}</p>
      </TaskCard>
      <Show
        when={!isFinished()}
        fallback={
          <div class="callout" data-testid="scam-summary">
            <h3>{t('practiceScam.summaryTitle')}</h3>
            <p data-testid="scam-score">{t('practiceScam.summary', { right: rightFirstTry(), total: MESSAGES.length })}</p>
            <p>{t('practiceScam.report')}</p>
          </div>
        }
      >
        <p class="step-counter">{t('practiceScam.counter', { current: index() + 1, total: MESSAGES.length })}</p>
        <article class="scam-message" data-channel={message().channel} data-testid="scam-message" data-id={message().id} tabindex="-1" ref={card}>
          <p class="scam-channel">
            <span aria-hidden="true">{CHANNEL_ICON[message().channel]} </span>
            {t(`practiceScam.channel.${message().channel}`)}
          </p>
          <p class="scam-from">
            {t('practiceScam.from')}: <strong>{t(key('from'))}</strong>
          </p>
          <blockquote>{t(key('text'))}</blockquote>
        </article>
        <div class="scam-choices" role="group" aria-label={t('practiceScam.task')}>
          <button type="button" class="button secondary" data-testid="scam-choose-safe" aria-pressed={choice() === 'safe'} onClick={() => choose('safe')}>
            <span aria-hidden="true">✓ </span>
            {t('practiceScam.safe')}
          </button>
          <button type="button" class="button secondary" data-testid="scam-choose-scam" aria-pressed={choice() === 'scam'} onClick={() => choose('scam')}>
            <span aria-hidden="true">⚠ </span>
            {t('practiceScam.scam')}
          </button>
        </div>
        <Feedback verdict={choice() === null ? null : { ok: isRight(), text: t(key('explain')) }} />
        <Show when={isRight()}>
          <div class="nav-buttons">
            <button type="button" class="button" data-testid="scam-next" onClick={next}>
              {isLast() ? t('practiceScam.finish') : t('practiceScam.next')} →
            </button>
          </div>
        </Show>
      </Show>
    </div>
  );
}
