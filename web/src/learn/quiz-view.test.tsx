// @vitest-environment happy-dom
// The quiz as a resident meets it: one answer settles a question, a wrong one
// is explained once and the right one is shown before moving on (minor 5 of
// the December UX review).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import type { CompiledQuizItem } from '../../../shared/content/schema.ts';
import { QuizView } from './quiz-view.tsx';
import { withoutVerdict } from './explanation.ts';
import { arrangeQuiz } from './quiz-order.ts';

afterEach(cleanup);

const quiz = [
  {
    question: 'VNeID là gì?',
    options: [
      { text: 'Một trò chơi trên điện thoại', explanation: '<p>Chưa đúng. VNeID không phải trò chơi.</p>' },
      { text: 'Ứng dụng định danh điện tử của Bộ Công an', explanation: '<p>Đúng. VNeID giúp bạn chứng minh mình là ai.</p>' },
    ],
    correctIndex: 1,
  },
  {
    question: 'Câu thứ hai?',
    options: [
      { text: 'Có', explanation: '<p>Đúng. Câu hai.</p>' },
      { text: 'Không', explanation: '<p>Sai. Câu hai.</p>' },
    ],
    correctIndex: 0,
  },
] as unknown as CompiledQuizItem[];

const feedback = () => screen.getByTestId('quiz-feedback').textContent ?? '';

describe('quiz feedback', () => {
  it('after a wrong answer says "Chưa đúng" once and shows the right answer with its explanation', async () => {
    const user = userEvent.setup();
    const onFinish = vi.fn();
    render(() => <QuizView quiz={arrangeQuiz(quiz, { kind: 'fixed' })} onFinish={onFinish} />);
    await user.click(screen.getByTestId('quiz-option-0'));
    expect(feedback().match(/Chưa đúng/g)).toHaveLength(1);
    expect(feedback()).toContain('VNeID không phải trò chơi.');
    expect(screen.getByTestId('quiz-right-answer').textContent).toContain('Đáp án đúng là B:');
    expect(screen.getByTestId('quiz-right-answer').textContent).toContain('Ứng dụng định danh điện tử của Bộ Công an');
    expect(screen.getByTestId('quiz-right-answer').textContent).toContain('VNeID giúp bạn chứng minh mình là ai.');
    // The question is settled: the right option is marked and nothing can be chosen again.
    expect(screen.getByTestId('quiz-option-1').dataset.mark).toBe('right');
    await user.click(screen.getByTestId('quiz-option-1'));
    expect(feedback().match(/Chưa đúng/g)).toHaveLength(1);

    await user.click(screen.getByTestId('quiz-next'));
    await user.click(screen.getByTestId('quiz-option-0'));
    expect(feedback()).toContain('Đúng rồi!');
    expect(feedback()).not.toMatch(/Đúng\. Câu hai/);
    expect(screen.queryByTestId('quiz-right-answer')).toBeNull();
    await user.click(screen.getByTestId('quiz-next'));
    expect(onFinish).toHaveBeenCalledWith(1);
  });
});

describe('withoutVerdict', () => {
  it('drops an opening verdict word and keeps sentences that merely begin alike', () => {
    expect(withoutVerdict('<p>Sai. Link lạ.</p>')).toBe('<p>Link lạ.</p>');
    expect(withoutVerdict('<p>Not quite. The app.</p>')).toBe('<p>The app.</p>');
    expect(withoutVerdict('Correct! Never give.')).toBe('Never give.');
    expect(withoutVerdict('<p>Đúng vậy, bạn nên gọi lại.</p>')).toBe('<p>Đúng vậy, bạn nên gọi lại.</p>');
    expect(withoutVerdict('<p>Sai lầm thường gặp là…</p>')).toBe('<p>Sai lầm thường gặp là…</p>');
  });
});
