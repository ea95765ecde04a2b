// The Word copy of the ward report: one data set, read back from the .docx
// (word/document.xml parsed as XML, tests/support/docx-read.ts) and compared with the figures the printed report and
// the Excel export carry; the officer's saved text is in it, and the page is
// A4 with Decree 30 margins in Times New Roman (M-2 of the December UX
// review: offices edit and sign in Word).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/stats/api.ts';
import { REPORT_HEADLINE } from '../../server/stats/report-docx.ts';
import { createStaff, login, ORIGIN, setupTestApp, type TestApp } from './helpers.ts';
import { NOW, seedFixture } from './dashboard-support.ts';
import { CATALOG } from './resident-support.ts';
import { readDocx, wordAttributes, wordElements } from '../support/docx-read.ts';

let t: TestApp;
let office: Record<string, string>;
beforeAll(async () => {
  t = setupTestApp({ now: NOW, catalog: CATALOG });
  await seedFixture(t);
  await createStaff(t, 'lan', 'reviewer');
  office = { cookie: await login(t, 'lan', 'correct horse battery'), origin: ORIGIN };
});
afterAll(() => t.close());

const Q = 'from=2025-05-01&to=2025-06-20';
describe('report as a Word file', () => {
  it('carries the same figures as the report and the Excel export, and the saved text', async () => {
    const situation = 'Phường đã tổ chức 6 buổi hướng dẫn tại nhà văn hóa.';
    const saved = await t.request('/api/v1/stats/report/narrative', {
      method: 'PUT',
      headers: { ...office, 'content-type': 'application/json' },
      body: JSON.stringify({ from: '2025-05-01', to: '2025-06-20', situation, results: '', shortcomings: '', proposals: 'Thêm buổi học cuối tuần.' }),
    });
    expect(saved.status).toBe(200);
    const report = (await (await t.request(`/api/v1/stats/report?${Q}`, { headers: office })).json()) as Dashboard;
    expect(report.headline.learners).toBeGreaterThan(0);

    const res = await t.request(`/api/v1/stats/report.docx?${Q}`, { headers: office });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.docx');
    const word = readDocx(new Uint8Array(await res.arrayBuffer()));
    const text = word.paragraphs;
    const table = word.rows;

    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(situation);
    expect(text).toContain('Thêm buổi học cuối tuần.');
    expect(text.indexOf('Nơi nhận:')).toBeGreaterThan(text.findIndex((p) => p.startsWith('“<5”')));
    // A4, margins 20/15/20/30 mm, Times New Roman for every script.
    expect(wordAttributes(word.document, 'pgSz')).toMatchObject({ w: '11907', h: '16840' });
    expect(wordAttributes(word.document, 'pgMar')).toMatchObject({ top: '1134', right: '851', bottom: '1134', left: '1701' });
    expect(wordElements(word.styles, 'rFonts').some((f) => f.attributes.ascii === 'Times New Roman' && f.attributes.hAnsi === 'Times New Roman')).toBe(true);

    // The headline table: the report's figures, row by row.
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(await (await t.request(`/api/v1/stats/export.xlsx?${Q}`, { headers: office })).arrayBuffer());
    const sheet = xlsx.worksheets[0];
    const fromXlsx = new Map<string, unknown>();
    sheet.eachRow((r) => fromXlsx.set(String(r.getCell(1).value), r.getCell(2).value));
    for (const [key, base] of REPORT_HEADLINE) {
      // The lesson count says which kinds it counts (the ward's official kinds; by default both kinds of learning).
      const label = key === 'lessonsCompleted' ? `${base} (tính: học có người hướng dẫn xác nhận; tự học, tự khai trên điện thoại)` : base;
      const row = table.find((r) => r[1] === label);
      expect(row, label).toBeDefined();
      expect(row![2], label).toBe(report.headline[key].toLocaleString('vi-VN'));
      expect([...fromXlsx.values()]).toContain(report.headline[key]);
    }
    // The coverage table: one row per group, the same counts as the report.
    for (const g of report.coverage) {
      const row = table.find((r) => r[1] === (g.name ?? 'Chưa khai báo tổ'));
      expect(row, String(g.name)).toBeDefined();
      expect(row![3].split(' (')[0]).toBe(typeof g.reached === 'number' ? g.reached.toLocaleString('vi-VN') : g.reached);
    }
  });

  it('is for the office only and refuses a bad period', async () => {
    await createStaff(t, 'hoa', 'guide');
    const guide = { cookie: await login(t, 'hoa', 'correct horse battery'), origin: ORIGIN };
    expect((await t.request(`/api/v1/stats/report.docx?${Q}`, { headers: guide })).status).toBe(403);
    expect((await t.request('/api/v1/stats/report.docx?from=2025-06-20&to=2025-05-01', { headers: office })).status).toBe(400);
  });
});
