// Walks a lesson in a real browser the way a resident does: every step, the
// practice screen if the lesson has one, then the quiz (first option each
// time), until the completed screen says the result is saved on the phone.
import type { Page } from 'playwright-core';
import { finishPractice } from './practice-driver.ts';

export async function finishLesson(page: Page) {
  await page.getByTestId('next-step').first().waitFor();
  while (await page.getByTestId('next-step').isVisible()) await page.getByTestId('next-step').click();
  if (await page.getByTestId('start-practice').isVisible()) {
    await page.getByTestId('start-practice').click();
    await finishPractice(page);
  }
  await page.getByTestId('start-quiz').click();
  while (!(await page.getByTestId('lesson-complete').isVisible())) {
    await page.getByTestId('quiz-option-0').click();
    await page.getByTestId('quiz-next').click();
  }
  await page.locator('[data-testid="lesson-complete"][data-save="saved"]').waitFor();
}
