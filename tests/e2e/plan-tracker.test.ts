// The plan tracker end to end: TTSNC's officer has sent last month's radio
// columns with one week missing and two portal articles. The Culture-Social
// Office picks last month at 1280 px and at 360 px and sees the radio column
// as overdue (a sign and words) and the articles as done; the officer opens
// /unit on a phone and sees the unit's tasks as the server judges them, and
// still sees them offline, with the age of the copy.
import { describe, expect, it } from 'vitest';
import { addDays, periodSpan, vietnamToday, windowsOver } from '../../shared/plans/periods.ts';
import type { Tracker } from '../../shared/units/api.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import type { RunningServer } from '../support/server-process.ts';
import { adminCookie, createStaff, loginCookie } from '../support/staff-api.ts';
import { setPhoneOffline } from '../support/network.ts';
import { wordsSplitAcrossLines } from '../support/layout-check.ts';

const e2e = useServerAndBrowser();

/** Last month, wholly past whatever day the test runs. */
const today = vietnamToday(Date.now());
const lastMonth = periodSpan('month', addDays(`${today.slice(0, 7)}-01`, -1));
const weeks = windowsOver('week', lastMonth);
const missedWeek = weeks[1];
const viDate = (iso: string) => new Date(`${iso}T00:00:00`).toLocaleDateString('vi-VN');

async function sendLastMonth(server: RunningServer, cookie: string) {
  const me = (await (await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } })).json()) as { user: { id: string } };
  const record = (startsOn: string, formCode: string, subFormId: string, title: string) => ({
    id: uuidv7(),
    type: 'activity.recorded',
    recordedBy: me.user.id,
    deviceId: 'unit-e2e-device-01',
    occurredAt: `${startsOn}T09:00:00+07:00`,
    unitId: 'ttsnc',
    planId: 'sample-nq57',
    activityId: uuidv7(),
    startsOn,
    formCode,
    subFormId,
    contentItems: ['1.2'],
    title,
    place: 'Đài truyền thanh phường',
    audiences: ['residents'],
    reach: {},
    links: [],
  });
  const events = [
    ...weeks.filter((w) => w !== missedWeek).map((w) => record(w.from, '2.4', 'radio-column', `Chuyên mục tuần ${w.from}`)),
    record(addDays(lastMonth.from, 2), '2.1', 'portal-article', 'Tin Nghị quyết 57 trên Cổng'),
    record(addDays(lastMonth.from, 12), '2.1', 'portal-article', 'Bài hướng dẫn chuyển đổi số'),
  ];
  const res = await fetch(`${server.url}/api/v1/units/sync`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, cookie }, body: JSON.stringify({ deviceId: 'unit-e2e-device-01', events }) });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { results: Array<{ status: string }> }).results.every((r) => r.status === 'accepted')).toBe(true);
}

describe.skipIf(!hasChromium)('the plan tracker', () => {
  it('shows the office an overdue task as overdue at 1280 and 360 px, and the officer their tasks, offline too', async () => {
    const admin = await adminCookie(e2e.server);
    const officerPassword = await createStaff(e2e.server, admin, { username: 'thao', displayName: 'Chị Thảo', role: 'unit', unitId: 'ttsnc' });
    const reviewerPassword = await createStaff(e2e.server, admin, { username: 'vhxh', displayName: 'Anh Minh', role: 'reviewer' });
    const officer = await loginCookie(e2e.server, 'thao', officerPassword);
    await sendLastMonth(e2e.server, officer);

    for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
      const ctx = await e2e.browser.newContext({ locale: 'vi-VN', viewport });
      const page = await ctx.newPage();
      await page.goto(`${e2e.server.url}/ward/tracker`);
      await page.getByLabel('Tên đăng nhập').fill('vhxh');
      await page.getByLabel('Mật khẩu').fill(reviewerPassword);
      await page.getByTestId('ward-login').click();
      await page.locator('select[name="year"]').selectOption(lastMonth.from.slice(0, 4));
      await page.locator('select[name="part"]').selectOption(String(Number(lastMonth.from.slice(5, 7))));
      await expect.poll(() => page.getByTestId('tracker-view').textContent(), { timeout: 15_000 }).toContain(`Kỳ từ ${viDate(lastMonth.from)} đến ${viDate(lastMonth.to)}`);

      const radio = page.locator('[data-testid="task-row"][data-task="ttsnc-radio-column"]');
      await expect.poll(async () => (await radio.innerText()).replace(/\s+/g, ' ')).toContain('! Quá hạn');
      expect(await radio.locator('.task-status').isVisible()).toBe(true);
      const radioText = (await radio.innerText()).replace(/\s+/g, ' ');
      expect(radioText).toContain('TTSNC');
      expect(radioText).toContain('! Quá hạn');
      expect(radioText).toContain(`Lỡ hạn: ${viDate(missedWeek.to)}`);
      expect(radioText).toContain(`Đạt ${weeks.length - 1}/${weeks.length} kỳ hạn`);
      const portal = page.locator('[data-testid="task-row"][data-task="ttsnc-portal-article"]');
      expect((await portal.innerText()).replace(/\s+/g, ' ')).toContain('✓ Đã hoàn thành');
      // The units that recorded nothing are named as such, and so is the content nobody served.
      expect(await page.locator('[data-testid="unit-row"][data-unit="mttq"] [data-testid="unit-last"]').innerText()).toBe('Chưa ghi nhận hoạt động nào');
      expect(await page.getByTestId('tracker-uncovered').innerText()).toContain('1.1');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // A unit's short name ("KT-HT-ĐT") is never broken at its hyphens.
      expect(await wordsSplitAcrossLines(page, '.tracker-forms')).toEqual([]);
      await ctx.close();
    }

    // ── The officer's phone: the unit's tasks this quarter, as the server judges them.
    const quarter = periodSpan('quarter', today);
    const judged = (await (await fetch(`${e2e.server.url}/api/v1/plans/sample-nq57/tracker?from=${quarter.from}&to=${quarter.to}`, { headers: { cookie: officer } })).json()) as Tracker;
    const late = judged.tasks.filter((k) => k.status === 'overdue' || k.status === 'none');
    const ctx = await e2e.browser.newContext(PHONE);
    const phone = await ctx.newPage();
    await phone.goto(`${e2e.server.url}/unit`);
    await phone.getByLabel('Tên đăng nhập').fill('thao');
    await phone.getByLabel('Mật khẩu').fill(officerPassword);
    await phone.getByTestId('unit-login').click();
    await expect.poll(() => phone.getByTestId('unit-task').count(), { timeout: 15_000 }).toBe(judged.tasks.length);
    expect(await phone.getByTestId('unit-tasks-late').innerText()).toBe(`${late.length} nhiệm vụ quá hạn`);
    // Late ones first, each saying so in words.
    const shown = await phone.getByTestId('unit-task').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.status));
    expect(shown.slice(0, late.length).every((s) => s === 'overdue' || s === 'none')).toBe(true);
    for (const row of await phone.getByTestId('unit-task').all()) {
      if ((await row.getAttribute('data-status')) === 'overdue') expect(await row.innerText()).toContain('Quá hạn');
    }
    await phone.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // ── Without signal, the page opens from the phone's copy and says how old it is.
    await setPhoneOffline(ctx, true);
    await phone.reload();
    await expect.poll(() => phone.getByTestId('unit-tasks-age').textContent(), { timeout: 15_000 }).toMatch(/Số liệu lúc .+\(\d+ phút trước\)/);
    expect(await phone.getByTestId('unit-task').count()).toBe(judged.tasks.length);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await ctx.close();
  }, 180_000);
});
