// A unit officer logs one slide loop that ran on several of the ward's LED
// screens, on a 360 px phone, in Vietnamese and in English: the screen's log
// form shows the hours of all the screens this period, each screen's part by
// its name, summed by the server per day, and one tap puts the sum in the
// form; a screen added today says its hours before today were not recorded.
// The screens' time on is written into the server's database as their
// heartbeats would have counted it over the last two days.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { vietnamToday } from '../../shared/plans/periods.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { storeWrite } from '../support/server-database.ts';
import { widerThanScreen } from '../support/layout-check.ts';
import { rawKeys, textShown } from '../support/screen-text.ts';
import { adminCookie, createStaff } from '../support/staff-api.ts';

const e2e = useServerAndBrowser();
const HOUR = 3_600_000;
const SCREENS = [
  { id: 'cong-ubnd', name: 'Cổng UBND phường' },
  { id: 'cho-hoa-binh', name: 'Chợ Hòa Bình' },
  { id: 'nha-van-hoa', name: 'Nhà văn hóa tổ 5' },
];

const WORDS = {
  vi: { from: 'Chiếu từ ngày', hours: 'Số giờ màn hình', use: 'Điền tổng giờ của 3 màn hình: 20 giờ', part: '12,5 giờ', unrecorded: 'chưa ghi lại giờ trước ngày' },
  en: { from: 'Shown from', hours: 'Screen-hours', use: 'Fill in the hours of 3 screens: 20 h', part: '12.5 h', unrecorded: 'hours before' },
} as const;

async function expectFitsPhone(page: Page) {
  expect(await widerThanScreen(page)).toEqual([]);
  expect(rawKeys(await textShown(page))).toEqual([]);
}

describe.skipIf(!hasChromium)('LED screens: hours of all screens', () => {
  it('a unit officer fills in the hours of all the screens this period in one tap, at 360 px, in Vietnamese and English', { timeout: 180_000 }, async () => {
    const admin = await adminCookie(e2e.server);
    for (const s of SCREENS) {
      const res = await fetch(`${e2e.server.url}/api/v1/displays/${s.id}`, {
        method: 'PUT',
        headers: { cookie: admin, origin: e2e.server.url, 'content-type': 'application/json' },
        body: JSON.stringify({ name: s.name, slides: [{ kind: 'qr', seconds: 10 }] }),
      });
      expect(res.status).toBe(200);
    }
    const today = vietnamToday(Date.now());
    const yesterday = vietnamToday(Date.now() - 24 * HOUR);
    const weekAgo = vietnamToday(Date.now() - 7 * 24 * HOUR);
    // Gate 10 h yesterday and 2.5 h today, market 6 h yesterday (both counted for a week);
    // the cultural house, added today, 1 h today.
    await storeWrite(e2e.server, sql`UPDATE display_screens SET hours_from = ${weekAgo} WHERE id IN ('cong-ubnd', 'cho-hoa-binh')`);
    for (const [display, on, ms] of [['cong-ubnd', yesterday, 10 * HOUR], ['cong-ubnd', today, 2.5 * HOUR], ['cho-hoa-binh', yesterday, 6 * HOUR], ['nha-van-hoa', today, HOUR]] as const) {
      await storeWrite(e2e.server, sql`INSERT INTO display_days (display_id, day, on_ms) VALUES (${display}, ${on}, ${ms})`);
    }
    const password = await createStaff(e2e.server, admin, { username: 'thao', displayName: 'Chị Thảo', role: 'unit', unitId: 'ttsnc' });

    for (const lang of ['vi', 'en'] as const) {
      const w = WORDS[lang];
      const ctx = await e2e.browser.newContext({ ...PHONE, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });
      await ctx.addInitScript((l) => localStorage.setItem('hvs.language', l), lang);
      const phone = await ctx.newPage();
      await phone.goto(`${e2e.server.url}/unit`);
      await phone.getByLabel(lang === 'vi' ? 'Tên đăng nhập' : 'Username', { exact: true }).fill('thao');
      await phone.getByLabel(lang === 'vi' ? 'Mật khẩu' : 'Password', { exact: true }).fill(password);
      await phone.getByTestId('unit-login').click();
      await phone.getByTestId('unit-name').waitFor();
      await phone.goto(`${e2e.server.url}/admin/displays`);
      const form = phone.getByTestId('screen-cong-ubnd').getByTestId('log-screen');
      await form.getByLabel(w.from).fill(yesterday);
      const all = form.getByTestId('screens-hours');
      // Each screen's part by its name; the newest one's earlier hours said to be unrecorded.
      await expect.poll(() => all.getByTestId('screen-part-cong-ubnd').textContent(), { timeout: 15_000 }).toBe(w.part);
      expect(await all.getByTestId('screen-part-cho-hoa-binh').textContent()).toMatch(/^6 /);
      expect(await all.getByTestId('screen-part-nha-van-hoa').textContent()).toMatch(/^1 /);
      expect(await all.textContent()).toContain(w.unrecorded);
      await all.getByRole('button', { name: w.use, exact: true }).click();
      expect(await form.getByLabel(w.hours).inputValue()).toBe('20');
      await expectFitsPhone(phone);
      // Logged once, with the sum (the English pass finds it already there).
      if (lang === 'vi') {
        await form.getByRole('button', { name: 'Ghi vào nhật ký', exact: true }).click();
        await form.getByRole('status').filter({ hasText: 'Đã ghi vào nhật ký tuyên truyền.' }).waitFor();
        await expect.poll(() => dbRows(e2e.server, 'SELECT reach_screen_hours AS hours FROM unit_activities')).toEqual([{ hours: 20 }]);
      }
      await ctx.close();
    }
  });
});
