// The movement's indicators end to end: a community digital-technology team
// member of tdp-1 syncs a session this year with six residents, each with
// their digital-skills completion confirmed on VNeID / the national
// platform. The Culture-Social Office opens /ward/indicators at 1280 px and
// at 360 px, reads the ward's figures and the definitions, sets a target for
// the confirmed adults and sees it met, with nothing wider than the screen.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import { hasChromium } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import type { RunningServer } from '../support/server-process.ts';
import { adminCookie, createStaff, loginCookie } from '../support/staff-api.ts';

const e2e = useServerAndBrowser();
const year = new Date().getFullYear();

async function guideRecords(server: RunningServer, cookie: string) {
  const me = (await (await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } })).json()) as { user: { id: string } };
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const env = () => ({ id: uuidv7(), recordedBy: me.user.id, deviceId: 'guide-e2e-device-01', occurredAt: at });
  const sessionId = uuidv7();
  const session = { ...env(), type: 'session.created', sessionId, code: 'ACDE3467', title: 'Buổi học VNeID', groupId: 'tdp-1', place: 'Nhà văn hóa tổ 1', startsAt: at, durationMin: 120, courses: ['cyber-safety'] };
  const people = Array.from({ length: 6 }, (_, i) => ({ ...env(), type: 'assisted.registered', learnerId: uuidv7(), name: `Người học ${i + 1}`, birthYear: 1955 + i, gender: 'female', groupId: 'tdp-1', consent: true, consentAt: at, sessionId }));
  const confirmed = people.map((p) => ({ ...env(), type: 'outcome.confirmed', learnerId: p.learnerId, sessionId, outcome: 'national-platform-confirmed' }));
  const res = await fetch(`${server.url}/api/v1/guide/sync`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, cookie }, body: JSON.stringify({ deviceId: 'guide-e2e-device-01', events: [session, ...people, ...confirmed] }) });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { results: Array<{ status: string }> }).results.filter((r) => r.status !== 'accepted')).toEqual([]);
}

describe.skipIf(!hasChromium)("the movement's indicators", () => {
  it('shows the office target against actual per ward and group at 1280 and 360 px, and saves a target', async () => {
    const admin = await adminCookie(e2e.server);
    const guidePassword = await createStaff(e2e.server, admin, { username: 'lan', displayName: 'Chị Lan', role: 'guide', team: 'cns', groups: ['tdp-1'] });
    const reviewerPassword = await createStaff(e2e.server, admin, { username: 'vhxh', displayName: 'Anh Minh', role: 'reviewer' });
    await guideRecords(e2e.server, await loginCookie(e2e.server, 'lan', guidePassword));

    let first = true;
    for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
      const ctx = await e2e.browser.newContext({ locale: 'vi-VN', viewport });
      const page = await ctx.newPage();
      await page.goto(`${e2e.server.url}/ward/indicators?period=${year}`);
      await page.getByLabel('Tên đăng nhập').fill('vhxh');
      await page.getByLabel('Mật khẩu').fill(reviewerPassword);
      await page.getByTestId('ward-login').click();

      const wardRow = (id: string) => page.locator(`[data-testid="indicators-ward"] tr[data-indicator="${id}"]`);
      await expect.poll(() => wardRow('platform-confirmed').locator('[data-col="actual"]').textContent(), { timeout: 15_000 }).toBe('6');
      expect(await wardRow('sessions').locator('[data-col="actual"]').textContent()).toBe('1');
      expect(await wardRow('participants').locator('[data-col="actual"]').textContent()).toBe('6');
      expect(await wardRow('cns-members').locator('[data-col="actual"]').textContent()).toBe('1');
      expect(await wardRow('cns-teams').locator('[data-col="actual"]').textContent()).toBe('1');
      // The group cell: six people are shown; the definitions say how each is counted and the ward's rule.
      expect(await page.locator('[data-testid="indicators-groups"] tr[data-group="tdp-1"] td[data-indicator="platform-confirmed"] [data-col="actual"]').textContent()).toBe('6');
      expect(await page.getByTestId('indicators-definitions').innerText()).toContain('Không sao chép dữ liệu nào từ VNeID');
      expect(await page.getByTestId('indicators-rule').innerText()).toContain('5 kỹ năng số cơ bản');
      // Which kinds of learning the residents' indicators count: the ward's official choice (by default every kind).
      expect(await page.getByTestId('indicators-counted').innerText()).toContain('học có người hướng dẫn xác nhận; tự học, tự khai trên điện thoại');

      if (first) {
        // A target copied from the city's plan: five confirmed adults for the ward.
        const target = page.locator('[data-testid="indicator-targets"] fieldset[data-indicator="platform-confirmed"]');
        await target.locator('select').selectOption('count');
        await target.locator('input').fill('5');
        await target.locator('input').blur();
        await page.getByTestId('indicator-targets-save').click();
        await expect.poll(() => page.getByTestId('indicators-status').textContent(), { timeout: 10_000 }).toBe('Đã lưu chỉ tiêu.');
        first = false;
      }
      await expect.poll(() => wardRow('platform-confirmed').locator('[data-col="target"]').textContent(), { timeout: 10_000 }).toBe('5');
      expect(await wardRow('platform-confirmed').locator('[data-met]').textContent()).toBe('Đạt');
      await wardRow('platform-confirmed').scrollIntoViewIfNeeded();
      expect(await wardRow('platform-confirmed').isVisible()).toBe(true);
      // Tables scroll inside their own box; nothing else may be wider than the screen (named when it is).
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.indicator-scroll')).slice(0, 5).map((e) => `${e.tagName}.${e.className}`));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join(' ')).toBeLessThanOrEqual(viewport.width);
      await ctx.close();
    }
  });
});
