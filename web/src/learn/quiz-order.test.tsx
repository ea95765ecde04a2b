// @vitest-environment happy-dom
// Variants and shuffling: alone, each attempt draws a phrasing and reorders
// the options (seeded), and the answer is checked by option id wherever it
// lands; in a guide's session everyone gets the first phrasing as authored.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import type { CompiledLesson, CompiledQuizItem } from '../../../shared/content/schema.ts';
import { seededRandom } from '../../../shared/seeded-random.ts';
import { arrangeQuiz } from './quiz-order.ts';
import { QuizView } from './quiz-view.tsx';
import { LessonPlayer } from './lesson-player.tsx';

afterEach(cleanup);

const opt = (text: string) => ({ text, explanation: `<p>${text}.</p>` });
const item: CompiledQuizItem = {
  question: 'Phrasing one?',
  options: [opt('A1'), opt('B1 right'), opt('C1'), opt('D1')],
  correctIndex: 1,
  variants: [{ question: 'Phrasing two?', options: [opt('A2 right'), opt('B2'), opt('C2'), opt('D2')], correctIndex: 0 }],
};
const texts = (q: { options: { text: string }[] }) => q.options.map((o) => o.text);

describe('arrangeQuiz', () => {
  it('keeps the first phrasing and the authored order when fixed', () => {
    for (let i = 0; i < 5; i++) {
      const [q] = arrangeQuiz([item], { kind: 'fixed' });
      expect(q.question).toBe('Phrasing one?');
      expect(texts(q)).toEqual(['A1', 'B1 right', 'C1', 'D1']);
      expect(q.correctId).toBe(1);
    }
  });

  it('gives the same layout for the same seed, and over seeds draws both phrasings and moves the right option', () => {
    expect(arrangeQuiz([item], { kind: 'shuffled', seed: 42 })).toEqual(arrangeQuiz([item], { kind: 'shuffled', seed: 42 }));
    const phrasings = new Set<string>();
    const rightAt = new Set<number>();
    for (let seed = 1; seed <= 60; seed++) {
      const [q] = arrangeQuiz([item], { kind: 'shuffled', seed });
      phrasings.add(q.question);
      const at = q.options.findIndex((o) => o.id === q.correctId);
      rightAt.add(at);
      // Whatever the order, the option carrying the right id is the right text.
      expect(q.options[at].text).toMatch(/right$/);
      expect(q.options.map((o) => o.id).sort()).toEqual([0, 1, 2, 3]);
    }
    expect([...phrasings].sort()).toEqual(['Phrasing one?', 'Phrasing two?']);
    expect(rightAt.size).toBeGreaterThan(2);
  });

  it('draws from a generator that spreads over [0, 1)', () => {
    const r = seededRandom(7);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
  });
});

describe('the quiz on screen', () => {
  it('checks a shuffled answer by its id, not its place', async () => {
    // Find a seed that puts the right option somewhere other than first.
    let seed = 1;
    while (arrangeQuiz([item], { kind: 'shuffled', seed })[0].options[0].id === arrangeQuiz([item], { kind: 'shuffled', seed })[0].correctId) seed++;
    const quiz = arrangeQuiz([item], { kind: 'shuffled', seed });
    const at = quiz[0].options.findIndex((o) => o.id === quiz[0].correctId);
    const onFinish = vi.fn();
    const user = userEvent.setup();
    render(() => <QuizView quiz={quiz} onFinish={onFinish} />);
    await user.click(screen.getByTestId(`quiz-option-${at}`));
    expect(screen.getByTestId(`quiz-option-${at}`).dataset.mark).toBe('right');
    expect(screen.getByTestId('quiz-option-0').dataset.mark).toBe('none');
    await user.click(screen.getByTestId('quiz-next'));
    expect(onFinish).toHaveBeenCalledWith(1);
  });

  const lesson = {
    id: 'l',
    title: 'L',
    goal: 'g',
    minutes: 1,
    intro: '',
    steps: [{ title: 'S', html: '<p>s</p>' }],
    remember: '<p>r</p>',
    quiz: [item, item, item],
    sources: [],
  } as unknown as CompiledLesson;

  async function quizShown(fixed: boolean) {
    const user = userEvent.setup();
    render(() => <LessonPlayer lesson={lesson} title="L" courseHref="/c" nextLessonHref={null} onComplete={async () => undefined} fixedQuiz={fixed} />);
    while (!screen.queryByTestId('start-quiz')) await user.click(screen.getByTestId('next-step'));
    await user.click(screen.getByTestId('start-quiz'));
    const shown = [screen.getByRole('heading', { level: 2 }).textContent, ...[0, 1, 2, 3].map((i) => screen.getByTestId(`quiz-option-${i}`).dataset.optionId)].join('|');
    cleanup();
    return shown;
  }

  it('in a guide\'s session shows every attempt the same first phrasing in authored order', async () => {
    const attempts = new Set<string>();
    for (let i = 0; i < 4; i++) attempts.add(await quizShown(true));
    expect([...attempts]).toEqual(['Phrasing one?|0|1|2|3']);
  });

  it('alone, lays out attempts differently', async () => {
    const attempts = new Set<string>();
    for (let i = 0; i < 8; i++) attempts.add(await quizShown(false));
    expect(attempts.size).toBeGreaterThan(1);
  });
});
