// A unit officer's phone at 360 px, end to end: the officer logs in once,
// loses signal, records a banner under the sample plan with a photo of it
// (taken by a camera that writes GPS into the file), and the record and the
// photo wait on the phone; with the signal back they reach the server once,
// and the Culture-Social Office (a reviewer) reads it in the unit's log, the
// photo shown as a thumbnail and served without any location data; then
// it opens the plan tracker, where the unit's visual-propaganda task counts
// the banner, and the quarter's report, whose figures hold it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasLocation, jpegWithGps } from '../support/crafted-images.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';
import { adminCookie, createStaff } from '../support/staff-api.ts';
import { setPhoneOffline } from '../support/network.ts';
import { vietnamToday } from '../../shared/plans/periods.ts';

const e2e = useServerAndBrowser();

describe.skipIf(!hasChromium)("a unit officer's outreach log", () => {
  it('records a banner offline at 360 px, sends it once when back online, and the office reads it, sees it on the tracker and in the quarter report', async () => {
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
    await setPhoneOffline(ctx, true);
    const form = phone.getByTestId('activity-form');
    await form.locator('select[name="form"]').selectOption('2.3');
    await form.locator('select[name="subForm"]').selectOption('banner');
    await form.getByLabel(/^1\.2 /).check();
    await form.getByLabel('Tên hoạt động').fill('Băng rôn Nghị quyết 57 đường Trần Phú');
    await form.getByLabel('Địa điểm hoặc kênh đăng').fill('Đường Trần Phú');
    await form.getByLabel('Người dân', { exact: true }).check();
    await form.getByLabel('Số bản, số cái').fill('3');
    await phone.getByTestId('evidence-camera').setInputFiles({ name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: jpegWithGps() });
    await expect.poll(() => phone.getByTestId('evidence-list').locator('li').count()).toBe(1);
    expect(await phone.getByTestId('evidence-list').textContent()).toContain('IMG_0412.jpg');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.getByTestId('activity-save').click();
    await expect.poll(() => phone.getByTestId('unit-pending').textContent()).toContain('1');
    expect(await phone.getByTestId('unit-files-pending').textContent()).toContain('1');
    expect(await phone.getByTestId('unit-activities').textContent()).toContain('Băng rôn Nghị quyết 57 đường Trần Phú');
    expect(await dbRows(e2e.server, 'SELECT id FROM unit_events')).toHaveLength(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // ── The signal is back: the record goes by itself, once.
    await setPhoneOffline(ctx, false);
    await expect.poll(() => phone.getByTestId('unit-pending').textContent(), { timeout: 15_000 }).toContain('0');
    expect(await phone.getByTestId('unit-files-pending').count()).toBe(0);
    expect(await dbRows(e2e.server, 'SELECT sha256 FROM stored_files')).toHaveLength(1);
    const [{ sha256 }] = await dbRows<{ sha256: string }>(e2e.server, 'SELECT sha256 FROM unit_activity_files');
    // Stored once, private to the server's user.
    const files = join(e2e.server.dataDir, 'files');
    expect(readdirSync(files)).toEqual([sha256]);
    expect(statSync(join(files, sha256)).mode & 0o777).toBe(0o600);
    expect(await dbRows<{ unit_id: string; form_code: string; sub_form_id: string }>(e2e.server, 'SELECT unit_id, form_code, sub_form_id FROM unit_activities')).toEqual([
      { unit_id: 'ttsnc', form_code: '2.3', sub_form_id: 'banner' },
    ]);
    // Reloading the page (the phone starts again) sends nothing twice.
    await phone.reload();
    await expect.poll(() => phone.getByTestId('unit-sync-state').textContent(), { timeout: 15_000 }).toBe('Đã gửi hết');
    expect(await dbRows(e2e.server, 'SELECT id FROM unit_events')).toHaveLength(1);
    expect(await dbRows(e2e.server, 'SELECT sha256 FROM stored_files')).toHaveLength(1);

    // ── The Culture-Social Office reads the unit's log.
    const login = await fetch(`${e2e.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: e2e.server.url },
      body: JSON.stringify({ username: 'vhxh', password: reviewerPassword }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const log = await (await fetch(`${e2e.server.url}/api/v1/units/ttsnc/activities`, { headers: { cookie } })).json();
    expect(log.activities).toMatchObject([
      { title: 'Băng rôn Nghị quyết 57 đường Trần Phú', formCode: '2.3', subFormId: 'banner', contentItems: ['1.2'], reach: { copies: 3 }, audiences: ['residents'], files: [{ sha256, type: 'image/jpeg', name: 'IMG_0412.jpg' }] },
    ]);
    // The served photo: a JPEG, no GPS, not for other sites to sniff or caches to keep.
    const photo = await fetch(`${e2e.server.url}/api/v1/unit-files/${sha256}`, { headers: { cookie } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(photo.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await photo.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(hasLocation(bytes)).toBe(false);
    // A resident's browser (no staff login) gets nothing.
    expect((await fetch(`${e2e.server.url}/api/v1/unit-files/${sha256}`)).status).toBe(401);
    await ctx.close();

    // ── The reviewer at the office sees the activity with its photo.
    const office = await e2e.browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    await office.goto(`${e2e.server.url}/ward`);
    await office.getByLabel(/tên đăng nhập/i).fill('vhxh');
    await office.getByLabel(/mật khẩu/i).fill(reviewerPassword);
    await office.getByRole('button', { name: /đăng nhập/i }).click();
    await office.getByTestId('ward-unit-log').click();
    await office.getByTestId('unit-log-unit').selectOption('ttsnc');
    const entry = office.getByTestId('unit-log-activity').filter({ hasText: 'Băng rôn Nghị quyết 57 đường Trần Phú' });
    const thumbnail = entry.getByTestId('activity-photo');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    // Usable on a phone too.
    await office.setViewportSize({ width: 360, height: 740 });
    expect(await office.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await office.setViewportSize({ width: 1280, height: 800 });

    // ── The tracker counts the banner for TTSNC's visual-propaganda task this quarter.
    const today = vietnamToday(Date.now());
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    await office.goto(`${e2e.server.url}/ward/tracker`);
    await office.locator('select[name="kind"]').selectOption('quarter');
    await office.locator('select[name="part"]').selectOption(String(quarter));
    const visual = office.locator('[data-testid="task-row"][data-task="ttsnc-visual"]');
    await expect.poll(async () => (await visual.innerText()).replace(/\s+/g, ' '), { timeout: 15_000 }).toContain('· 1 hoạt động');
    expect(await visual.getAttribute('data-status')).not.toBe('none');
    const ttsncRow = office.locator('[data-testid="unit-row"][data-unit="ttsnc"]');
    expect(await ttsncRow.locator('td').nth(2).innerText()).toBe('1'); // the 2.3 column (2.1, 2.2, 2.3…)
    expect(await ttsncRow.getByTestId('unit-last').innerText()).not.toBe('Chưa ghi nhận hoạt động nào');

    // ── The quarter's report to the People's Committee holds it in its figures.
    await office.goto(`${e2e.server.url}/ward/plan-report`);
    await office.getByTestId('plan-report-kind').selectOption('quarter');
    await office.getByTestId('plan-report-year').fill(today.slice(0, 4));
    await office.getByTestId('plan-report-year').dispatchEvent('change');
    await office.getByTestId('plan-report-index').selectOption(String(quarter));
    const report = office.getByTestId('plan-report');
    await expect.poll(async () => (await report.textContent()) ?? '', { timeout: 15_000 }).toContain(`quý ${['I', 'II', 'III', 'IV'][quarter - 1]} năm ${today.slice(0, 4)}`);
    const text = ((await report.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('- 2.3. Tuyên truyền trực quan: 1 hoạt động');
    expect(text).toContain('Băng rôn: 1');
    expect(text).toContain('“Băng rôn Nghị quyết 57 đường Trần Phú”');
    // Each unit's results: TTSNC's row reads 1 under 2.3 and 1 in all.
    const cells = await office.getByTestId('plan-report-units').locator('tr', { hasText: 'TTSNC' }).locator('td, th').allInnerTexts();
    expect(cells.slice(1, 8)).toEqual(['TTSNC', '0', '0', '1', '0', '0', '1']);
    await office.close();
  }, 120_000);
});
