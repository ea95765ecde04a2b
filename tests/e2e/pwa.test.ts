// The app installs like an app and updates calmly: a web manifest with a
// Vietnamese name and icons, and, when a new version is deployed, a banner
// that offers to reload instead of swapping code under a resident's lesson.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, PROJECT_ROOT, type RunningServer } from '../support/server-process.ts';
import { hasChromium, launchChromium, PHONE } from '../support/browser.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';

let server: RunningServer;
let browser: Browser;
let distDir: string;

beforeAll(async () => {
  if (!hasChromium) return;
  // A private copy of the build, so this test can "deploy" a new version.
  distDir = join(mkdtempSync(join(tmpdir(), 'hvs-dist-')), 'dist');
  cpSync(join(PROJECT_ROOT, 'dist'), distDir, { recursive: true });
  server = await startServer({ env: { DIST_DIR: distDir } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.skipIf(!hasChromium)('installable, calm updates', () => {
  it('serves a manifest a phone can install from', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    const manifest = await (await fetch(new URL(href!, server.url))).json();
    expect(manifest).toMatchObject({ name: 'Học vụ số', lang: 'vi', display: 'standalone', start_url: '/' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect((await fetch(new URL(icon.src, server.url))).status, icon.src).toBe(200);
    await page.close();
  });

  it('offers "new version — reload" when an update is waiting, and reloads into it', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(server.url);
    await waitOfflineReady(page);
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect(page.getByTestId('update-banner').isVisible()).resolves.toBe(false);

    // Deploy: any byte change to sw.js is a new version to the browser.
    appendFileSync(join(distDir, 'sw.js'), '\n// next release\n');
    await page.reload();
    await page.getByTestId('update-banner').waitFor({ timeout: 20_000 });
    const before = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)));
    expect(before).toBe(true);

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-banner').getByRole('button').click()]);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting))))
      .toBe(false);
    await expect(page.getByTestId('update-banner').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
