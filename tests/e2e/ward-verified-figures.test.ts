// Verified figures in real Chromium against the real server. A guide of
// tdp-1 runs a session; a resident with a phone checks in by its code and
// completes a lesson of its course there (a verified completion, credited to
// the session), and the guide confirms an outcome for a resident they
// registered.
// - The office (a reviewer, 360 px) draws a spot-check list: the resident's
//   completion is on it, naming the session, and the office records that a
//   call confirmed it; the result is kept.
// - The admin leaves outcomes out of the official figures: the headline's
//   outcome card, the Excel export and the Word report all show the same 0
//   and say why, while the kinds table still shows the one outcome.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { hasChromium } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { adminPasswordFrom, PROJECT_ROOT } from '../support/server-process.ts';
import { adminCookie, createStaff, loginCookie } from '../support/staff-api.ts';

const e2e = useServerAndBrowser();
const CODE = 'ACDE3467';
const TITLE = 'An toàn trên mạng cho người cao tuổi';
let reviewerPassword = '';

beforeAll(async () => {
  if (!hasChromium) return;
  const server = e2e.server;
  const admin = await adminCookie(server);
  const guidePassword = await createStaff(server, admin, { username: 'hoa', displayName: 'Chị Hoa', role: 'guide', team: 'cns', groups: ['tdp-1'] });
  reviewerPassword = await createStaff(server, admin, { username: 'vhxh', displayName: 'Anh Minh', role: 'reviewer' });
  const guide = await loginCookie(server, 'hoa', guidePassword);
  const me = (await (await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie: guide } })).json()) as { user: { id: string } };

  // The session began an hour ago and lasts two.
  const start = Date.now() - 3_600_000;
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const env = (minutes: number) => ({ id: uuidv7(), recordedBy: me.user.id, deviceId: 'guide-e2e-device-01', occurredAt: at(minutes) });
  const sessionId = uuidv7();
  const session = { ...env(-10), type: 'session.created', sessionId, code: CODE, title: TITLE, groupId: 'tdp-1', place: 'Nhà văn hóa tổ 1', startsAt: at(0), durationMin: 120, courses: ['cyber-safety'] };
  const person = { ...env(5), type: 'assisted.registered', learnerId: uuidv7(), name: 'Bà Lan', birthYear: 1955, gender: 'female', groupId: 'tdp-1', consent: true, consentAt: at(5), sessionId };
  const confirmed = { ...env(30), type: 'outcome.confirmed', learnerId: person.learnerId, sessionId, outcome: 'vneid-level2-activated' };
  const sent = await fetch(`${server.url}/api/v1/guide/sync`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, cookie: guide }, body: JSON.stringify({ deviceId: 'guide-e2e-device-01', events: [session, person, confirmed] }) });
  expect(((await sent.json()) as { results: Array<{ status: string }> }).results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

  // The resident: checks in by the code, then completes a lesson of the session's course at a believable pace.
  const index = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist', 'content', 'index.json'), 'utf8')) as { courses: Array<{ id: string; lessons: Array<{ id: string; minutes?: number }> }> };
  const lesson = index.courses.find((c) => c.id === 'cyber-safety')!.lessons[0];
  const id = uuidv7();
  const secret = newSecret();
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  expect((await post('/learners', { id, secret })).status).toBe(201);
  const deviceId = 'resident-e2e-device-1';
  const events = [
    { id: uuidv7(), type: 'session.joined', learnerId: id, deviceId, occurredAt: at(10), code: CODE, method: 'code' },
    { id: uuidv7(), type: 'lesson.completed', learnerId: id, deviceId, occurredAt: at(40), courseId: 'cyber-safety', lessonId: lesson.id, contentVersion: 'v1', score: 100, durationSec: (lesson.minutes ?? 20) * 60 },
  ];
  const synced = await post('/sync', { deviceId, events }, { authorization: `Bearer ${id}.${secret}` });
  expect(((await synced.json()) as { results: Array<{ status: string }> }).results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
}, 120_000);

async function signIn(username: string, password: string, width: number) {
  const ctx = await e2e.browser.newContext({ locale: 'vi-VN', viewport: { width, height: 740 } });
  const page = await ctx.newPage();
  await page.goto(`${e2e.server.url}/ward`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByTestId('ward-login').click();
  await expect.poll(() => page.getByTestId('stat-outcomes').count(), { timeout: 15_000 }).toBe(1);
  return { ctx, page };
}

describe.skipIf(!hasChromium)('verified figures', () => {
  it('the office at 360 px spot-checks a completion credited to a guided session and records the call', async () => {
    const { ctx, page } = await signIn('vhxh', reviewerPassword, 360);
    await page.getByTestId('spot-draw').click();
    // The guide's outcome and the resident's completion in the session: two verified records.
    await expect.poll(() => page.getByTestId('spot-header').textContent(), { timeout: 10_000 }).toContain('2 mục rút từ 2 bản ghi');
    const item = page.getByTestId('spot-items').locator('li', { has: page.getByTestId('spot-session') });
    expect(await item.getByTestId('spot-session').textContent()).toContain(`tính cho buổi hướng dẫn «${TITLE}» (mã ${CODE}`);
    expect(await item.getByTestId('spot-session').textContent()).toContain('do Chị Hoa hướng dẫn');
    expect(await item.textContent()).toContain('Bài học: cyber-safety /');

    await item.getByRole('button', { name: 'Xác nhận đúng' }).click();
    await expect.poll(() => page.getByTestId('spot-totals').textContent(), { timeout: 10_000 }).toContain('1 đúng, 0 không đúng, 0 không liên lạc được, 1 chưa kiểm tra');
    expect(await item.getByRole('button', { name: 'Xác nhận đúng' }).getAttribute('aria-pressed')).toBe('true');

    // Kept on the server: a fresh page shows the latest list with the result.
    await page.reload();
    await page.getByTestId('spot-latest').click();
    const again = page.getByTestId('spot-items').locator('li', { has: page.getByTestId('spot-session') });
    await expect.poll(() => again.getByRole('button', { name: 'Xác nhận đúng' }).getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=spot-panel], [data-testid=spot-panel] *')].filter((el) => el.getBoundingClientRect().right > 361).map((el) => `${el.tagName}.${el.className}`),
    );
    expect(wide).toEqual([]);
    await ctx.close();
  }, 90_000);

  it("the admin leaves outcomes out: the screen's outcome card, the Excel export and the Word report show the same 0 and say why", async () => {
    const { ctx, page } = await signIn('admin', adminPasswordFrom(e2e.server.output()), 1280);
    const card = page.locator('dl.totals > div', { has: page.getByTestId('stat-outcomes') });
    await expect.poll(() => page.getByTestId('stat-outcomes').textContent(), { timeout: 10_000 }).toBe('1');

    const choice = page.getByTestId('kinds-choice');
    await choice.locator('input[name=outcomes]').uncheck();
    await choice.getByRole('button').click();
    await expect.poll(() => page.getByTestId('stat-outcomes').textContent(), { timeout: 10_000 }).toBe('0');
    const label = 'Kết quả thực hành được xác nhận (phường không chọn tính kết quả thực hành vào số liệu chính thức)';
    expect(await card.locator('dt').textContent()).toBe(label);
    // The kinds table still says how many there were (its third row).
    expect(await page.getByTestId('kinds-table-2').textContent()).toBe('1');

    // The exports the same page offers, with the same session.
    const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const from = await page.getByTestId('range-from').inputValue();
    const to = await page.getByTestId('range-to').inputValue();
    const q = `from=${from}&to=${to}`;
    const xlsx = await fetch(`${e2e.server.url}/api/v1/stats/export.xlsx?${q}`, { headers: { cookie } });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const rows: Array<[string, number]> = [];
    book.worksheets[0].eachRow((row) => {
      if (String(row.getCell(1).value).startsWith('Kết quả thực hành')) rows.push([String(row.getCell(1).value), Number(row.getCell(2).value)]);
    });
    expect(rows).toEqual([[label, 0]]);
    const docx = await fetch(`${e2e.server.url}/api/v1/stats/report.docx?${q}`, { headers: { cookie } });
    expect(docx.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']);
    const cells = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)]
      .map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
      .find((c) => c.length === 3 && c[1].startsWith('Kết quả thực hành'))!;
    expect([cells[1], Number(cells[2])]).toEqual([label, 0]);
    await ctx.close();
  }, 90_000);
});
