// The city's screen in real Chromium on a city's server, at 360 px, in
// Vietnamese and in English: a city reviewer sees every locality's figures
// exactly as the server's JSON gives them (a small count as "<5"), the
// ranking and the weekly trend, with nothing wider than the phone; the city
// admin sets a target and adds a locality from the same screen, and sees how
// each locality stands against the target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser } from '../../server/accounts/users.ts';
import { loadCatalog } from '../../server/resident/catalog.ts';
import { seedDemo } from '../../server/stats/demo-data.ts';
import type { CityView } from '../../shared/city/view.ts';
import { hasChromium, launchChromium, PHONE } from '../support/browser.ts';
import { builtDist, testCityDeployments, type TestCity } from '../support/city-deployment.ts';
import { TEST_ENGINE } from '../support/server-database.ts';
import { narrowTableCells, widerThanScreen } from '../support/layout-check.ts';

const servers = testCityDeployments();
let server: TestCity;
let browser: Browser;
const PASSWORD = 'mat khau cua thanh pho';

beforeAll(async () => {
  if (!hasChromium) return;
  // The built courses: the demo learners' lessons are the PWA's own.
  server = await servers.start(TEST_ENGINE, { listen: true, catalog: loadCatalog(builtDist()) });
  for (const [slug, name, kind] of [
    ['kien-an', 'Phường Kiến An', 'ward'],
    ['an-lao', 'Xã An Lão', 'commune'],
    ['bach-long-vi', 'Đặc khu Bạch Long Vĩ', 'special-zone'],
  ] as const)
    await server.registry.add({ slug, name, kind }, Date.now());
  // Demo learners of the last 60 days: many in Kiến An and An Lão, three in Bạch Long Vĩ (a "<5" figure).
  for (const [slug, learners] of [['kien-an', 80], ['an-lao', 40], ['bach-long-vi', 3]] as const)
    await seedDemo(await server.stores.engineOf(slug), server.catalog, { learners, days: 60 });
  await createUser(server.city, { username: 'city.admin', password: PASSWORD, role: 'admin', team: null });
  await createUser(server.city, { username: 'city.reviewer', password: PASSWORD, role: 'reviewer', team: null });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function phone(lang: 'vi' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });
  await context.addInitScript((l) => localStorage.setItem('hvs.language', l), lang);
  return { context, page: await context.newPage() };
}

async function logIn(page: Page, username: string) {
  await page.goto(`${server.url}/city`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByTestId('ward-login').click();
  await page.getByTestId('city-localities').waitFor({ timeout: 30_000 });
}

/** The text of a locality's row in the localities table, by column. */
const rowCells = (page: Page, slug: string) =>
  page.evaluate((s) => {
    const row = document.querySelector(`[data-testid="city-localities"] tr[data-slug="${s}"]`)!;
    return Object.fromEntries([...row.querySelectorAll('[data-cell]')].map((c) => [(c as HTMLElement).dataset.cell!, c.textContent!.trim()]));
  }, slug);

describe.skipIf(!hasChromium)("the city's screen", () => {
  it('shows a city reviewer every locality as the server counts it, at 360 px in Vietnamese', async () => {
    const { context, page } = await phone('vi');
    await logIn(page, 'city.reviewer');
    const view = (await (await page.request.get(`${server.url}/api/v1/city/overview`)).json()) as CityView;
    expect(view.localities.map((l) => l.slug)).toEqual(['bach-long-vi', 'kien-an', 'an-lao']);
    const vn = (n: number | string) => (typeof n === 'number' ? n.toLocaleString('vi-VN') : n);
    for (const l of view.localities) {
      const cells = await rowCells(page, l.slug);
      expect([cells.learners, cells.newLearners]).toEqual([vn(l.learners), vn(l.newLearners)]);
    }
    // Three learners leave as "<5", never as 3.
    expect((await rowCells(page, 'bach-long-vi')).learners).toBe('<5');
    expect(await page.getByRole('heading', { name: 'Xếp hạng thi đua' }).count()).toBe(1);
    expect(await page.getByTestId('city-rank-coverage').locator('li').count()).toBe(3);
    expect(await page.getByTestId('city-trend').locator('tbody tr').count()).toBe(3);
    // Exports for the period shown, in the screen's language.
    const csv = await page.getByTestId('city-export-csv').getAttribute('href');
    expect(csv).toContain(`from=${view.range.from}`);
    expect(csv).toContain('lang=vi');
    const file = await page.request.get(`${server.url}${csv}`);
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain('Đặc khu Bạch Long Vĩ');
    // A reviewer reads; the targets editor and the add form are the admin's.
    expect(await page.getByTestId('city-targets-form').count()).toBe(0);
    expect(await widerThanScreen(page)).toEqual([]);
    expect(await narrowTableCells(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it('lets the city admin set a target and add a locality, at 360 px in English', async () => {
    const { context, page } = await phone('en');
    await logIn(page, 'city.admin');
    expect(await page.getByRole('heading', { name: 'Wards, communes and special zones' }).count()).toBe(1);
    const city = page.locator('[data-testid="city-targets-form"] fieldset[data-scope=""]');
    await city.locator('input[name="coverage"]').fill('50');
    await city.locator('input[name="by"]').fill('2026-12-31');
    await page.getByTestId('city-targets-save').click();
    await expect.poll(() => page.getByTestId('city-status').textContent()).toBe('Targets saved.');
    const view = (await (await page.request.get(`${server.url}/api/v1/city/overview`)).json()) as CityView;
    expect(view.targets.city).toEqual({ coverage: 0.5, learners: null, by: '2026-12-31' });
    // Each locality is held to the city's share; what the screen says is what the server says.
    for (const l of view.localities) {
      const s = view.standing.localities[l.slug]!;
      const words = { met: 'met', 'not-yet': 'not yet', unknown: 'cannot be told' }[s.coverage!.status];
      expect((await rowCells(page, l.slug)).target).toContain(`Share 50 %: ${words}`);
    }
    // A half-filled row is named, and nothing is sent.
    const anLao = page.locator('[data-testid="city-targets-form"] fieldset[data-scope="an-lao"]');
    await anLao.locator('input[name="learners"]').fill('100');
    await page.getByTestId('city-targets-save').click();
    await expect.poll(() => page.getByTestId('city-problem').textContent()).toContain('Xã An Lão: needs a date');

    await page.locator('[data-testid="city-add-form"] input[name="name"]').fill('Phường Hải An');
    await page.locator('[data-testid="city-add-form"] input[name="slug"]').fill('hai-an');
    await page.getByTestId('city-add-submit').click();
    await expect.poll(() => page.getByTestId('city-status').textContent()).toBe('Phường Hải An added.');
    await page.locator('[data-testid="city-localities"] tr[data-slug="hai-an"]').waitFor();
    expect((await server.registry.find('hai-an'))?.name).toBe('Phường Hải An');
    expect(await widerThanScreen(page)).toEqual([]);
    expect(await narrowTableCells(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it('is linked from the ward page on a city server', async () => {
    const { context, page } = await phone('vi');
    await page.goto(`${server.url}/ward`);
    await page.locator('input[name="username"]').fill('city.reviewer');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByTestId('ward-login').click();
    await page.getByTestId('ward-city-link').click();
    await page.getByTestId('city-localities').waitFor({ timeout: 30_000 });
    await context.close();
  }, 90_000);
});
