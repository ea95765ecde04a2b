// The reviewer's anomaly view and spot-check list in real Chromium at 360 px,
// against the real server: twelve learners registered from one address, each
// reporting a lesson done in 0 seconds, are held; the reviewer sees them by
// code, accepts one, and the dashboard's lesson count moves by exactly one.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser } from '../../server/accounts/users.ts';
import { newStore, openStore } from '../support/server-database.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { PROJECT_ROOT, startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let browser: Browser;
let dataDir: string;
const SCRIPTED = 12;

beforeAll(async () => {
  if (!hasChromium) return;
  dataDir = mkdtempSync(join(tmpdir(), 'hvs-integrity-'));
  const store = await newStore(dataDir);
  const { engine, close } = await openStore(store);
  await createUser(engine, { username: 'office', password: 'correct horse battery', role: 'reviewer', team: null });
  await close();
  server = await startServer({ dataDir, databaseUrl: store.databaseUrl });
  const index = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist', 'content', 'index.json'), 'utf8')) as { courses: Array<{ id: string; lessons: Array<{ id: string }> }> };
  const lesson = { courseId: index.courses[0].id, lessonId: index.courses[0].lessons[0].id };
  for (let i = 0; i < SCRIPTED; i++) {
    const id = uuidv7();
    const secret = newSecret();
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post('/learners', { id, secret })).status).toBe(201);
    const deviceId = `script-${i}-device`;
    const event = { id: uuidv7(), type: 'lesson.completed', learnerId: id, deviceId, occurredAt: new Date().toISOString(), ...lesson, contentVersion: 'v1', score: 100, durationSec: 0 };
    const res = await post('/sync', { deviceId, events: [event] }, { authorization: `Bearer ${id}.${secret}` });
    expect(((await res.json()) as { results: Array<{ status: string }> }).results[0].status).toBe('accepted');
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.skipIf(!hasChromium)('ward integrity screens', () => {
  it('a reviewer at 360 px reviews held learners by code and draws a spot-check list', async () => {
    const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    await page.goto(`${server.url}/ward`);
    await page.getByLabel(/tên đăng nhập/i).fill('office');
    await page.getByLabel(/mật khẩu/i).fill('correct horse battery');
    await page.getByRole('button', { name: /đăng nhập/i }).click();
    const overflowing = () =>
      page.evaluate(() =>
        ['[data-testid=anomaly-panel]', '[data-testid=spot-panel]', '[aria-labelledby=dash-kinds]']
          .flatMap((q) => [...document.querySelectorAll(`${q}, ${q} *`)])
          .filter((el) => !el.closest('.table-scroll') && (el.getBoundingClientRect().right > 360 || (getComputedStyle(el).overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)))
          .map((el) => `${el.tagName}.${el.className}`),
      );
    const lessons = page.getByTestId('stat-completions');
    const shown = async () => Number((await lessons.textContent())!.replace(/\D/g, ''));
    await expect.poll(shown, { timeout: 15_000 }).toBe(0);
    // The headline's lesson count says which kinds it counts (the ward has not chosen: both kinds of learning).
    expect(await page.locator('dl.totals > div', { has: lessons }).locator('dt').textContent()).toBe('Lượt hoàn thành bài học (tính: học có người hướng dẫn xác nhận; tự học, tự khai trên điện thoại)');

    await page.getByTestId('anomalies-load').click();
    const list = page.getByTestId('anomaly-learners');
    await list.waitFor();
    expect(await list.locator('li').count()).toBe(SCRIPTED);
    expect(await page.getByTestId('anomalies-by-rule').textContent()).toContain('Quá nhiều lượt đăng ký từ một địa chỉ mạng');
    // The new sections fit the phone: nothing in them spills out sideways (their wide tables scroll).
    expect(await overflowing()).toEqual([]);

    await list.locator('li').first().getByRole('button', { name: 'Chấp nhận (tính vào số liệu)' }).click();
    await expect.poll(() => list.locator('li').first().textContent()).toContain('Đã chấp nhận 1 bản ghi');
    await page.getByTestId('range-show').click();
    await expect.poll(shown).toBe(1);

    await page.getByTestId('spot-draw').click();
    await expect.poll(() => page.getByTestId('spot-header').textContent()).toContain('0 mục rút từ 0 bản ghi');
    expect(await overflowing()).toEqual([]);
  }, 90_000);
});
