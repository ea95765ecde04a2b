// Guide mode end to end, offline first: the guide walks an assisted learner
// through a real lesson (steps, practice, quiz) on the guide's phone, creates
// a household and links her, all without signal; the real quiz score reaches
// the server under the guide. A resident opens the household QR's link
// offline and joins; the camera refusal leaves the typed field usable. The
// household then shows 2 members and "nobody finished the five skills yet".
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { createGuideAccount, createSessionOnPhone, guidePhoneOffline } from '../support/guide-driver.ts';
import { finishPractice } from '../support/practice-driver.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';
import { setPhoneOffline } from '../support/network.ts';

const e2e = useServerAndBrowser();

/** Reads every step, does the practice, answers the first question wrong and
 * the rest right, so the score is known in advance and is not 100. */
async function playLesson(page: Page, correct: number[]) {
  await page.getByTestId('next-step').first().waitFor();
  while (await page.getByTestId('next-step').isVisible()) await page.getByTestId('next-step').click();
  if (await page.getByTestId('start-practice').isVisible()) {
    await page.getByTestId('start-practice').click();
    await finishPractice(page);
  }
  await page.getByTestId('start-quiz').click();
  for (const [i, right] of correct.entries()) {
    await page.getByTestId(`quiz-option-${i === 0 ? (right + 1) % 2 : right}`).click();
    await page.getByTestId('quiz-next').click();
  }
  await page.getByTestId('lesson-complete').waitFor();
}

const pending = (page: Page) => page.getByTestId('guide-pending').textContent();

describe.skipIf(!hasChromium)('households and assisted learning through the lesson player', () => {
  it('records the real score offline and shows the household uncovered with 2 members', async () => {
    const password = await createGuideAccount(e2e.server);
    const index = await (await fetch(`${e2e.server.url}/content/index.json`)).json();
    const course = index.courses.find((c: { id: string }) => c.id === 'public-services');
    const chunk = await (await fetch(`${e2e.server.url}${course.chunks.vi}`)).json();
    const quiz: Array<{ correctIndex: number }> = chunk.lessons[0].quiz;
    // By hand: one wrong answer out of quiz.length.
    const expectedScore = Math.round((100 * (quiz.length - 1)) / quiz.length);
    const { ctx: guideCtx, guide } = await guidePhoneOffline(e2e.browser, e2e.server, password);

    // ── Offline: a session, an assisted learner, and a lesson played with her.
    await createSessionOnPhone(guide, { title: 'Học tại nhà', place: 'Số 12, ngõ 5', course: 'public-services' });
    await guide.getByLabel('Họ tên').fill('Bà Nguyễn Thị Hòa');
    await guide.getByLabel('Năm sinh').fill('1948');
    await guide.getByLabel(/đã đồng ý bằng lời/).check();
    await guide.getByTestId('assisted-save').click();
    await guide.getByTestId('attendee-assisted').getByTestId('assist-lesson').click();
    await playLesson(guide, quiz.map((q) => q.correctIndex));
    await expect.poll(() => guide.getByTestId('lesson-complete').getAttribute('data-save')).toBe('saved');
    expect(await guide.getByTestId('lesson-score').textContent()).toBe(`Điểm: ${expectedScore}/100`);
    await expect.poll(() => pending(guide)).toContain('3');
    await guide.getByTestId('back-to-course').click();
    await expect.poll(() => guide.getByTestId('assisted-done').textContent()).toContain('1');

    // ── Still offline: a household, linked to her; its QR link.
    await guide.goto(`${e2e.server.url}/guide/groups/tdp-1/households`);
    await guide.getByTestId('household-house-no').fill('12');
    await guide.getByTestId('household-lane').fill('ngõ 5 Lê Lợi');
    await guide.getByTestId('household-add').click();
    const house = guide.locator('[data-testid="household"][data-label="12, ngõ 5 Lê Lợi"]');
    await expect.poll(() => house.getAttribute('data-status')).toBe('unsynced');
    await house.getByTestId('household-link-learner').click();
    await expect.poll(() => house.textContent()).toContain('Bà Nguyễn Thị Hòa');
    await house.locator('summary').click();
    expect(await house.locator('.qr svg').count()).toBe(1);
    const link = (await house.getByTestId('household-link-text').textContent())!;
    expect(link).toMatch(/\/household\/[0-9a-f-]{36}#/);
    await expect.poll(() => pending(guide)).toContain('5');
    expect(await guide.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await dbRows(e2e.server, 'SELECT id FROM guide_events')).toHaveLength(0);

    // ── Online: everything arrives once, the score as played, nothing in the guide-phone's resident profile.
    await setPhoneOffline(guideCtx, false);
    await guide.getByTestId('guide-sync-now').click();
    await expect.poll(() => pending(guide), { timeout: 20_000 }).toContain('0');
    const [done] = await dbRows<{ payload: string; recorded_by: string }>(e2e.server, "SELECT payload, recorded_by FROM guide_events WHERE type = 'lesson.completed'");
    const completed = JSON.parse(done.payload);
    expect(completed.score).toBe(expectedScore);
    expect(completed.lessonId).toBe(course.lessons[0].id);
    expect(completed.durationSec).toBeGreaterThan(0);
    expect((await dbRows<{ n: number }>(e2e.server, "SELECT COUNT(*) AS n FROM events WHERE type = 'lesson.completed'"))[0].n).toBe(0);
    expect(await dbRows(e2e.server, 'SELECT label FROM households')).toEqual([{ label: '12, ngõ 5 Lê Lợi' }]);

    // ── A resident: app opened once online, then no signal; opens the household QR's link.
    const residentCtx = await e2e.browser.newContext(PHONE);
    const resident = await residentCtx.newPage();
    await resident.goto(`${e2e.server.url}/household`);
    await waitOfflineReady(resident);
    // No camera here: a clear message, and the typed field stays usable.
    await resident.getByTestId('scan-start').click();
    await expect.poll(() => resident.getByTestId('scan-status').getAttribute('data-state'), { timeout: 10_000 }).toMatch(/^(denied|noCamera)$/);
    expect(await resident.getByTestId('household-link').isVisible()).toBe(true);
    await setPhoneOffline(residentCtx, true);
    await resident.getByTestId('household-link').fill(link);
    await resident.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => resident.getByTestId('household-target').textContent()).toContain('12, ngõ 5 Lê Lợi');
    await resident.getByTestId('household-join').click();
    await expect.poll(() => resident.getByTestId('household-result').getAttribute('data-kind')).toBe('joined');
    expect(await dbRows(e2e.server, 'SELECT learner_id FROM household_members')).toHaveLength(1);
    await setPhoneOffline(residentCtx, false);
    await expect.poll(async () => (await dbRows(e2e.server, 'SELECT learner_id FROM household_members')).length, { timeout: 30_000 }).toBe(2);
    // Opening the same household's link again (a fresh load) queues nothing.
    await resident.goto(`${e2e.server.url}/`);
    await resident.goto(link);
    await resident.getByTestId('household-join').click();
    await expect.poll(() => resident.getByTestId('household-result').getAttribute('data-kind')).toBe('already');

    // ── The guide's list: one household, 2 members, nobody finished the five skills.
    await guide.reload();
    await expect.poll(() => house.getAttribute('data-status'), { timeout: 15_000 }).toBe('notCovered');
    expect(await house.getByTestId('household-members').textContent()).toBe('Số người trong hộ: 2');
    expect(await guide.getByTestId('households-summary').textContent()).toBe('1 trên 1 hộ chưa có ai học xong.');
    expect((await dbRows<{ n: number }>(e2e.server, "SELECT COUNT(*) AS n FROM events WHERE type = 'household.joined'"))[0].n).toBe(1);

    // ── Without signal again, the lists seen online are still there, dated.
    await guide.goto(`${e2e.server.url}/guide/groups/tdp-1`);
    await guide.getByTestId('follow-up-inactive').or(guide.getByText('Không có ai.').first()).first().waitFor();
    await setPhoneOffline(guideCtx, true);
    await guide.reload();
    await guide.getByTestId('follow-up-cached').waitFor();
    expect(await guide.getByTestId('guide-sync-state').textContent()).toContain('Không có mạng');
    await guide.getByTestId('households-link').click();
    await expect.poll(() => guide.getByTestId('households-freshness').textContent()).toContain('Chưa có mạng');
    expect(await house.getAttribute('data-status')).toBe('notCovered');
    expect(await house.getByTestId('household-members').textContent()).toBe('Số người trong hộ: 2');

    await guideCtx.close();
    await residentCtx.close();
  }, 240_000);
});
