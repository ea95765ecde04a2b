// The printed ward report in real Chromium: a reviewer opens "In báo cáo",
// the page is printed to an A4 PDF and read back with poppler (pdfinfo,
// pdftotext), for an empty ward and a ward of four learners. What an office
// would notice: the page count, the national title on one line, no app
// heading, the "<5" note after the tables, the signature with other text on
// its page, no page holding only a heading, nothing wider than the paper
// (M-2 of the December UX review; its Word copy in
// tests/integration/report-docx.test.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../server/accounts/users.ts';
import { newStore, openStore } from '../support/server-database.ts';
import { loadCatalog } from '../../server/resident/catalog.ts';
import { seedDemo } from '../../server/stats/demo-data.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { PROJECT_ROOT, startServer, type RunningServer } from '../support/server-process.ts';
import { overflows, printToPdf, type Printed } from '../support/printed-pdf.ts';

async function wardWith(learners: number): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hvs-report-'));
  const store = await newStore(dataDir);
  const { engine, close } = await openStore(store);
  await createUser(engine, { username: 'office', password: 'correct horse battery', role: 'reviewer', team: null });
  if (learners > 0) await seedDemo(engine, loadCatalog(join(PROJECT_ROOT, 'dist')), { learners, days: 30 });
  await close();
  return startServer({ dataDir, databaseUrl: store.databaseUrl });
}

async function openReport(browser: Browser, server: RunningServer): Promise<Page> {
  const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/ward`);
  await page.getByLabel(/tên đăng nhập/i).fill('office');
  await page.getByLabel(/mật khẩu/i).fill('correct horse battery');
  await page.getByRole('button', { name: /đăng nhập/i }).click();
  await page.getByTestId('open-report').click();
  await page.getByTestId('report-signature').waitFor();
  return page;
}

function expectADocument(p: Printed, maxPages: number) {
  expect(p.pages.length).toBeGreaterThanOrEqual(1);
  expect(p.pages.length).toBeLessThanOrEqual(maxPages);
  expect(p.text).not.toContain('Trang cán bộ phường');
  // Nothing of the app (links, menus) before the document's own head (a demo ward's copy is marked as such first).
  expect(p.text.trimStart()).toMatch(/^(BẢN DÙNG THỬ — SỐ LIỆU MẪU\s+)?UBND /);
  // The national title on one line (pdftotext -layout keeps lines).
  expect(p.text.split('\n').some((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
  // The "<5" note comes after the last table.
  expect(p.text.indexOf('“<5” nghĩa là')).toBeGreaterThan(p.text.indexOf('5. Theo tuần'));
  // The signature block shares its page with the report's own text.
  const signed = p.pages.find((pg) => pg.includes('TRƯỞNG PHÒNG'))!;
  expect(signed).toBeDefined();
  expect(signed).toContain('Trên đây là báo cáo');
  // No page holds only a heading (or only a page number and a heading).
  for (const pg of p.pages) {
    const lines = pg.split('\n').map((l) => l.trim()).filter((l) => l && !/^\d+$/.test(l));
    expect(lines.length, pg).toBeGreaterThan(3);
  }
}

/** Charts left in the print layout: each would repeat a table beside it, and a "<5" bar cannot be drawn (M-2). */
function chartsPrinted(page: Page): Promise<string[]> {
  return page.locator('figure:visible, svg:visible, canvas:visible').evaluateAll((els) => els.map((e) => `${e.tagName}.${e.getAttribute('class') ?? ''}`));
}

let browser: Browser;
beforeAll(async () => {
  if (hasChromium) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// Three pages of figures and text, and since the figures by kind of evidence
// (table 6) print with their definitions, a fourth.
const REPORT_MAX_PAGES = 4;
const LARGE_WARD = Number(process.env.REPORT_PRINT_LEARNERS ?? 1_000);

describe.skipIf(!hasChromium)('printed ward report', () => {
  it('an empty ward prints as a short document', async () => {
    const server = await wardWith(0);
    try {
      const page = await openReport(browser, server);
      expect(await overflows(page)).toEqual([]);
      expect(await chartsPrinted(page), 'M-2: no chart').toEqual([]);
      const printed = await printToPdf(page, 'empty');
      expectADocument(printed, REPORT_MAX_PAGES);
      // The figures table is an administrative table, not cards.
      expect(printed.text).toMatch(/STT\s+Chỉ tiêu\s+Số liệu/);
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('a ward of four learners prints in a few pages', async () => {
    const server = await wardWith(4);
    try {
      let page = await openReport(browser, server);
      // The officer types the situation, saves it, and finds it again in a fresh page.
      const situation = 'Trong kỳ, phường tổ chức hai buổi hướng dẫn tại nhà văn hóa tổ dân phố 3.';
      await page.getByTestId('narrative-situation').fill(situation);
      await page.getByTestId('narrative-save').click();
      await expect.poll(() => page.getByTestId('narrative-status').textContent()).toContain('đã được lưu');
      await page.close();
      page = await openReport(browser, server);
      expect(await page.getByTestId('narrative-situation').inputValue()).toBe(situation);
      const learners = await page.getByTestId('report-learners').textContent();
      expect(await overflows(page)).toEqual([]);
      expect(await chartsPrinted(page), 'M-2: no chart').toEqual([]);
      const printed = await printToPdf(page, 'four');
      expectADocument(printed, REPORT_MAX_PAGES);
      expect(printed.text).toMatch(new RegExp(`Người học \\(lũy kế đến cuối kỳ\\)\\s+${learners}`));
      // The saved text prints under its heading, once (the text box itself does not print).
      const flat = printed.text.replace(/\s+/g, ' ');
      expect(flat.split(situation).length - 1).toBe(1);
      expect(flat.indexOf(situation)).toBeGreaterThan(flat.indexOf('I. TÌNH HÌNH CHUNG'));
      expect(flat.indexOf(situation)).toBeLessThan(flat.indexOf('II. KẾT QUẢ THỰC HIỆN'));
    } finally {
      await server.stop();
    }
  }, 90_000);

  // A demo ward of 1,000 learners by default; the 100k demo (about 5 minutes
  // of seeding through the real ingest) with REPORT_PRINT_LEARNERS=100000. The
  // page count must not grow with the learners, only with groups, courses and weeks.
  it(`a large demo ward (${LARGE_WARD} learners) prints in the same few pages`, async () => {
    const server = await wardWith(LARGE_WARD);
    try {
      const page = await openReport(browser, server);
      expect(await overflows(page)).toEqual([]);
      expect(await chartsPrinted(page), 'M-2: no chart').toEqual([]);
      expectADocument(await printToPdf(page, 'large'), REPORT_MAX_PAGES);
    } finally {
      await server.stop();
    }
  }, 1_800_000);
});
