import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { CompiledQuizItem } from '../../../shared/content/schema.ts';
import { t } from '../i18n/index.ts';
import { HtmlBlock } from './html-block.tsx';
import { ReadAloudButton } from '../a11y/read-aloud-button.tsx';
import { htmlToText } from '../a11y/speech.ts';

/**
 * The quiz, one question at a time. A resident may try again after a wrong
 * answer (they learn from each explanation), but only the first try counts
 * towards the score.
 */
export function QuizView(props: { quiz: CompiledQuizItem[]; onFinish: (rightFirstTry: number) => void }) {
  const [index, setIndex] = createSignal(0);
  const [tried, setTried] = createSignal<number[]>([]);
  const [rightFirstTry, setRightFirstTry] = createSignal(0);
  let heading: HTMLHeadingElement | undefined;

  const item = () => props.quiz[Math.min(index(), props.quiz.length - 1)];
  const last = () => tried()[tried().length - 1];
  const isSolved = () => tried().includes(item().correctIndex);
  const isLastQuestion = () => index() >= props.quiz.length - 1;

  // A new question: move focus to it so screen readers and keyboards follow.
  createEffect(on(index, () => heading?.focus(), { defer: true }));

  function choose(option: number) {
    if (isSolved() || tried().includes(option)) return;
    if (tried().length === 0 && option === item().correctIndex) setRightFirstTry((n) => n + 1);
    setTried([...tried(), option]);
  }

  function next() {
    if (isLastQuestion()) return props.onFinish(rightFirstTry());
    setTried([]);
    setIndex(index() + 1);
  }

  // Read aloud: the question, its lettered options, and the latest explanation once answered.
  const readable = () => {
    const options = item().options.map((o, i) => `${String.fromCharCode(65 + i)}: ${htmlToText(o.text)}`).join('. ');
    const answer = last() !== undefined ? ` ${htmlToText(item().options[last()!]?.explanation ?? '')}` : '';
    return `${htmlToText(item().question)}. ${t('readAloud.optionsIntro')} ${options}.${answer}`;
  };

  const mark = (option: number) =>
    !tried().includes(option) ? 'none' : option === item().correctIndex ? 'right' : 'wrong';

  return (
    <section class="lesson-screen quiz" aria-labelledby="quiz-question">
      <ReadAloudButton text={readable} what={htmlToText(item().question)} />
      <p class="step-counter">{t('quiz.questionOf', { current: index() + 1, total: props.quiz.length })}</p>
      <h2 id="quiz-question" tabindex="-1" ref={heading}>
        <HtmlBlock as="span" html={item().question} />
      </h2>
      <ul class="quiz-options">
        <For each={item().options}>
          {(option, i) => (
            <li>
              <button
                type="button"
                class="quiz-option"
                data-mark={mark(i())}
                data-testid={`quiz-option-${i()}`}
                aria-disabled={isSolved() || tried().includes(i())}
                onClick={() => choose(i())}
              >
                <span class="quiz-mark" aria-hidden="true">
                  {{ none: String.fromCharCode(65 + i()), right: '✓', wrong: '✗' }[mark(i())]}
                </span>
                <HtmlBlock as="span" html={option.text} />
                <Show when={mark(i()) !== 'none'}>
                  <span class="visually-hidden">{mark(i()) === 'right' ? t('quiz.markedRight') : t('quiz.markedWrong')}</span>
                </Show>
              </button>
            </li>
          )}
        </For>
      </ul>

      <div class="quiz-feedback" role="status" aria-live="polite" data-testid="quiz-feedback">
        <Show when={last() !== undefined}>
          <div class="feedback" data-mark={last() === item().correctIndex ? 'right' : 'wrong'}>
            <p class="feedback-verdict">
              <span aria-hidden="true">{last() === item().correctIndex ? '✓ ' : '✗ '}</span>
              {last() === item().correctIndex ? t('quiz.right') : t('quiz.wrong')}
            </p>
            <HtmlBlock as="div" html={item().options[last()!]?.explanation ?? ''} />
            <Show when={!isSolved()}>
              <p class="muted">{t('quiz.tryAgain')}</p>
            </Show>
          </div>
        </Show>
      </div>

      <Show when={tried().length > 0}>
        <div class="nav-buttons">
          <button type="button" class="button" data-testid="quiz-next" onClick={next}>
            {isLastQuestion() ? t('quiz.finish') : t('quiz.next')} →
          </button>
        </div>
      </Show>
    </section>
  );
}
