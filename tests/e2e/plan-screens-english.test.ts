// The plan's screens in English on a 360 px phone: the unit officer's /unit
// and the registers, VH-XH's tracker, registers and plan report. Each shows
// no raw string key, nothing wider than the screen, and no Vietnamese but
// what the ward itself wrote (the plan's titles, units' names, entries) —
// the report's own document stays Vietnamese, as the People's Committee
// receives it, and is left out of the language check.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { uuidv7 } from '../../shared/ids.ts';
import { vietnamToday } from '../../shared/plans/periods.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { widerThanScreen } from '../support/layout-check.ts';
import { adminCookie, createStaff, loginCookie } from '../support/staff-api.ts';
import { rawKeys, textShown, vietnameseAmong } from '../support/screen-text.ts';

const e2e = useServerAndBrowser();
const PLAN = 'sample-nq57';

async function english(cookie: string): Promise<BrowserContext> {
  const ctx = await e2e.browser.newContext({ ...PHONE, locale: 'en-GB' });
  const [name, value] = cookie.split('=');
  await ctx.addCookies([{ name, value, url: e2e.server.url }]);
  await ctx.addInitScript(() => localStorage.setItem('hvs.language', 'en'));
  return ctx;
}

/** Every string the ward wrote into its plan (titles, duties, tasks), its units and the entries made below. */
function wardWords(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) wardWords(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) wardWords(v, out);
  return out;
}

async function expectEnglish(page: Page, screen: string, data: readonly string[], leaveOut?: string) {
  expect(await widerThanScreen(page), screen).toEqual([]);
  // The report's document is Vietnamese by design: hidden while the rest is read.
  if (leaveOut) await page.locator(leaveOut).evaluate((el: HTMLElement) => void (el.style.display = 'none'));
  const texts = await textShown(page);
  if (leaveOut) await page.locator(leaveOut).evaluate((el: HTMLElement) => void (el.style.display = ''));
  expect(rawKeys(texts), screen).toEqual([]);
  expect(vietnameseAmong(texts, data), screen).toEqual([]);
}

describe.skipIf(!hasChromium)("the plan's screens in English at 360 px", () => {
  it('unit page, registers, tracker and plan report: no raw key, no Vietnamese of the app, no sideways scroll', async () => {
    const url = e2e.server.url;
    const admin = await adminCookie(e2e.server);
    const officerPassword = await createStaff(e2e.server, admin, { username: 'thao', displayName: 'Chị Thảo', role: 'unit', unitId: 'ttsnc' });
    const reviewerPassword = await createStaff(e2e.server, admin, { username: 'vhxh', displayName: 'Anh Minh', role: 'reviewer' });
    const officer = await loginCookie(e2e.server, 'thao', officerPassword);
    const reviewer = await loginCookie(e2e.server, 'vhxh', reviewerPassword);
    const send = async (cookie: string, method: string, path: string, body: unknown) => {
      const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', origin: url, cookie }, body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return res.json() as Promise<{ id: string }>;
    };

    // What the ward wrote: an activity, a difficulty with its handling, a false post, a budget proposal.
    const today = vietnamToday(Date.now());
    const officerId = ((await (await fetch(`${url}/api/v1/auth/me`, { headers: { cookie: officer } })).json()) as { user: { id: string } }).user.id;
    const activity = { title: 'Băng rôn chợ Đông', place: 'Chợ Đông' };
    await send(officer, 'POST', '/api/v1/units/sync', {
      deviceId: 'unit-phone-0001',
      events: [{ id: uuidv7(), type: 'activity.recorded', recordedBy: officerId, deviceId: 'unit-phone-0001', occurredAt: new Date().toISOString(), unitId: 'ttsnc', planId: PLAN, activityId: uuidv7(), startsOn: today, formCode: '2.3', subFormId: 'banner', contentItems: ['1.2'], ...activity, audiences: ['residents'], reach: { copies: 3 }, links: [] }],
    });
    const difficulty = { summary: 'Thiếu loa ở tổ dân phố 5', details: 'Loa hỏng từ tháng trước.', handling: 'Trình UBND phường bố trí kinh phí.' };
    const { id: difficultyId } = await send(officer, 'POST', '/api/v1/registers/difficulties', { planId: PLAN, itemCode: '1.2', summary: difficulty.summary, details: difficulty.details, raisedOn: today });
    await send(reviewer, 'PUT', `/api/v1/registers/difficulties/${difficultyId}/handling`, { status: 'proposed', handling: difficulty.handling, handledOn: today });
    const misinfo = { description: 'Bài nói cài VNeID phải trả phí', assessment: 'Sai sự thật' };
    await send(officer, 'POST', '/api/v1/registers/misinformation', { planId: PLAN, itemCode: '1.2', platform: 'tiktok', link: 'https://social.example/p/57', seenOn: today, ...misinfo, action: 'reported', actionOn: today, status: 'following' });
    const budget = { title: 'Pa nô tuyên truyền', line: 'Pa nô 2 x 4 m' };
    await send(officer, 'POST', '/api/v1/registers/budget', { planId: PLAN, title: budget.title, proposedOn: today, lines: [{ description: budget.line, quantity: 2, proposedAmount: 3_000_000 }] });

    const plan = await (await fetch(`${url}/api/v1/plans/${PLAN}`, { headers: { cookie: reviewer } })).json();
    const units = await (await fetch(`${url}/api/v1/units`, { headers: { cookie: reviewer } })).json();
    const { name: wardName } = (await (await fetch(`${url}/api/v1/ward`)).json()) as { name: string };
    const data = [wardName, 'Chị Thảo', 'Anh Minh', ...wardWords(plan), ...wardWords(units), ...Object.values(activity), ...Object.values(difficulty), ...Object.values(misinfo), ...Object.values(budget)].filter((s) => s.length > 1);

    // ── The unit officer's phone.
    const phone = await english(officer);
    const page = await phone.newPage();
    await page.goto(`${url}/unit`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe('Record outreach');
    await expect.poll(() => page.getByTestId('unit-activity').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('unit-tasks').getByTestId('unit-task').first().waitFor();
    await expectEnglish(page, '/unit', data);
    await page.getByTestId('activity-correct').click();
    await page.getByTestId('correction-form').waitFor();
    await expectEnglish(page, '/unit correcting', data);
    for (const register of ['difficulties', 'misinformation', 'budget']) {
      await page.goto(`${url}/registers/${register}`);
      await page.locator('form').first().waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('[data-testid$="-list"]').first().textContent(), { timeout: 15_000 }).not.toBe('');
      await expectEnglish(page, `/registers/${register} (officer)`, data);
    }
    await phone.close();

    // ── VH-XH on a phone.
    const office = await english(reviewer);
    const desk = await office.newPage();
    await desk.goto(`${url}/ward/tracker`);
    await desk.getByTestId('tracker-view').getByTestId('unit-row').first().waitFor({ timeout: 15_000 });
    await expectEnglish(desk, '/ward/tracker', data);
    const lists = { difficulties: ['difficulty-list', difficulty.summary], misinformation: ['misinfo-list', misinfo.description], budget: ['budget-list', budget.title] };
    for (const [register, [list, entry]] of Object.entries(lists)) {
      await desk.goto(`${url}/registers/${register}`);
      await expect.poll(() => desk.getByTestId(list).textContent(), { timeout: 15_000 }).toContain(entry);
      await expectEnglish(desk, `/registers/${register} (office)`, data);
    }
    await desk.goto(`${url}/ward/plan-report?plan=${PLAN}&period=${today.slice(0, 7)}`);
    await desk.getByTestId('plan-report').waitFor({ timeout: 15_000 });
    await expectEnglish(desk, '/ward/plan-report', data, '[data-testid="plan-report"]');
    await office.close();
  }, 120_000);
});
