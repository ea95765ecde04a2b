// The report on a plan printed from real Chromium: a quarter of outreach is
// recorded through the real unit and guide sync into the server's database
// (SQLite, or PostgreSQL with TEST_ENGINE=postgres), the real server is
// started on it, the Culture-Social Office signs in, opens the report for the
// quarter, uses the proposed sentences, saves, and prints to
// an A4 PDF read back with poppler (pdfinfo, pdftotext). What an office would
// notice: a few pages, nothing wider than the paper, the national title on
// one line, each form's count as the tracker counts it, the signature with
// the closing sentence, no page holding only a heading, no buttons on paper.
// Then it is issued from the page: its number and date show, the parts lock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Tracker } from '../../shared/units/api.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { setupTestAppOn } from '../integration/helpers.ts';
import { newStore, openStore, type ServerStore } from '../support/server-database.ts';
import { createGuide, guideSyncResults, sessionCreated } from '../integration/guide-support.ts';
import { activityRecorded, SAMPLE_PLAN, staffMember, unitSync } from '../integration/unit-support.ts';
import { overflows, printToPdf } from '../support/printed-pdf.ts';
import { widerThanScreen, wordsSplitAcrossLines } from '../support/layout-check.ts';

const PASSWORD = 'correct horse battery';

/** A ward with a quarter of outreach, recorded through the app's own sync; where the server finds it. */
async function quarterOfWork(): Promise<ServerStore> {
  const store = await newStore(mkdtempSync(join(tmpdir(), 'hvs-quarter-')));
  const { engine, close } = await openStore(store);
  const t = setupTestAppOn(engine, { now: Date.parse('2025-07-05T03:00:00Z'), config: { filesDir: join(store.dataDir, 'files') } });
  const ttsnc = await staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc');
  await staffMember(t, 'office', 'reviewer');
  const records = [
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-04-10', reach: { minutesAired: 5 } }),
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-05-12', reach: { minutesAired: 7 } }),
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-06-02', subFormId: 'radio-article', title: 'Bài về chuyển đổi số', reach: { minutesAired: 12 } }),
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-06-05', endsOn: '2025-07-05', formCode: '2.3', subFormId: 'banner', contentItems: ['1.2', '1.5'], title: 'Băng rôn đường Trần Phú', reach: { copies: 4 } }),
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-05-20', formCode: '2.2', subFormId: 'conference', contentItems: ['1.1', '1.2'], title: 'Hội nghị quán triệt Nghị quyết 57', place: 'Hội trường UBND phường', reach: { participants: 120 } }),
  ];
  expect((await unitSync(t, ttsnc, records)).every((r) => r.status === 'accepted')).toBe(true);
  const guide = await createGuide(t, 'guide-lan', ['tdp-1']);
  expect((await guideSyncResults(t, guide, [sessionCreated(guide, { code: 'ACDE3467', startsAt: '2025-05-03T08:00:00+07:00' })]))[0].status).toBe('accepted');
  await close();
  return store;
}

/**
 * Holds the report's answers for any period but `chosen` until `release()`,
 * then lets them land late: answers need not come back in the order asked
 * (on PostgreSQL they often do not), and a late one must not replace the
 * period the office picked. `released` resolves once every held one landed.
 */
async function holdOtherPeriods(page: Page, chosen: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const landed: Promise<void>[] = [];
  await page.route(/\/api\/v1\/plans\/[^/]+\/report\?/, (route) => {
    if (new URL(route.request().url()).searchParams.get('period') === chosen) return route.continue();
    const done = gate.then(async () => route.fulfill({ response: await route.fetch() }));
    landed.push(done);
    return done;
  });
  return {
    release: async () => {
      release();
      await Promise.all(landed);
      await page.unroute(/\/api\/v1\/plans\/[^/]+\/report\?/);
    },
  };
}

async function openReport(browser: Browser, server: RunningServer): Promise<Page> {
  const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
  const late = await holdOtherPeriods(page, '2025-Q2');
  await page.goto(`${server.url}/ward`);
  await page.getByLabel(/tên đăng nhập/i).fill('office');
  await page.getByLabel(/mật khẩu/i).fill(PASSWORD);
  await page.getByRole('button', { name: /đăng nhập/i }).click();
  await page.getByTestId('open-plan-report').click();
  await page.getByTestId('plan-report-kind').selectOption('quarter');
  await page.getByTestId('plan-report-year').fill('2025');
  await page.getByTestId('plan-report-year').dispatchEvent('change');
  await page.getByTestId('plan-report-index').selectOption('2');
  await expect.poll(() => page.getByTestId('plan-report').textContent()).toContain('quý II năm 2025');
  // This quarter's answer, asked for when the page opened, lands after the chosen one: the chosen quarter stays.
  await late.release();
  await page.waitForTimeout(300);
  expect(await page.getByTestId('plan-report').textContent()).toContain('quý II năm 2025');
  await page.getByTestId('report-signature').waitFor();
  return page;
}

/** The report read on a 360 px phone: the page never scrolls sideways and no word of the document is
 * cut in two (a code may wrap at its hyphen or slash; a dotted blank to write on wraps anywhere). */
async function readableOnPhone(page: Page, when: string) {
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await widerThanScreen(page), when).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), when).toBeLessThanOrEqual(360);
  const cut = await wordsSplitAcrossLines(page, '[data-testid="plan-report"]');
  expect(cut.filter((w) => !/[-/]/.test(w) && !/^[.…]+$/.test(w)), when).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
}

let browser: Browser;
beforeAll(async () => {
  if (hasChromium) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!hasChromium)('printed report on a plan', () => {
  it('prints a quarter on a few A4 pages with the tracker’s counts, the saved parts and the signature, and reads on a 360 px phone before and after issuing', async () => {
    const server = await startServer(await quarterOfWork());
    try {
      const page = await openReport(browser, server);
      // The officer takes the proposed shortcomings, writes a direction, saves.
      await page.getByTestId('plan-report-propose-shortcomings').click();
      const direction = 'Quý III, tăng tin, bài trên hệ thống truyền thanh và tổ chức hội nghị tại các tổ dân phố.';
      await page.getByTestId('plan-report-directions').fill(direction);
      // Leaving the year field fires its change again for the quarter shown: nothing reloads over the parts edited.
      await page.waitForTimeout(1_000);
      expect(await page.getByTestId('plan-report-shortcomings').inputValue()).toContain('(MTTQ) chưa ghi nhận hoạt động tuyên truyền nào trong kỳ.');
      expect(await page.getByTestId('plan-report-directions').inputValue()).toBe(direction);
      await page.getByTestId('plan-report-save').click();
      await expect.poll(() => page.getByTestId('plan-report-status').textContent()).toContain('đã được lưu');
      await readableOnPhone(page, 'before issuing');

      const tracker = (await (await page.request.get(`${server.url}/api/v1/plans/${SAMPLE_PLAN}/tracker?from=2025-04-01&to=2025-06-30`)).json()) as Tracker;
      expect(await overflows(page)).toEqual([]);
      const printed = await printToPdf(page, 'plan-report');
      expect(printed.pages.length).toBeGreaterThanOrEqual(1);
      expect(printed.pages.length).toBeLessThanOrEqual(4);
      const flat = printed.text.replace(/\s+/g, ' ');
      expect(printed.text.split('\n').some((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
      expect(flat).toContain('Kết quả thực hiện Kế hoạch số');
      // Each form's count, as the tracker counts it; the radio's reach summed.
      for (const f of tracker.forms) {
        const n = tracker.units.reduce((a, u) => a + (u.perForm[f.code] ?? 0), 0);
        expect(flat).toContain(`- ${f.code}. ${f.title}: ${n} hoạt động`);
      }
      expect(flat).toContain('3 hoạt động (Tin: 2; Bài: 1); 24 phút phát sóng');
      expect(flat).toContain('120 lượt người tham dự');
      expect(flat).toContain('1 buổi hướng dẫn');
      // The officer's saved part under its heading; the proposed sentences under theirs.
      expect(flat.indexOf(direction)).toBeGreaterThan(flat.indexOf('1. Phương hướng, nhiệm vụ thời gian tới'));
      expect(flat).toContain('(MTTQ) chưa ghi nhận hoạt động tuyên truyền nào trong kỳ.');
      // Nothing of the screen's controls on paper.
      expect(flat).not.toContain('Lưu nội dung báo cáo');
      expect(flat).not.toContain('Ban hành báo cáo');
      // The signature shares its page with the closing sentence.
      const signed = printed.pages.find((pg) => pg.includes('PHÓ CHỦ TỊCH'))!;
      expect(signed).toBeDefined();
      expect(signed).toContain('TM. ỦY BAN NHÂN DÂN');
      expect(signed.replace(/\s+/g, ' ')).toContain('Trên đây là báo cáo');
      // No page holds only a heading (or only a page number and a heading).
      for (const pg of printed.pages) {
        const lines = pg.split('\n').map((l) => l.trim()).filter((l) => l && !/^\d+$/.test(l));
        expect(lines.length, pg).toBeGreaterThan(3);
      }

      // Issued: the number and date print, the parts can no longer be edited, a second look keeps it so.
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByTestId('plan-report-number').fill('12/BC-UBND');
      await page.getByTestId('plan-report-issued-on').fill('2025-07-03');
      await page.getByTestId('plan-report-issue').click();
      await expect.poll(() => page.getByTestId('plan-report-issued').textContent()).toContain('12/BC-UBND');
      await page.reload();
      await page.getByTestId('plan-report-issued').waitFor();
      expect(await page.getByTestId('plan-report-directions').count()).toBe(0);
      const head = await page.getByTestId('plan-report').textContent();
      expect(head).toContain('Số: 12/BC-UBND');
      expect(head).toContain('ngày 03 tháng 7 năm 2025');
      await readableOnPhone(page, 'issued');
    } finally {
      await server.stop();
    }
  }, 120_000);
});
