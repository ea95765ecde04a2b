// The city's consolidated report printed from real Chromium: a city of 30
// localities (added by the city's admin over HTTP; residents registered and
// synced in five of them, adults entered in half), the report page printed to
// an A4 PDF and read back with poppler (pdfinfo, pdftotext). What an office
// would notice: A4 paper; the national title on one line; the table of
// localities running over more than one page with its heading row repeated
// on each; every locality's row whole, nothing past the right margin, with
// the same figures as GET /api/v1/city/overview ("<5" and "*" where it hides
// a count); the signature with the report's text on its page; no page number
// on page 1.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { CityOverview } from '../../shared/city/api.ts';
import type { LocalityKind } from '../../shared/localities/locality.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { testCityDeployments, type TestCity } from '../support/city-deployment.ts';
import { overflows, printToPdf } from '../support/printed-pdf.ts';
import { TEST_ENGINE } from '../support/server-database.ts';

const cities = testCityDeployments();
const NOW = Date.parse('2025-06-01T03:00:00Z');
const PERIOD = 'from=2025-05-01&to=2025-06-30';
const KINDS: Array<[LocalityKind, string]> = [['ward', 'Phường'], ['commune', 'Xã'], ['special-zone', 'Đặc khu']];
const LOCALITIES = 30;
/** Learners in five localities: 2 is "<5", and then 5 (the smallest other) is hidden as "*". */
const LEARNERS: Record<number, number> = { 1: 12, 2: 7, 3: 5, 4: 2, 5: 8 };

/** A figure as the report should print it, from the overview's JSON. */
const count = (c: number | string) => (typeof c === 'number' ? c.toLocaleString('vi-VN') : c);
const share = (x: number | null) => (x === null ? '—' : `${(x * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let browser: Browser;
let city: TestCity;
let adminCookie: string;
beforeAll(async () => {
  if (!hasChromium) return;
  browser = await launchChromium();
  city = await cities.start(TEST_ENGINE, { now: () => NOW, listen: true });
  adminCookie = await city.adminCookie();
  // The city as its home profile names it: what the report's heading says.
  await city.asAdmin('/api/v1/ward', { method: 'PUT', body: JSON.stringify({ name: 'Thành phố Cần Thơ', channels: [] }) });
  for (let i = 1; i <= LOCALITIES; i++) {
    const [kind, word] = KINDS[i % 3]!;
    const slug = `loc-${String(i).padStart(2, '0')}`;
    await city.addLocality({ slug, name: `${word} Số ${i}`, kind });
    await city.setAdults(slug, i % 2 === 1 ? 100 + i * 10 : null);
    if (LEARNERS[i]) await city.addLearners(slug, LEARNERS[i]);
  }
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await city?.stop();
});

describe.skipIf(!hasChromium)("the city's printed consolidated report", () => {
  it('prints 30 localities on A4 with the overview’s figures, the table heading on every page it runs over', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const [name, value] = adminCookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: city.url }]);
    const page = await context.newPage();
    const view = (await (await page.request.get(`${city.url}/api/v1/city/overview?${PERIOD}`)).json()) as CityOverview;
    expect(view.localities).toHaveLength(LOCALITIES);
    // Every seeded resident counted.
    expect(view.totals.learners).toBe(Object.values(LEARNERS).reduce((a, b) => a + b, 0));

    await page.goto(`${city.url}/api/v1/city/report.html?${PERIOD}`);
    await page.getByTestId('report-signature').waitFor();
    expect(await overflows(page)).toEqual([]);

    // The paper itself: A4 portrait.
    const file = join(mkdtempSync(join(tmpdir(), 'hvs-city-pdf-')), 'city.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
    expect(size).not.toBeNull();
    // 210 × 297 mm is 595.3 × 841.9 pt.
    expect(Math.abs(Number(size![1]) - 595.3)).toBeLessThan(1);
    expect(Math.abs(Number(size![2]) - 841.9)).toBeLessThan(1);

    const printed = await printToPdf(page, 'city-30');
    // Head, text, 30 rows and the totals, the definitions and the signature: three pages.
    expect(printed.pages).toHaveLength(3);
    expect(printed.text.split('\n').some((l) => /^\s*ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$/.test(l))).toBe(true);
    expect(printed.text).toContain('THÀNH PHỐ CẦN THƠ');
    // No page number on page 1; "2" alone at the top of page 2.
    expect(printed.pages[1]!.split('\n').find((l) => l.trim())!.trim()).toBe('2');

    // Every row whole on one line, with the overview's figures (pdftotext -layout keeps a row on a line).
    const lines = printed.text.split('\n');
    const rowPages = new Set<number>();
    for (const [i, l] of view.localities.entries()) {
      const rankC = l.coverage === null ? '—' : String(view.ranking.byCoverage.indexOf(l.slug) + 1);
      const rankG = l.growth === null ? '—' : String(view.ranking.byGrowth.indexOf(l.slug) + 1);
      const cells = [String(i + 1), l.name, KINDS.find(([k]) => k === l.kind)![1], count(l.learners), count(l.newLearners), share(l.coverage), share(l.growth), rankC, rankG];
      const row = new RegExp(`^\\s*${cells.map(esc).join('\\s+')}\\s*$`);
      expect(lines.filter((line) => row.test(line)), cells.join(' | ')).toHaveLength(1);
      rowPages.add(printed.pages.findIndex((pg) => pg.split('\n').some((line) => row.test(line))));
    }
    const t = view.totals;
    expect(lines.some((line) => new RegExp(`^\\s*Toàn thành phố\\s+${esc(count(t.learners))}\\s+${esc(count(t.newLearners))}\\s+${esc(share(t.coverage))}`).test(line))).toBe(true);
    // The small counts print as the overview sends them.
    expect(view.localities.find((l) => l.slug === 'loc-04')!.learners).toBe('<5');
    expect(view.localities.find((l) => l.slug === 'loc-03')!.learners).toBe('*');

    // The table runs over more than one page, and every page it is on starts it with the heading row.
    expect(rowPages.size).toBeGreaterThan(1);
    for (const p of rowPages) expect(printed.pages[p], `page ${p + 1}`).toMatch(/STT\s+Địa phương\s+Loại/);

    // The signature block shares its page with the report's own text.
    const signed = printed.pages.find((pg) => pg.includes('TM. ỦY BAN NHÂN DÂN'))!;
    expect(signed).toContain('Trên đây là báo cáo tổng hợp');
    expect(signed).toContain('Nơi nhận:');
    await context.close();
  }, 180_000);

  it('is readable on a 360 px phone: head and signature stacked, the table scrolling in its own box', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    const [name, value] = adminCookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: city.url }]);
    const page = await context.newPage();
    await page.goto(`${city.url}/api/v1/city/report.html?${PERIOD}`);
    // The page itself never scrolls sideways; only the table's own box does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const box = page.locator('.scroll');
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect.poll(() => page.getByText('Download the Word copy (.docx)').isVisible()).toBe(true);
    await context.close();
  }, 60_000);
});
