// @vitest-environment happy-dom
// Reopening a lesson resumes at the screen where the reader stopped (minor 7
// of the December UX review).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import type { CompiledLesson } from '../../../shared/content/schema.ts';
import { LessonPlayer } from './lesson-player.tsx';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const lesson: CompiledLesson = {
  id: 'demo',
  title: 'Bài mẫu',
  goal: 'Mục tiêu',
  minutes: 3,
  intro: '',
  steps: [
    { title: 'Bước một', html: '<p>Một</p>' },
    { title: 'Bước hai', html: '<p>Hai</p>' },
    { title: 'Bước ba', html: '<p>Ba</p>' },
  ],
  remember: '<p>Ghi nhớ</p>',
  quiz: [{ question: 'Câu hỏi?', options: [{ text: 'Có', explanation: 'Vì có' }, { text: 'Không', explanation: 'Vì không' }], correctIndex: 0 }],
  sources: ['Nguồn'],
};

const open = (resumeKey = 'course/demo') =>
  render(() => (
    <LessonPlayer lesson={lesson} title={lesson.title} courseHref="/courses/course" nextLessonHref={null} onComplete={vi.fn(async () => undefined)} resumeKey={resumeKey} />
  ));

describe('reopening a lesson', () => {
  it('comes back at the step where the reader stopped, and starts over once the lesson is done', async () => {
    const user = userEvent.setup();
    open();
    await user.click(screen.getByTestId('next-step'));
    await user.click(screen.getByTestId('next-step'));
    expect(screen.getByTestId('step-counter').textContent).toContain('2');
    cleanup();

    open();
    expect(screen.getByTestId('step-counter').textContent).toContain('2');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Bước hai');
    // Another lesson is not affected.
    cleanup();
    open('course/other');
    expect(screen.queryByTestId('step-counter')).toBeNull();
    cleanup();

    open();
    await user.click(screen.getByTestId('next-step'));
    await user.click(screen.getByTestId('next-step'));
    await user.click(screen.getByTestId('start-quiz'));
    await user.click(screen.getByTestId('quiz-option-0'));
    await user.click(screen.getByTestId('quiz-next'));
    await screen.findByTestId('lesson-complete');
    cleanup();

    open();
    expect(screen.queryByTestId('step-counter')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Mục tiêu');
  });
});
