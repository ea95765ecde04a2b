// A unit officer's own tracker, on a 360 px phone in Vietnamese and English.
// Chị Thảo (TTSNC) and Anh Hùng (KT-HT-ĐT) each send an activity this month,
// serving different content items. From /unit Chị Thảo follows the link to
// her unit's tracker: /ward/tracker shows her unit alone — one unit row with
// her one activity, her unit's tasks only, no whole-ward total, and the
// content item only Anh Hùng served still listed as not served — and leads
// back to /unit. Opened directly, in English, it shows the same.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { uuidv7 } from '../../shared/ids.ts';
import { vietnamToday } from '../../shared/plans/periods.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { widerThanScreen } from '../support/layout-check.ts';
import { adminCookie, createStaff, loginCookie } from '../support/staff-api.ts';

const e2e = useServerAndBrowser();

async function sendOne(cookie: string, unitId: string, title: string, formCode: string, subFormId: string, contentItem: string) {
  const url = e2e.server.url;
  const me = ((await (await fetch(`${url}/api/v1/auth/me`, { headers: { cookie } })).json()) as { user: { id: string } }).user.id;
  const res = await fetch(`${url}/api/v1/units/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({
      deviceId: `unit-phone-${unitId}`,
      events: [
        {
          id: uuidv7(),
          type: 'activity.recorded',
          recordedBy: me,
          deviceId: `unit-phone-${unitId}`,
          occurredAt: new Date().toISOString(),
          unitId,
          planId: 'sample-nq57',
          activityId: uuidv7(),
          startsOn: vietnamToday(Date.now()),
          formCode,
          subFormId,
          contentItems: [contentItem],
          title,
          place: 'Phường',
          audiences: ['residents'],
          reach: {},
          links: [],
        },
      ],
    }),
  });
  expect(res.status).toBe(200);
}

/** The tracker as Chị Thảo sees it: her unit only, at 360 px. */
async function expectOwnUnit(page: Page, words: { title: string; unit: string }) {
  const view = page.getByTestId('tracker-view');
  await expect.poll(() => page.getByTestId('unit-row').count(), { timeout: 15_000 }).toBe(1);
  expect(await page.locator('h1').textContent()).toBe(words.title);
  expect(await page.getByTestId('tracker-unit').textContent()).toContain(words.unit);
  expect(await page.getByTestId('unit-row').getAttribute('data-unit')).toBe('ttsnc');
  // Her one activity, not Anh Hùng's: the row's total, and the content item only he served is still not served.
  const cells = await page.getByTestId('unit-row').locator('td').allTextContents();
  expect(cells.at(-2)?.trim()).toBe('1');
  expect(await page.getByTestId('tracker-uncovered').textContent()).toContain('1.4');
  const units = await page.getByTestId('task-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.unit));
  expect(units.length).toBeGreaterThan(0);
  expect(new Set(units)).toEqual(new Set(['ttsnc']));
  expect(await view.locator('tfoot').count()).toBe(0);
  expect(await widerThanScreen(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe.skipIf(!hasChromium)("a unit officer's own tracker", () => {
  it('is reached from /unit and shows only the officer’s unit, at 360 px in Vietnamese and English', async () => {
    const url = e2e.server.url;
    const admin = await adminCookie(e2e.server);
    const thaoPassword = await createStaff(e2e.server, admin, { username: 'thao', displayName: 'Chị Thảo', role: 'unit', unitId: 'ttsnc' });
    const hungPassword = await createStaff(e2e.server, admin, { username: 'hung', displayName: 'Anh Hùng', role: 'unit', unitId: 'kt-ht-dt' });
    await sendOne(await loginCookie(e2e.server, 'thao', thaoPassword), 'ttsnc', 'Chuyên mục Nghị quyết 57 trên loa', '2.4', 'radio-column', '1.2');
    await sendOne(await loginCookie(e2e.server, 'hung', hungPassword), 'kt-ht-dt', 'Tin kết quả nghiên cứu của doanh nghiệp', '2.1', 'portal-article', '1.4');

    // ── Vietnamese: from the unit page, by its link.
    const ctx = await e2e.browser.newContext(PHONE);
    const phone = await ctx.newPage();
    await phone.goto(`${url}/unit`);
    await phone.getByLabel('Tên đăng nhập').fill('thao');
    await phone.getByLabel('Mật khẩu').fill(thaoPassword);
    await phone.getByTestId('unit-login').click();
    const link = phone.getByTestId('unit-tracker');
    await link.waitFor({ timeout: 15_000 });
    expect(await link.textContent()).toBe('Xem bảng theo dõi nhiệm vụ của đơn vị');
    await link.click();
    await phone.waitForURL(`${url}/ward/tracker`);
    await expectOwnUnit(phone, { title: 'Theo dõi nhiệm vụ của đơn vị', unit: 'Trung tâm sự nghiệp công' });
    expect(await phone.getByRole('heading', { name: 'Nhiệm vụ của đơn vị', exact: true }).count()).toBe(1);
    await phone.getByTestId('tracker-back').click();
    await phone.waitForURL(`${url}/unit`);
    await phone.getByTestId('unit-name').waitFor();
    await ctx.close();

    // ── English: opened directly, with the officer's login.
    const en = await e2e.browser.newContext({ ...PHONE, locale: 'en-GB' });
    const [name, value] = (await loginCookie(e2e.server, 'thao', thaoPassword)).split('=');
    await en.addCookies([{ name, value, url }]);
    await en.addInitScript(() => localStorage.setItem('hvs.language', 'en'));
    const page = await en.newPage();
    await page.goto(`${url}/unit`);
    await expect.poll(() => page.getByTestId('unit-tracker').textContent(), { timeout: 15_000 }).toBe("Open your unit's tracker");
    await page.goto(`${url}/ward/tracker`);
    await expectOwnUnit(page, { title: "Your unit's tracker", unit: 'Trung tâm sự nghiệp công' });
    expect(await page.getByRole('heading', { name: "Your unit's tasks", exact: true }).count()).toBe(1);
    expect(await page.getByTestId('tracker-back').getAttribute('href')).toBe('/unit');
    await en.close();
  }, 120_000);
});
