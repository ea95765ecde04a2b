// Guide mode end to end, two phones: a guide creates a session OFFLINE and
// syncs it; a resident joins by typing the code and completes a lesson; the
// guide registers an assisted learner offline, records two completions and
// syncs. The roster and the team report then show 2 attendees, 1 self and
// 2 assisted completions — on screen and in the ward's SQLite.
import { describe, it, expect } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { createGuideAccount, createSessionOnPhone, guidePhoneOffline } from '../support/guide-driver.ts';
import { finishLesson } from '../support/lesson-driver.ts';

const e2e = useServerAndBrowser();

describe.skipIf(!hasChromium)('guide session with QR check-in and assisted learning', () => {
  it('counts 2 attendees, 1 self and 2 assisted completions exactly', async () => {
    const password = await createGuideAccount(e2e.server);
    const index = await (await fetch(`${e2e.server.url}/content/index.json`)).json();
    const course = index.courses.find((c: { id: string }) => c.id === 'public-services');
    const [first, second] = course.lessons.map((l: { id: string }) => l.id);

    // ── The guide logs in once, online, then loses signal.
    const { ctx: guideCtx, guide } = await guidePhoneOffline(e2e.browser, e2e.server, password);

    const code = await createSessionOnPhone(guide, { title: 'Dịch vụ công trực tuyến', place: 'Nhà văn hóa tổ 1', course: 'public-services' });
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{8}$/);
    await expect.poll(() => guide.getByTestId('guide-pending').textContent()).toContain('1');
    expect(await guide.locator('.qr svg').count()).toBe(1);
    expect(dbRows(e2e.server, 'SELECT id FROM guide_sessions')).toHaveLength(0);

    // Back online: the session reaches the server.
    await guideCtx.setOffline(false);
    await guide.getByTestId('guide-sync-now').click();
    await expect.poll(() => guide.getByTestId('guide-pending').textContent(), { timeout: 15_000 }).toContain('0');
    expect(dbRows<{ code: string }>(e2e.server, 'SELECT code FROM guide_sessions')).toEqual([{ code }]);

    // ── A resident joins by typing the code (spaced, lower case) and learns a lesson.
    const residentCtx = await e2e.browser.newContext(PHONE);
    const resident = await residentCtx.newPage();
    await resident.goto(`${e2e.server.url}/join`);
    await resident.getByTestId('join-code').fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
    await resident.getByTestId('join-submit').click();
    await expect.poll(() => resident.getByTestId('join-result').getAttribute('data-kind')).toBe('joined');
    // Joining twice changes nothing.
    await resident.getByTestId('join-submit').click();
    await expect.poll(() => resident.getByTestId('join-result').getAttribute('data-kind')).toBe('already');
    await resident.goto(`${e2e.server.url}/courses/public-services`);
    await resident.getByTestId(`lesson-${first}`).click();
    await finishLesson(resident);
    await expect.poll(() => dbRows(e2e.server, "SELECT id FROM events WHERE type = 'lesson.completed'").length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => dbRows(e2e.server, 'SELECT learner_id FROM session_checkins').length, { timeout: 30_000 }).toBe(1);

    // ── The guide, offline again, registers an assisted learner and records two lessons.
    await guideCtx.setOffline(true);
    await guide.getByLabel('Họ tên').fill('Bà Nguyễn Thị Hòa');
    await guide.getByLabel('Năm sinh').fill('1948');
    await guide.getByLabel(/đã đồng ý bằng lời/).check();
    await guide.getByTestId('assisted-save').click();
    const row = guide.getByTestId('attendee-assisted');
    await row.waitFor();
    await row.locator('select[name="lesson"]').selectOption(`public-services/${first}`);
    await row.getByTestId('record-lesson').click();
    await expect.poll(() => row.getByTestId('assisted-done').textContent()).toContain('1');
    await row.locator('select[name="lesson"]').selectOption(`public-services/${second}`);
    await row.getByTestId('record-lesson').click();
    await expect.poll(() => row.getByTestId('assisted-done').textContent()).toContain('2');
    await expect.poll(() => guide.getByTestId('guide-pending').textContent()).toContain('3');
    expect(dbRows(e2e.server, 'SELECT id FROM assisted_learners')).toHaveLength(0);

    await guideCtx.setOffline(false);
    await guide.getByTestId('roster-refresh').click();
    await expect.poll(() => guide.getByTestId('guide-pending').textContent(), { timeout: 15_000 }).toContain('0');
    await guide.getByTestId('roster-refresh').click();
    await expect.poll(() => guide.getByTestId('total-attendees').textContent(), { timeout: 15_000 }).toBe('2');
    expect(await guide.getByTestId('total-selfCompletions').textContent()).toBe('1');
    expect(await guide.getByTestId('total-assistedCompletions').textContent()).toBe('2');
    expect(await guide.getByTestId('attendee-self').count()).toBe(1);
    expect(await guide.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // ── The team report, on screen…
    await guide.goto(`${e2e.server.url}/guide/report`);
    const lan = guide.locator('[data-testid="report-guides"] tr[data-guide="Chị Lan"]');
    await lan.waitFor();
    const cell = (c: string) => lan.locator(`td[data-col="${c}"]`).textContent();
    expect([await cell('sessions'), await cell('attendees'), await cell('selfCompletions'), await cell('assistedCompletions')]).toEqual(['1', '2', '1', '2']);
    const cns = guide.locator('[data-testid="report-teams"] tr[data-team="cns"] td[data-col="assistedCompletions"]');
    expect(await cns.textContent()).toBe('2');

    // …and in SQLite: one row per fact, self and assisted kept apart.
    expect(dbRows(e2e.server, "SELECT lesson_id AS l FROM events WHERE type = 'lesson.completed'")).toEqual([{ l: first }]);
    expect(dbRows(e2e.server, "SELECT lesson_id AS l FROM guide_events WHERE type = 'lesson.completed' ORDER BY lesson_id")).toEqual([first, second].sort().map((l) => ({ l })));
    expect(dbRows<{ n: number }>(e2e.server, "SELECT COUNT(*) AS n FROM events WHERE type = 'session.joined'")[0].n).toBe(1);
    expect(dbRows(e2e.server, 'SELECT name, birth_year AS y FROM assisted_learners')).toEqual([{ name: 'Bà Nguyễn Thị Hòa', y: 1948 }]);
    expect(dbRows(e2e.server, "SELECT DISTINCT g.recorded_by AS r FROM guide_events g JOIN users u ON u.id = g.recorded_by WHERE u.username = 'lan'")).toHaveLength(1);

    await guideCtx.close();
    await residentCtx.close();
  }, 180_000);
});
