// Every office table read on a 360 px phone in Vietnamese, in real Chromium
// against a seeded server: the ward dashboard (with its self-check results and
// the anomaly view), the indicators, the tracker, the registers and the admin
// pages. A table either stacks into cards or scrolls sideways inside its own
// box; it never squeezes a word onto several lines ("Hư / ớn / g dẫ / n") nor
// spills past the screen's edge. Teams are said by name, never by code, and
// no phone's id (a guide's or a resident's) is shown to the office anywhere
// (M-3 of the December UX review, and minor 18's device id).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../server/accounts/users.ts';
import { newStore, openStore } from '../support/server-database.ts';
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
const GUIDE_PHONE = 'guide-cC9DkgPIEjf7wRbi';

/** A guide's phone sends a session, so the office knows when that guide last sent. */
async function guideSends(admin: string): Promise<void> {
  const password = await createStaff(server, admin, { username: 'hung', displayName: 'Anh Nguyễn Văn Hùng', role: 'guide', team: 'cns', groups: ['tdp-1'] });
  const cookie = await loginCookie(server, 'hung', password);
  const me = (await (await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } })).json()) as { user: { id: string } };
  const at = new Date().toISOString();
  const session = { id: uuidv7(), recordedBy: me.user.id, deviceId: GUIDE_PHONE, occurredAt: at, type: 'session.created', sessionId: uuidv7(), code: 'ACDE3467', title: 'Buổi học VNeID', groupId: 'tdp-1', place: 'Nhà văn hóa tổ 1', startsAt: at, durationMin: 90, courses: [firstCourse().courseId] };
  const res = await fetch(`${server.url}/api/v1/guide/sync`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, cookie }, body: JSON.stringify({ deviceId: GUIDE_PHONE, events: [session] }) });
  expect(((await res.json()) as { results: Array<{ status: string }> }).results[0].status).toBe('accepted');
}

const PHONE_ID = new RegExp(`${GUIDE_PHONE}|script-\\d+-device|demo-[0-9a-f]{12}`, 'g');

/** Any phone id on the screen: the guide's, a held learner's ("script-…") or a demo learner's ("demo-…"). */
async function phoneIdsShown(page: Page, screen: string): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll('[title]')].map((e) => e.getAttribute('title')).join(' '));
  return (text.match(PHONE_ID) ?? []).map((id) => `${screen}: ${id}`);
}

/** Phone ids in what the office's pages are sent by the API (readable in the browser's tools). */
function phoneIdsSent(page: Page): () => string[] {
  const found: string[] = [];
  page.on('response', (res) => {
    if (!res.url().includes('/api/') || !(res.headers()['content-type'] ?? '').includes('json')) return;
    void res.text().then((body) => found.push(...(body.match(PHONE_ID) ?? []).map((id) => `${new URL(res.url()).pathname}: ${id}`)), () => {});
  });
  return () => found;
}

/** Learners whose lessons are held for review, so the anomaly view has rows. */
function firstCourse(): { courseId: string; lessonId: string } {
  const index = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist', 'content', 'index.json'), 'utf8')) as { courses: Array<{ id: string; lessons: Array<{ id: string }> }> };
  return { courseId: index.courses[0].id, lessonId: index.courses[0].lessons[0].id };
}

async function heldLearners(count: number): Promise<void> {
  const lesson = firstCourse();
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
  const store = await newStore(dataDir);
  const { engine, close } = await openStore(store);
  await createUser(engine, { username: REVIEWER.username, password: REVIEWER.password, role: 'reviewer', team: null });
  await seedDemo(engine, loadCatalog(join(PROJECT_ROOT, 'dist')), { learners: 60, days: 60 });
  await close();
  server = await startServer({ dataDir, databaseUrl: store.databaseUrl });
  const admin = await adminCookie(server);
  adminPassword = adminPasswordFrom(server.output());
  await guideSends(admin);
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
  it('every office table is readable at 360 px in Vietnamese, teams by name, no phone ids', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    const sentToReviewer = phoneIdsSent(page);
    const problems: string[] = [];

    // The ward dashboard: coverage, rankings, courses, kinds, self-check, freshness, and the anomaly view.
    await logIn(page, '/ward', REVIEWER);
    await page.getByTestId('coverage-table').waitFor({ timeout: 15_000 });
    await page.getByTestId('self-check-groups').waitFor();
    await page.getByTestId('anomalies-load').click();
    await page.getByTestId('anomalies-by-rule').waitFor();
    problems.push(...(await unreadable(page, '/ward')), ...(await phoneIdsShown(page, '/ward')));
    expect(await page.locator('table').count()).toBeGreaterThan(6);
    // The guide's team by its name, not the code "cns".
    const teamCells = await page.locator('table td, table th').allTextContents();
    expect(teamCells.map((c) => c.trim())).not.toContain('cns');
    expect(teamCells.map((c) => c.trim())).toContain(viLabels.team.cns);

    // The report to print, as the office reads it on screen before printing.
    await page.getByTestId('open-report').click();
    await page.getByTestId('print-report').locator('table').first().waitFor({ timeout: 15_000 });
    problems.push(...(await unreadable(page, 'report')));

    for (const path of ['/ward/indicators', '/registers/budget']) {
      await page.goto(`${server.url}${path}`);
      problems.push(...(await unreadable(page, path)), ...(await phoneIdsShown(page, path)));
    }
    expect(await page.locator('table.budget-lines td').first().textContent()).toContain('VNeID');
    await ctx.close();

    const adminCtx = await browser.newContext(PHONE);
    const admin = await adminCtx.newPage();
    const sentToAdmin = phoneIdsSent(admin);
    await logIn(admin, '/ward', { username: 'admin', password: adminPassword });
    await admin.getByTestId('dashboard').waitFor({ timeout: 15_000 });
    await admin.goto(`${server.url}/admin/ward`);
    problems.push(...(await unreadable(admin, '/admin/ward')), ...(await phoneIdsShown(admin, '/admin/ward')));
    // A file of groups checked before import: its problems, then its preview.
    const csv = (text: string) => ({ name: 'to-dan-pho.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFFMã tổ,Tên tổ dân phố,Dân số trưởng thành,Số hộ\n${text}`) });
    const file = admin.locator('input[name="ward-file"]');
    await file.setInputFiles(csv('tdp-7,Tổ dân phố Lãm Hà,800,300\ntdp-8,Tổ dân phố Đồng Hòa,tám trăm,250\n'));
    await admin.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await admin.getByTestId('import-errors').waitFor();
    problems.push(...(await unreadable(admin, 'import problems')));
    await file.setInputFiles(csv('tdp-7,Tổ dân phố Lãm Hà,800,300\n'));
    await admin.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await admin.getByTestId('import-preview').waitFor();
    problems.push(...(await unreadable(admin, 'import preview')));
    // The audit log and the staff accounts: what was recorded and by whom, never on which phone.
    for (const path of ['/admin/audit', '/admin/staff']) {
      await admin.goto(`${server.url}${path}`);
      await admin.locator('main h1').first().waitFor();
      await admin.waitForLoadState('networkidle');
      problems.push(...(await phoneIdsShown(admin, path)));
    }
    await adminCtx.close();

    expect(problems).toEqual([]);
    expect([...sentToReviewer(), ...sentToAdmin()]).toEqual([]);
  }, 180_000);
});
