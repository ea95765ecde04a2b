// An activity recorded on another phone of the unit is corrected on this
// one, offline. Anh Nam (TTSNC) records a banner on his phone; Chị Thảo, of
// the same unit, opens the unit screen on hers at 360 px and finds it among
// the unit's activities. Without signal — the app started again from the
// phone — she corrects the number of banners with a reason; the correction
// waits on the phone and, with the signal back, reaches the server once.
// Meanwhile Anh Nam records a panel: once her phone has synced, it is listed
// there too, without starting the app again.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { setPhoneOffline } from '../support/network.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';
import { adminCookie, createStaff, loginCookie } from '../support/staff-api.ts';

const e2e = useServerAndBrowser();

interface Row {
  copies: number | null;
  corrections: number;
  title: string;
}
const rows = () => dbRows<Row>(e2e.server, 'SELECT reach_copies AS copies, corrections, title FROM unit_activities ORDER BY title');
const noSideways = async (page: import('playwright-core').Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

describe.skipIf(!hasChromium)('correcting an activity recorded on another phone', () => {
  it("lists the unit's activity recorded by another officer and corrects it offline; the correction is sent once with the signal back", async () => {
    const admin = await adminCookie(e2e.server);
    const namPassword = await createStaff(e2e.server, admin, { username: 'nam', displayName: 'Anh Nam', role: 'unit', unitId: 'ttsnc' });
    const thaoPassword = await createStaff(e2e.server, admin, { username: 'thao', displayName: 'Chị Thảo', role: 'unit', unitId: 'ttsnc' });

    // ── Anh Nam's phone sends a banner, 3 of them.
    const nam = await loginCookie(e2e.server, 'nam', namPassword);
    const namId = ((await (await fetch(`${e2e.server.url}/api/v1/auth/me`, { headers: { cookie: nam } })).json()) as { user: { id: string } }).user.id;
    const namRecords = async (title: string, subFormId: string, place: string) => {
      const sent = await fetch(`${e2e.server.url}/api/v1/units/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: e2e.server.url, cookie: nam },
        body: JSON.stringify({
          deviceId: 'unit-phone-of-nam',
          events: [
            {
              id: uuidv7(),
              type: 'activity.recorded',
              recordedBy: namId,
              deviceId: 'unit-phone-of-nam',
              occurredAt: new Date().toISOString(),
              unitId: 'ttsnc',
              planId: 'sample-nq57',
              activityId: uuidv7(),
              startsOn: new Date().toISOString().slice(0, 10),
              formCode: '2.3',
              subFormId,
              contentItems: ['1.2'],
              title,
              place,
              audiences: ['residents'],
              reach: { copies: 3 },
              links: [],
            },
          ],
        }),
      });
      expect(sent.status).toBe(200);
      expect(((await sent.json()) as { results: Array<{ status: string }> }).results.map((r) => r.status)).toEqual(['accepted']);
    };
    await namRecords('Băng rôn chợ Đông', 'banner', 'Chợ Đông');

    // ── Chị Thảo's phone lists it among the unit's activities.
    const ctx = await e2e.browser.newContext(PHONE);
    const phone = await ctx.newPage();
    await phone.goto(`${e2e.server.url}/unit`);
    await phone.getByLabel('Tên đăng nhập').fill('thao');
    await phone.getByLabel('Mật khẩu').fill(thaoPassword);
    await phone.getByTestId('unit-login').click();
    await expect.poll(() => phone.getByTestId('unit-name').textContent(), { timeout: 15_000 }).toBe('Trung tâm sự nghiệp công');
    const entry = phone.getByTestId('unit-activity').filter({ hasText: 'Băng rôn chợ Đông' });
    await expect.poll(() => entry.count(), { timeout: 15_000 }).toBe(1);
    await waitOfflineReady(phone);

    // ── No signal; the app starts again from the phone and still has it.
    await setPhoneOffline(ctx, true);
    await phone.reload();
    await expect.poll(() => entry.count(), { timeout: 15_000 }).toBe(1);
    await entry.getByTestId('activity-correct').click();
    const correction = phone.getByTestId('correction-form');
    expect(await correction.getByLabel('Tên hoạt động').inputValue()).toBe('Băng rôn chợ Đông');
    expect(await correction.getByLabel('Số bản, số cái').inputValue()).toBe('3');
    await correction.getByLabel('Số bản, số cái').fill('5');
    await correction.getByLabel('Lý do sửa').fill('Anh Nam treo thêm 2 băng rôn ở cổng chợ');
    await correction.getByTestId('correction-save').click();
    await expect.poll(() => phone.getByTestId('unit-pending').textContent(), { timeout: 15_000 }).toContain('1');
    expect(await rows()).toEqual([{ copies: 3, corrections: 0, title: 'Băng rôn chợ Đông' }]);
    await noSideways(phone);

    // ── Meanwhile Anh Nam's phone sends a panel at the market gate.
    await namRecords('Pa nô cổng chợ Tây', 'panel', 'Chợ Tây');
    const panel = phone.getByTestId('unit-activity').filter({ hasText: 'Pa nô cổng chợ Tây' });
    expect(await panel.count()).toBe(0);

    // ── The signal is back: the correction goes, once; and, with no restart, the panel is listed.
    await setPhoneOffline(ctx, false);
    await expect.poll(() => rows(), { timeout: 20_000 }).toEqual([
      { copies: 5, corrections: 1, title: 'Băng rôn chợ Đông' },
      { copies: 3, corrections: 0, title: 'Pa nô cổng chợ Tây' },
    ]);
    await expect.poll(() => phone.getByTestId('unit-sync-state').textContent(), { timeout: 15_000 }).toBe('Đã gửi hết');
    await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(1);
    // The corrected banner still shows this phone's correction: the server now has it too.
    await entry.getByTestId('activity-correct').click();
    expect(await phone.getByTestId('correction-form').getByLabel('Số bản, số cái').inputValue()).toBe('5');
    await phone.reload();
    await expect.poll(() => phone.getByTestId('unit-sync-state').textContent(), { timeout: 15_000 }).toBe('Đã gửi hết');
    expect(await dbRows(e2e.server, "SELECT id FROM unit_events WHERE type = 'activity.corrected'")).toHaveLength(1);
    await noSideways(phone);
    await ctx.close();
  }, 120_000);
});
