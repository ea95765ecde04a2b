// The ward office's admin screens in real Chromium against the real server:
// an admin imports the office's residential groups from a CSV (a bad row is
// reported and nothing changes; a good file is checked, then imported), and
// prints a course poster whose QR code, read back from the page's pixels,
// opens that course at the ward's public address.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../server/accounts/users.ts';
import { newStore, openStore } from '../support/server-database.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const PUBLIC = 'http://hocvuso.kienan.example.vn';
let server: RunningServer;
let browser: Browser;
let dataDir: string | undefined;

beforeAll(async () => {
  if (!hasChromium) return;
  dataDir = mkdtempSync(join(tmpdir(), 'hvs-admin-'));
  const store = await newStore(dataDir);
  const { engine, close } = await openStore(store);
  await createUser(engine, { username: 'it', password: 'correct horse battery', role: 'admin', team: null });
  await close();
  server = await startServer({ dataDir, databaseUrl: store.databaseUrl, env: { PUBLIC_ORIGIN: PUBLIC } });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function loginAsAdmin(page: Page) {
  await page.goto(`${server.url}/ward`);
  await page.getByLabel(/tên đăng nhập/i).fill('it');
  await page.getByLabel(/mật khẩu/i).fill('correct horse battery');
  await page.getByRole('button', { name: /đăng nhập/i }).click();
}

const csv = (text: string) => ({ name: 'to-dan-pho.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + text) });

describe.skipIf(!hasChromium)('ward admin', () => {
  it('imports residential groups from a CSV: a bad row changes nothing, a good file goes in whole', async () => {
    const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    await loginAsAdmin(page);
    await page.getByRole('link', { name: 'Hồ sơ phường' }).click();
    const groups = page.getByTestId('groups-editor');
    await groups.getByText('Tổ dân phố 1', { exact: true }).waitFor();

    const input = page.locator('input[name="ward-file"]');
    await input.setInputFiles(csv('Mã tổ,Tên tổ dân phố,Dân số trưởng thành,Số hộ\ntdp-7,Tổ dân phố Lãm Hà,800,300\ntdp-8,Tổ dân phố Đồng Hòa,tám trăm,250\n'));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.locator('tbody tr').count()).toBe(1);
    expect(await errors.locator('tbody tr td').nth(0).textContent()).toBe('3');
    expect(await errors.locator('tbody tr td').nth(1).textContent()).toBe('Dân số trưởng thành');
    expect(await groups.getByText('Tổ dân phố Lãm Hà', { exact: true }).count()).toBe(0);

    await input.setInputFiles(csv('Mã tổ,Tên tổ dân phố,Dân số trưởng thành,Số hộ\ntdp-7,Tổ dân phố Lãm Hà,800,300\ntdp-8,Tổ dân phố Đồng Hòa,"1.020",250\n'));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.locator('tbody tr').count()).toBe(2);
    // Checking changed nothing yet.
    expect(await groups.getByText('Tổ dân phố Lãm Hà', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Nhập 2 tổ' }).click();
    await groups.getByText('Tổ dân phố Đồng Hòa', { exact: true }).waitFor();
    expect(await groups.locator('tbody tr', { hasText: 'tdp-8' }).locator('td').nth(2).textContent()).toBe('1020');
    await page.close();
  }, 90_000);

  it('prints a course poster whose QR code opens the course at the public address', async () => {
    // bypassCSP: reading the pixels back below goes through a data: image,
    // which the app's policy (img-src 'self') rightly refuses; the poster page
    // itself is checked under the policy in csp.test.ts.
    const page = await browser.newPage({ locale: 'vi-VN', bypassCSP: true });
    await loginAsAdmin(page);
    await page.getByRole('link', { name: 'In áp phích' }).click();
    const poster = page.getByTestId('poster');
    await poster.waitFor();
    const course = page.locator('select[name="course"]');
    await expect.poll(() => course.locator('option').count()).toBeGreaterThan(1);
    const courseId = await course.locator('option').nth(1).getAttribute('value');
    await course.selectOption(courseId!);
    await page.locator('select[name="format"]').selectOption('screen');
    await expect.poll(() => poster.getAttribute('data-url')).toBe(`${PUBLIC}/courses/${courseId}`);

    // Read the code back from the browser's own rendering of the SVG.
    const image = await page.evaluate(async () => {
      const svg = document.querySelector('[data-testid="poster"] svg')!;
      const img = new Image();
      img.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 400;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, 400, 400);
      return Array.from(ctx.getImageData(0, 0, 400, 400).data);
    });
    expect(jsQR(new Uint8ClampedArray(image), 400, 400)?.data).toBe(`${PUBLIC}/courses/${courseId}`);
    await page.close();
  }, 90_000);
});
