// The broadcast schedule in real Chromium on a 360 px phone: a unit officer
// saves a bulletin from the composer, schedules it for today over a
// loudspeaker cluster, marks today's airing as aired with its minutes
// (tapping twice), and the unit's outreach log holds one activity with those
// minutes; the same page reads in English at 360 px.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { adminCookie, createStaff, loginCookie } from '../support/staff-api.ts';

const e2e = useServerAndBrowser();
const TITLE = 'Phường hướng dẫn cài VNeID';
/** Today in Vietnam, as the server counts days. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

async function asOfficer(ctx: BrowserContext, password: string) {
  const [name, value] = (await loginCookie(e2e.server, 'lan', password)).split('=');
  await ctx.addCookies([{ name, value, url: e2e.server.url }]);
}
const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!hasChromium)('broadcast schedule', () => {
  it('a bulletin is saved, scheduled, marked aired once with its minutes, at 360 px in Vietnamese and English', async () => {
    const url = e2e.server.url;
    const password = await createStaff(e2e.server, await adminCookie(e2e.server), { username: 'lan', displayName: 'Chị Lan', role: 'unit', unitId: 'ttsnc' });

    const phone = await e2e.browser.newContext(PHONE);
    await asOfficer(phone, password);
    const page = await phone.newPage();
    await page.goto(`${url}/admin/bulletins`);
    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page.getByLabel('Nội dung đọc').fill('Tối thứ bảy, tổ công nghệ số cộng đồng hướng dẫn bà con cài ứng dụng tại nhà văn hóa.');
    await page.getByTestId('bulletin-save-button').click();
    await page.getByRole('link', { name: 'Lịch phát thanh' }).click();

    await page.getByRole('heading', { level: 1, name: 'Lịch phát thanh' }).waitFor();
    const card = page.getByTestId('schedule-bulletin');
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(TITLE);
    await card.getByTestId('schedule-edit').click();
    await card.getByLabel('Những ngày cụ thể').check();
    await card.getByTestId('schedule-date').fill(today());
    await card.getByRole('button', { name: 'Thêm ngày' }).click();
    await card.getByTestId('schedule-clusters').fill('Cụm loa chợ Hòa Bình, Cụm loa tổ 3');
    expect(await fits(page)).toBeLessThanOrEqual(360);
    await card.getByTestId('schedule-save').click();
    await expect.poll(() => card.getByTestId('schedule-summary').textContent()).toContain('Cụm loa chợ Hòa Bình, Cụm loa tổ 3');

    const day = card.getByTestId('schedule-day');
    expect(await day.getAttribute('data-day')).toBe(today());
    await day.getByTestId('schedule-minutes').fill('3');
    // Two quick taps: one airing, one activity.
    await day.getByTestId('schedule-aired').dblclick();
    await expect.poll(() => day.getByTestId('schedule-aired-state').textContent()).toContain('đã phát, 3 phút, Chị Lan ghi');
    expect(await fits(page)).toBeLessThanOrEqual(360);
    const logged = await dbRows<{ form_code: string; sub_form_id: string; starts_on: string; details: string }>(e2e.server, 'SELECT form_code, sub_form_id, starts_on, details FROM unit_activities');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ form_code: '2.4', sub_form_id: 'radio-news', starts_on: today() });
    expect(JSON.parse(logged[0].details).reach).toEqual({ minutesAired: 3 });
    expect(await dbRows(e2e.server, 'SELECT day FROM bulletin_airings')).toHaveLength(1);
    await phone.close();

    const english = await e2e.browser.newContext(PHONE);
    await asOfficer(english, password);
    await english.addInitScript(() => localStorage.setItem('hvs.language', 'en'));
    const en = await english.newPage();
    await en.goto(`${url}/admin/bulletins/schedule`);
    await en.getByRole('heading', { level: 1, name: 'Broadcast schedule' }).waitFor();
    await expect.poll(() => en.getByTestId('schedule-aired-state').textContent()).toContain('aired, 3 min, marked by Chị Lan');
    await en.getByTestId('schedule-edit').click();
    await en.getByText('Weekdays, from one date to another').waitFor();
    expect(await fits(en)).toBeLessThanOrEqual(360);
    await english.close();
  }, 120_000);
});
