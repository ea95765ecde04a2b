// A unit officer's phone at 360 px, end to end: the officer logs in once,
// loses signal, records a banner under the sample plan, and the record waits
// on the phone; with the signal back it reaches the server once, and the
// Culture-Social Office (a reviewer) reads it in the unit's log.
import { describe, expect, it } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { adminPasswordFrom, type RunningServer } from '../support/server-process.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';

const e2e = useServerAndBrowser();

async function adminCookie(server: RunningServer) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username: 'admin', password: adminPasswordFrom(server.output()) }),
  });
  return (login.headers.get('set-cookie') ?? '').split(';')[0];
}

async function createStaff(server: RunningServer, cookie: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/staff`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, cookie }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { password: string }).password;
}

describe.skipIf(!hasChromium)("a unit officer's outreach log", () => {
  it('records a banner offline at 360 px, sends it once when back online, and the office reads it', async () => {
    const admin = await adminCookie(e2e.server);
    const officerPassword = await createStaff(e2e.server, admin, { username: 'thao', displayName: 'Chị Thảo', role: 'unit', unitId: 'ttsnc' });
    const reviewerPassword = await createStaff(e2e.server, admin, { username: 'vhxh', displayName: 'Anh Minh', role: 'reviewer' });

    const ctx = await e2e.browser.newContext(PHONE);
    const phone = await ctx.newPage();
    await phone.goto(`${e2e.server.url}/unit`);
    await phone.getByLabel('Tên đăng nhập').fill('thao');
    await phone.getByLabel('Mật khẩu').fill(officerPassword);
    await phone.getByTestId('unit-login').click();
    await expect.poll(() => phone.getByTestId('unit-name').textContent()).toBe('Trung tâm sự nghiệp công');
    await waitOfflineReady(phone);

    // ── In the street, without signal.
    await ctx.setOffline(true);
    const form = phone.getByTestId('activity-form');
    await form.locator('select[name="form"]').selectOption('2.3');
    await form.locator('select[name="subForm"]').selectOption('banner');
    await form.getByLabel(/^1\.2 /).check();
    await form.getByLabel('Tên hoạt động').fill('Băng rôn Nghị quyết 57 đường Trần Phú');
    await form.getByLabel('Địa điểm hoặc kênh đăng').fill('Đường Trần Phú');
    await form.getByLabel('Người dân', { exact: true }).check();
    await form.getByLabel('Số bản, số cái').fill('3');
    await phone.getByTestId('activity-save').click();
    await expect.poll(() => phone.getByTestId('unit-pending').textContent()).toContain('1');
    expect(await phone.getByTestId('unit-activities').textContent()).toContain('Băng rôn Nghị quyết 57 đường Trần Phú');
    expect(dbRows(e2e.server, 'SELECT id FROM unit_events')).toHaveLength(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // ── The signal is back: the record goes by itself, once.
    await ctx.setOffline(false);
    await expect.poll(() => phone.getByTestId('unit-pending').textContent(), { timeout: 15_000 }).toContain('0');
    expect(dbRows<{ unit_id: string; form_code: string; sub_form_id: string }>(e2e.server, 'SELECT unit_id, form_code, sub_form_id FROM unit_activities')).toEqual([
      { unit_id: 'ttsnc', form_code: '2.3', sub_form_id: 'banner' },
    ]);
    // Reloading the page (the phone starts again) sends nothing twice.
    await phone.reload();
    await expect.poll(() => phone.getByTestId('unit-sync-state').textContent(), { timeout: 15_000 }).toBe('Đã gửi hết');
    expect(dbRows(e2e.server, 'SELECT id FROM unit_events')).toHaveLength(1);

    // ── The Culture-Social Office reads the unit's log.
    const login = await fetch(`${e2e.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: e2e.server.url },
      body: JSON.stringify({ username: 'vhxh', password: reviewerPassword }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const log = await (await fetch(`${e2e.server.url}/api/v1/units/ttsnc/activities`, { headers: { cookie } })).json();
    expect(log.activities).toMatchObject([{ title: 'Băng rôn Nghị quyết 57 đường Trần Phú', formCode: '2.3', subFormId: 'banner', contentItems: ['1.2'], reach: { copies: 3 }, audiences: ['residents'] }]);
    await ctx.close();
  }, 120_000);
});
