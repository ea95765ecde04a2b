// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import type { CompiledLesson } from '../../../shared/content/schema.ts';
import { LessonPlayer } from '../learn/lesson-player.tsx';

afterEach(cleanup);

const lesson = (practice?: CompiledLesson['practice']): CompiledLesson => ({
  id: 'demo',
  title: 'Bài mẫu',
  goal: 'Mục tiêu',
  minutes: 3,
  intro: '',
  steps: [{ title: 'Bước một', html: '<p>Nội dung</p>' }],
  remember: '<p>Ghi nhớ</p>',
  quiz: [{ question: 'Câu hỏi?', options: [{ text: 'Đúng', explanation: 'Vì đúng' }, { text: 'Sai', explanation: 'Vì sai' }], correctIndex: 0 }],
  sources: ['Nguồn'],
  practice,
});

function play(l: CompiledLesson) {
  const onComplete = vi.fn(async () => undefined);
  render(() => <LessonPlayer lesson={l} title={l.title} courseHref="/courses/x" nextLessonHref={null} onComplete={onComplete} />);
  return { onComplete, user: userEvent.setup() };
}

async function readToEnd(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('next-step'));
  await user.click(screen.getByTestId('next-step'));
}

describe('a lesson with a practice screen', () => {
  it('goes from the remember box to the practice, and to the quiz only once the practice is finished', async () => {
    const { user } = play(lesson('vneid-login'));
    await readToEnd(user);
    expect(screen.queryByTestId('start-quiz')).toBeNull();
    await user.click(screen.getByTestId('start-practice'));
    // The safety note says why nothing real is asked for.
    expect(screen.getByTestId('practice').textContent).toContain('không bao giờ hỏi số căn cước, mật khẩu hay mã OTP thật');
    await user.click(await screen.findByTestId('vneid-login'));
    expect(screen.queryByTestId('start-quiz')).toBeNull();
    await user.click(screen.getByTestId('vneid-account'));
    await user.click(screen.getByTestId('vneid-level-level1'));
    await user.click(screen.getByTestId('vneid-option-police'));
    expect(screen.getByTestId('practice-done')).toBeTruthy();
    await user.click(screen.getByTestId('start-quiz'));
    expect(screen.getByText('Câu hỏi?')).toBeTruthy();
  });

  it('lets the learner go back from the practice to the lesson', async () => {
    const { user } = play(lesson('scam-triage'));
    await readToEnd(user);
    await user.click(screen.getByTestId('start-practice'));
    await screen.findByTestId('sim-scam-triage');
    await user.click(screen.getByTestId('prev-step'));
    expect(screen.getByTestId('start-practice')).toBeTruthy();
  });

  it('a lesson without practice goes straight to the quiz', async () => {
    const { user } = play(lesson());
    await readToEnd(user);
    expect(screen.queryByTestId('start-practice')).toBeNull();
    await user.click(screen.getByTestId('start-quiz'));
    expect(screen.getByText('Câu hỏi?')).toBeTruthy();
  });
});
