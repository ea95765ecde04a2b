// Every office table read on a 360 px phone in Vietnamese, in real Chromium
// against a seeded server: the ward dashboard (with its self-check results and
// the anomaly view), the indicators, the tracker, the registers and the admin
// pages. A table either stacks into cards or scrolls sideways inside its own
// box; it never squeezes a word onto several lines ("Hư / ớn / g dẫ / n") nor
// spills past the screen's edge. Teams are said by name, never by code.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../server/accounts/users.ts';
import { openDb } from '../../server/db/open.ts';
import { loadCatalog } from '../../server/resident/catalog.ts';
import { seedDemo } from '../../server/stats/demo-data.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { hasChromium, launchChromium, PHONE } from '../support/browser.ts';
import { narrowTableCells, widerThanScreen, wordsSplitAcrossLines } from '../support/layout-check.ts';
import { adminPasswordFrom, PROJECT_ROOT, startServer, type RunningServer } from '../support/server-process.ts';
import { adminCookie, createStaff, loginCookie } from '../support/staff-api.ts';

const viLabels = JSON.parse(readFileSync(join(PROJECT_ROOT, 'shared', 'labels', 'vi.json'), 'utf8')) as { team: Record<string, string> };
let server: RunningServer;
let browser: Browser;
let adminPassword: string;
const REVIEWER = { username: 'office', password: 'correct horse battery' };

/** Learners whose lessons are held for review, so the anomaly view has rows. */
async function heldLearners(count: number): Promise<void> {
  const index = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist', 'content', 'index.json'), 'utf8')) as { courses: Array<{ id: string; lessons: Array<{ id: string }> }> };
  const lesson = { courseId: index.courses[0].id, lessonId: index.courses[0].lessons[0].id };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  for (let i = 0; i < count; i++) {
    const id = uuidv7();
    const secret = newSecret();
    expect((await post('/learners', { id, secret })).status).toBe(201);
    const deviceId = `script-${i}-device`;
    const event = { id: uuidv7(), type: 'lesson.completed', learnerId: id, deviceId, occurredAt: new Date().toISOString(), ...lesson, contentVersion: 'v1', score: 100, durationSec: 0 };
    expect((await post('/sync', { deviceId, events: [event] }, { authorization: `Bearer ${id}.${secret}` })).status).toBe(200);
  }
}

/** A unit's budget proposal with a long line, so the budget register has a table to read. */
async function budgetProposal(admin: string): Promise<void> {
  const password = await createStaff(server, admin, { username: 'thao', displayName: 'Chị Thảo', role: 'unit', unitId: 'ttsnc' });
  const cookie = await loginCookie(server, 'thao', password);
  const headers = { 'content-type': 'application/json', origin: server.url, cookie };
  const plans = (await (await fetch(`${server.url}/api/v1/plans`, { headers })).json()) as { plans: Array<{ id: string }> };
  const body = {
    planId: plans.plans[0].id,
    title: 'In tài liệu hướng dẫn kỹ năng số',
    proposedOn: '2026-06-02',
    lines: [{ description: 'Tờ rơi hướng dẫn cài đặt và sử dụng ứng dụng VNeID cho người cao tuổi', quantity: 500, proposedAmount: 1_500_000 }],
  };
  const res = await fetch(`${server.url}/api/v1/registers/budget`, { method: 'POST', headers, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  if (!hasChromium) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'hvs-office-phone-'));
  const { db, sqlite } = openDb(dataDir);
  await createUser(db, { username: REVIEWER.username, password: REVIEWER.password, role: 'reviewer', team: null });
  seedDemo(db, loadCatalog(join(PROJECT_ROOT, 'dist')), { learners: 60, days: 60 });
  sqlite.close();
  server = await startServer({ dataDir });
  const admin = await adminCookie(server);
  adminPassword = adminPasswordFrom(server.output());
  await createStaff(server, admin, { username: 'hung', displayName: 'Anh Nguyễn Văn Hùng', role: 'guide', team: 'cns', groups: ['tdp-1'] });
  await heldLearners(12);
  await budgetProposal(admin);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page, path: string, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel(/tên đăng nhập/i).fill(user.username);
  await page.getByLabel(/mật khẩu/i).fill(user.password);
  await page.getByRole('button', { name: /đăng nhập/i }).click();
}

/** What a person would find wrong with the tables on this screen, named for the failure. */
async function unreadable(page: Page, screen: string): Promise<string[]> {
  await page.locator('table').first().waitFor({ timeout: 15_000 });
  const split = await wordsSplitAcrossLines(page, 'table');
  const narrow = await narrowTableCells(page);
  const wide = await widerThanScreen(page);
  return [...split.map((w) => `${screen}: "${w}" split over lines`), ...narrow.map((c) => `${screen}: cell too narrow: ${c}`), ...wide.map((w) => `${screen}: wider than the screen: ${w}`)];
}

describe.skipIf(!hasChromium)('office tables on a phone', () => {
  it('every office table is readable at 360 px in Vietnamese, teams by name', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    const problems: string[] = [];

    // The ward dashboard: coverage, rankings, courses, kinds, self-check, freshness, and the anomaly view.
    await logIn(page, '/ward', REVIEWER);
    await page.getByTestId('coverage-table').waitFor({ timeout: 15_000 });
    await page.getByTestId('self-check-groups').waitFor();
    await page.getByTestId('anomalies-load').click();
    await page.getByTestId('anomalies-by-rule').waitFor();
    problems.push(...(await unreadable(page, '/ward')));
    expect(await page.locator('table').count()).toBeGreaterThan(6);
    // The guide's team by its name, not the code "cns".
    const teamCells = await page.locator('table td, table th').allTextContents();
    expect(teamCells.map((c) => c.trim())).not.toContain('cns');
    expect(teamCells.map((c) => c.trim())).toContain(viLabels.team.cns);

    for (const path of ['/ward/indicators', '/registers/budget']) {
      await page.goto(`${server.url}${path}`);
      problems.push(...(await unreadable(page, path)));
    }
    expect(await page.locator('table.budget-lines td').first().textContent()).toContain('VNeID');
    await ctx.close();

    const adminCtx = await browser.newContext(PHONE);
    const admin = await adminCtx.newPage();
    await logIn(admin, '/ward', { username: 'admin', password: adminPassword });
    await admin.getByTestId('dashboard').waitFor({ timeout: 15_000 });
    await admin.goto(`${server.url}/admin/ward`);
    problems.push(...(await unreadable(admin, '/admin/ward')));
    await adminCtx.close();

    expect(problems).toEqual([]);
  }, 180_000);
});
