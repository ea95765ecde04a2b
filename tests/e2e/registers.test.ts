// The plan's registers end to end: a unit officer at 360 px opens them from
// /unit and files a difficulty and a false post with its screenshot; without signal the page says the registers
// need a connection and a save says "not saved" and writes nothing; VH-XH,
// on an office screen, finds it from the ward page and records the proposal
// to the People's Committee beside the list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasLocation, jpegWithGps } from '../support/crafted-images.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { adminCookie, createStaff } from '../support/staff-api.ts';
import { setPhoneOffline } from '../support/network.ts';

const e2e = useServerAndBrowser();
const OFFICE = { viewport: { width: 1280, height: 800 }, locale: 'vi-VN' };

describe.skipIf(!hasChromium)('the plan registers', () => {
  it('a unit officer files a difficulty at 360 px, offline nothing is pretended, and VH-XH records the handling', async () => {
    const admin = await adminCookie(e2e.server);
    const officerPassword = await createStaff(e2e.server, admin, { username: 'thao', displayName: 'Chị Thảo', role: 'unit', unitId: 'ttsnc' });
    const reviewerPassword = await createStaff(e2e.server, admin, { username: 'vhxh', displayName: 'Anh Minh', role: 'reviewer' });

    // ── The unit officer's phone.
    const ctx = await e2e.browser.newContext(PHONE);
    const phone = await ctx.newPage();
    await phone.goto(`${e2e.server.url}/unit`);
    await phone.getByLabel('Tên đăng nhập').fill('thao');
    await phone.getByLabel('Mật khẩu').fill(officerPassword);
    await phone.getByTestId('unit-login').click();
    await phone.getByTestId('unit-registers').getByRole('link', { name: 'Khó khăn, vướng mắc' }).click();
    const form = phone.getByTestId('difficulty-form');
    await form.getByLabel('Nội dung kế hoạch liên quan').selectOption('1.2');
    await form.getByLabel('Tóm tắt').fill('Thiếu loa ở tổ dân phố 5');
    await form.getByLabel('Ngày phát sinh').fill('2025-06-02');
    await form.getByRole('button', { name: 'Gửi khó khăn, vướng mắc' }).click();
    await expect.poll(() => phone.getByTestId('difficulty-list').textContent()).toContain('Thiếu loa ở tổ dân phố 5');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await dbRows<{ unit_id: string; status: string }>(e2e.server, 'SELECT unit_id, status FROM register_difficulties')).toEqual([{ unit_id: 'ttsnc', status: 'new' }]);

    // The budget form fits the phone too.
    await phone.getByRole('link', { name: 'Đề xuất kinh phí' }).click();
    await phone.getByTestId('budget-form').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // A false post, logged with its screenshot: drawn again on the phone, so no location data is stored.
    await phone.getByRole('link', { name: 'Thông tin sai lệch trên mạng xã hội' }).click();
    const misinfo = phone.getByTestId('misinfo-form');
    await misinfo.getByLabel('Đường dẫn công khai (bắt đầu bằng http:// hoặc https://)').fill('https://social.example/p/57');
    await misinfo.getByLabel('Mô tả ngắn').fill('Bài nói cài VNeID phải trả phí');
    await misinfo.getByLabel('Đánh giá').fill('Sai sự thật');
    await misinfo.getByLabel('Chọn ảnh chụp màn hình').setInputFiles({ name: 'chup-man-hinh.jpg', mimeType: 'image/jpeg', buffer: jpegWithGps() });
    const shot = misinfo.getByTestId('misinfo-screenshot-img');
    await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await misinfo.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dbRows<{ screenshot_file: string | null }>(e2e.server, 'SELECT screenshot_file FROM register_misinformation')).toHaveLength(1);
    const [{ screenshot_file: stored }] = await dbRows<{ screenshot_file: string }>(e2e.server, 'SELECT screenshot_file FROM register_misinformation');
    expect(await dbRows(e2e.server, 'SELECT sha256 FROM register_files')).toEqual([{ sha256: stored }]);
    expect(hasLocation(new Uint8Array(readFileSync(join(e2e.server.dataDir, 'files', stored))))).toBe(false);

    // ── No signal: the page says so, and a save is refused on the device, not queued.
    await phone.getByRole('link', { name: 'Khó khăn, vướng mắc' }).click();
    await setPhoneOffline(ctx, true);
    await expect.poll(() => phone.getByTestId('registers-offline').textContent()).toContain('chỉ dùng được khi có mạng');
    await form.getByLabel('Tóm tắt').fill('Mất điện ở nhà văn hóa');
    await form.getByRole('button', { name: 'Gửi khó khăn, vướng mắc' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Chưa lưu: không có kết nối mạng');
    expect(await form.getByLabel('Tóm tắt').inputValue()).toBe('Mất điện ở nhà văn hóa');
    expect(await dbRows(e2e.server, 'SELECT id FROM register_difficulties')).toHaveLength(1);
    await ctx.close();

    // ── VH-XH at the office.
    const office = await e2e.browser.newContext(OFFICE);
    const page = await office.newPage();
    await page.goto(`${e2e.server.url}/ward`);
    await page.getByLabel('Tên đăng nhập').fill('vhxh');
    await page.getByLabel('Mật khẩu').fill(reviewerPassword);
    await page.getByTestId('ward-login').click();
    await page.getByRole('link', { name: 'Sổ theo dõi kế hoạch' }).click();
    await page.getByRole('button', { name: 'Ghi xử lý: Thiếu loa ở tổ dân phố 5' }).click();
    const handling = page.getByTestId('handling-form');
    await handling.getByLabel('Trạng thái').selectOption('proposed');
    await handling.getByLabel('Cách xử lý, hoặc nội dung đề xuất UBND phường').fill('Trình UBND phường bố trí loa mới.');
    await handling.getByLabel('Ngày xử lý').fill('2025-06-05');
    await handling.getByRole('button', { name: 'Lưu kết quả xử lý' }).click();
    await expect.poll(() => page.getByTestId('difficulty-list').textContent()).toContain('Đã đề xuất UBND phường');
    // The office layout: the form stands beside the list, not under it.
    const list = (await page.getByTestId('difficulty-list').boundingBox())!;
    const side = (await handling.boundingBox())!;
    expect(side.x).toBeGreaterThan(list.x + list.width - 1);
    expect(await dbRows<{ status: string; proposed_on: string }>(e2e.server, 'SELECT status, proposed_on FROM register_difficulties')).toEqual([{ status: 'proposed', proposed_on: '2025-06-05' }]);
    expect(await dbRows(e2e.server, "SELECT id FROM audit_log WHERE action IN ('difficulty.filed', 'difficulty.handled')")).toHaveLength(2);
    await office.close();
  }, 120_000);
});
