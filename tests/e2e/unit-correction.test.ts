// A unit officer corrects the unit's own activity on a phone at 360 px.
// Signing in on the staff page takes the officer to the unit's screen (their
// tasks and log), not the ward dashboard. A correction with its reason
// reaches the server once; after the Culture-Social Office issues the
// month's report the period is locked: the next correction is refused and
// the phone says so in words, and the officer can send it as a correction
// after the report, which the server keeps beside the issued report and the
// audit log records.
import { describe, expect, it } from 'vitest';
import { vietnamToday } from '../../shared/plans/periods.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { adminCookie, createStaff, loginCookie } from '../support/staff-api.ts';

const e2e = useServerAndBrowser();

interface ActivityRow {
  copies: number | null;
  corrections: number;
}
const activityRows = () => dbRows<ActivityRow>(e2e.server, 'SELECT reach_copies AS copies, corrections FROM unit_activities');
const copies = (row: ActivityRow) => row.copies;

describe.skipIf(!hasChromium)("a unit officer's corrections", () => {
  it('opens the unit screen after signing in, corrects an activity, and after the report is issued sends the correction after the report', async () => {
    const admin = await adminCookie(e2e.server);
    const officerPassword = await createStaff(e2e.server, admin, { username: 'thao', displayName: 'Chị Thảo', role: 'unit', unitId: 'ttsnc' });
    const reviewerPassword = await createStaff(e2e.server, admin, { username: 'vhxh', displayName: 'Anh Minh', role: 'reviewer' });

    // ── Signing in on the staff page opens the unit's own screen.
    const ctx = await e2e.browser.newContext(PHONE);
    const phone = await ctx.newPage();
    await phone.goto(`${e2e.server.url}/ward`);
    await phone.getByLabel(/tên đăng nhập/i).fill('thao');
    await phone.getByLabel(/mật khẩu/i).fill(officerPassword);
    await phone.getByRole('button', { name: /đăng nhập/i }).click();
    await phone.waitForURL(/\/unit$/, { timeout: 15_000 });
    await expect.poll(() => phone.getByTestId('unit-name').textContent(), { timeout: 15_000 }).toBe('Trung tâm sự nghiệp công');
    await phone.getByTestId('unit-tasks').waitFor();
    expect(await phone.getByTestId('dashboard').count()).toBe(0);

    // ── A banner recorded with the wrong number of copies.
    const form = phone.getByTestId('activity-form');
    await form.locator('select[name="form"]').selectOption('2.3');
    await form.locator('select[name="subForm"]').selectOption('banner');
    await form.getByLabel(/^1\.2 /).check();
    await form.getByLabel('Tên hoạt động').fill('Băng rôn đường Lê Lợi');
    await form.getByLabel('Số bản, số cái').fill('3');
    await phone.getByTestId('activity-save').click();
    await expect.poll(() => phone.getByTestId('unit-sync-state').textContent(), { timeout: 15_000 }).toBe('Đã gửi hết');
    await expect.poll(async () => (await activityRows()).map(copies)).toEqual([3]);

    // ── The officer corrects it, with a reason.
    const entry = phone.getByTestId('unit-activity').filter({ hasText: 'Băng rôn đường Lê Lợi' });
    await entry.getByTestId('activity-correct').click();
    const correction = phone.getByTestId('correction-form');
    expect(await correction.getByLabel('Tên hoạt động').inputValue()).toBe('Băng rôn đường Lê Lợi');
    await correction.getByLabel('Số bản, số cái').fill('5');
    // Without a reason nothing is sent.
    await correction.getByTestId('correction-save').click();
    expect(await correction.getByRole('alert').textContent()).toContain('lý do');
    await correction.getByLabel('Lý do sửa').fill('Treo thêm 2 băng rôn');
    await correction.getByTestId('correction-save').click();
    await expect.poll(() => phone.getByTestId('unit-sync-state').textContent(), { timeout: 15_000 }).toBe('Đã gửi hết');
    await expect.poll(async () => (await activityRows()).map((r) => [copies(r), r.corrections])).toEqual([[5, 1]]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // ── The office issues this month's report: the month is locked.
    const today = vietnamToday(Date.now());
    const reviewer = await loginCookie(e2e.server, 'vhxh', reviewerPassword);
    const issued = await fetch(`${e2e.server.url}/api/v1/plans/sample-nq57/report/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: e2e.server.url, cookie: reviewer },
      body: JSON.stringify({ period: today.slice(0, 7), number: '12/BC-UBND', issuedOn: today }),
    });
    expect(issued.status).toBe(200);

    // A plain correction now is refused, and the phone says why in words.
    await entry.getByTestId('activity-correct').click();
    await correction.getByLabel('Số bản, số cái').fill('6');
    await correction.getByLabel('Lý do sửa').fill('Thêm 1 băng rôn ở chợ');
    await correction.getByTestId('correction-save').click();
    const locked = entry.getByTestId('activity-locked');
    await expect.poll(() => locked.textContent(), { timeout: 15_000 }).toContain('đã ban hành');
    expect((await activityRows()).map((r) => [copies(r), r.corrections])).toEqual([[5, 1]]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Sent as a correction after the report: kept, and the audit log says so.
    await entry.getByTestId('activity-correct-after-issue').click();
    await expect.poll(async () => (await activityRows()).map((r) => [copies(r), r.corrections]), { timeout: 15_000 }).toEqual([[6, 2]]);
    await expect.poll(() => entry.getByTestId('activity-locked').count()).toBe(0);
    await expect.poll(() => phone.getByTestId('unit-sync-state').textContent(), { timeout: 15_000 }).toBe('Đã gửi hết');
    const audit = await dbRows<{ action: string }>(e2e.server, "SELECT action FROM audit_log WHERE action = 'unit.activity_corrected_after_issue'");
    expect(audit).toHaveLength(1);
    await ctx.close();
  }, 120_000);
});
