import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { ArrangedQuestion } from './quiz-order.ts';
import { t } from '../i18n/index.ts';
import { HtmlBlock } from './html-block.tsx';
import { ReadAloudButton } from '../a11y/read-aloud-button.tsx';
import { htmlToText } from '../a11y/speech.ts';
import { withoutVerdict } from './explanation.ts';

/**
 * The quiz, one question at a time. One answer settles a question: a right
 * answer is confirmed with its explanation; after a wrong one the resident is
 * told once why, and shown the right answer with its own explanation, so
 * nobody moves on without having seen it.
 */
export function QuizView(props: { quiz: ArrangedQuestion[]; onFinish: (rightFirstTry: number) => void }) {
  const [index, setIndex] = createSignal(0);
  const [chosen, setChosen] = createSignal<number | undefined>(undefined);
  const [rightFirstTry, setRightFirstTry] = createSignal(0);
  let heading: HTMLHeadingElement | undefined;

  const item = () => props.quiz[Math.min(index(), props.quiz.length - 1)];
  const answered = () => chosen() !== undefined;
  // Positions on screen; the right one is found by its id, wherever the order put it.
  const correctAt = () => item().options.findIndex((o) => o.id === item().correctId);
  const isRight = () => chosen() === correctAt();
  const letter = (option: number) => String.fromCharCode(65 + option);
  const explanation = (option: number) => withoutVerdict(item().options[option]?.explanation ?? '');
  const isLastQuestion = () => index() >= props.quiz.length - 1;

  // A new question: move focus to it so screen readers and keyboards follow.
  createEffect(on(index, () => heading?.focus(), { defer: true }));

  function choose(option: number) {
    if (answered()) return;
    if (item().options[option]?.id === item().correctId) setRightFirstTry((n) => n + 1);
    setChosen(option);
  }

  function next() {
    if (isLastQuestion()) return props.onFinish(rightFirstTry());
    setChosen(undefined);
    setIndex(index() + 1);
  }

  // Read aloud: the question, its lettered options, and what the feedback says once answered.
  const readable = () => {
    const options = item().options.map((o, i) => `${letter(i)}: ${htmlToText(o.text)}`).join('. ');
    const c = chosen();
    if (c === undefined) return `${htmlToText(item().question)}. ${t('readAloud.optionsIntro')} ${options}.`;
    const verdict = isRight() ? t('quiz.right') : t('quiz.wrong');
    const reveal = isRight()
      ? ''
      : ` ${t('quiz.rightAnswerIs', { letter: letter(correctAt()) })} ${htmlToText(item().options[correctAt()]?.text ?? '')}. ${htmlToText(explanation(correctAt()))}`;
    return `${htmlToText(item().question)}. ${verdict} ${htmlToText(explanation(c))}${reveal}`;
  };

  // Once answered, the right option is always marked, and a wrong choice too.
  const mark = (option: number) =>
    !answered() ? 'none' : option === correctAt() ? 'right' : option === chosen() ? 'wrong' : 'none';

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
                data-option-id={option.id}
                aria-disabled={answered()}
                onClick={() => choose(i())}
              >
                <span class="quiz-mark" aria-hidden="true">
                  {{ none: letter(i()), right: '✓', wrong: '✗' }[mark(i())]}
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
        <Show when={chosen() !== undefined}>
          <div class="feedback" data-mark={isRight() ? 'right' : 'wrong'}>
            <p class="feedback-verdict">
              <span aria-hidden="true">{isRight() ? '✓ ' : '✗ '}</span>
              {isRight() ? t('quiz.right') : t('quiz.wrong')}
            </p>
            <HtmlBlock as="div" html={explanation(chosen()!)} />
            <Show when={!isRight()}>
              <div class="feedback-right-answer" data-testid="quiz-right-answer">
                <p class="feedback-verdict">
                  <span aria-hidden="true">✓ </span>
                  {t('quiz.rightAnswerIs', { letter: letter(correctAt()) })}{' '}
                  <HtmlBlock as="span" html={item().options[correctAt()]?.text ?? ''} />
                </p>
                <HtmlBlock as="div" html={explanation(correctAt())} />
              </div>
            </Show>
          </div>
        </Show>
      </div>

      <Show when={answered()}>
        <div class="nav-buttons">
          <button type="button" class="button" data-testid="quiz-next" onClick={next}>
            {isLastQuestion() ? t('quiz.finish') : t('quiz.next')} →
          </button>
        </div>
      </Show>
    </section>
  );
}
