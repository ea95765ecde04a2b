// Accounts and the audit log in real Chromium against the real server, at
// 360 px: an admin creates a guide account, disables and re-enables it and
// resets its password; changes their own password (a common one is refused
// with a plain sentence); then finds all of it in the audit log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser } from '../../server/accounts/users.ts';
import { newStore, openStore } from '../support/server-database.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let browser: Browser;
let dataDir: string | undefined;

beforeAll(async () => {
  if (!hasChromium) return;
  dataDir = mkdtempSync(join(tmpdir(), 'hvs-accounts-'));
  const store = await newStore(dataDir);
  const { engine, close } = await openStore(store);
  await createUser(engine, { username: 'it', password: 'correct horse battery', role: 'admin', team: null });
  await close();
  server = await startServer({ dataDir, databaseUrl: store.databaseUrl });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)('accounts and audit', () => {
  it('account actions, a refused common password and the audit log that records them', async () => {
    const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    await page.goto(`${server.url}/ward`);
    // A typo first: refused, and it will be in the audit log.
    await page.getByLabel(/tên đăng nhập/i).fill('it');
    await page.getByLabel(/mật khẩu/i).fill('correct horse batery');
    await page.getByRole('button', { name: /đăng nhập/i }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await page.getByLabel(/mật khẩu/i).fill('correct horse battery');
    await page.getByRole('button', { name: /đăng nhập/i }).click();

    await page.getByRole('link', { name: 'Tài khoản đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản đăng nhập' }).waitFor();
    await page.locator('input[name="username"]').fill('hoa');
    await page.locator('input[name="display-name"]').fill('Chị Hoa');
    await page.getByLabel('Tổ dân phố 1').check();
    await page.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
    // The one-time password reads as done (not as an error), and the form is empty for the next account.
    const created = page.getByTestId('new-account-result');
    await created.waitFor();
    expect(await created.getAttribute('class')).toBe('notice ok');
    expect(await created.textContent()).toMatch(/Chị Hoa.*[2-9a-z]{4}(-[2-9a-z]{4}){3}/);
    expect(await page.locator('input[name="username"]').inputValue()).toBe('');
    const hoa = page.getByTestId('account-row').filter({ hasText: 'Chị Hoa' });
    await expect.poll(() => hoa.textContent()).toContain('Tổ công nghệ số · Công nghệ số cộng đồng');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Khóa tài khoản hoa' }).click();
    await page.getByText('Đã khóa hoa').waitFor();
    await page.getByRole('button', { name: 'Mở khóa tài khoản hoa' }).click();
    await page.getByText('Đã mở khóa hoa.').waitFor();
    await page.getByRole('button', { name: 'Đặt lại mật khẩu của hoa' }).click();
    const reset = await page.getByText(/Mật khẩu mới của hoa:/).textContent();
    expect(reset).toMatch(/[2-9a-z]{4}(-[2-9a-z]{4}){3}/);

    await page.goto(`${server.url}/account/password`);
    const change = async (next: string) => {
      await page.getByLabel('Mật khẩu hiện tại').fill('correct horse battery');
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill(next);
      await page.getByLabel('Nhập lại mật khẩu mới').fill(next);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    };
    await change('Matkhau2024');
    expect(await page.getByRole('alert').textContent()).toContain('quá phổ biến');
    await change('tổ dân phố 1 học bài chiều thứ bảy');
    await page.getByRole('status').getByText('Đã đổi mật khẩu').waitFor();

    await page.goto(`${server.url}/admin/audit`);
    const entries = page.getByTestId('audit-entry');
    await entries.first().waitFor();
    const titles = await entries.locator('h2').allTextContents();
    expect(titles.slice(0, 5)).toEqual(['Tự đổi mật khẩu', 'Đặt lại mật khẩu cho người khác', 'Mở khóa tài khoản', 'Khóa tài khoản', 'Tạo tài khoản']);
    expect(await entries.nth(1).textContent()).toContain('it (quản trị)');
    expect(await entries.nth(1).textContent()).toContain('tài khoản hoa');
    // Nothing on the page holds a password.
    expect(await page.locator('body').textContent()).not.toContain('tổ dân phố 1 học bài');
    // Cards, not a wide table: nothing scrolls sideways on a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByLabel('Thao tác').selectOption('staff.created');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => entries.locator('h2').allTextContents()).toEqual(['Tạo tài khoản']);
    await page.getByLabel('Thao tác').selectOption('auth.login_failed');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => entries.locator('h2').allTextContents()).toEqual(['Đăng nhập sai']);
    expect(await entries.first().textContent()).toContain('it (quản trị)');
    expect(await entries.first().textContent()).toContain('lý do: sai mật khẩu');
    await page.close();
  }, 120_000);
});
