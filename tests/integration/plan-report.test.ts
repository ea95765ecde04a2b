// The report to the People's Committee on a plan, against the real app and a
// real SQLite file: one data set recorded through the unit and guide sync,
// then the tracker, the Word file (word/document.xml parsed back) and the Excel
// annex (read back with exceljs) must carry the same numbers. Then issuing:
// the figures are kept, the text no longer changes, and a correction of an
// activity in the issued period is refused unless sent after the report,
// which keeps both records and shows in the audit log.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanReport } from '../../shared/plans/report.ts';
import type { Tracker } from '../../shared/units/api.ts';
import { ANNEX_HEADER } from '../../server/plans/report-annex.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { readDocx } from '../support/docx-read.ts';
import { createGuide, guideSyncResults, sessionCreated } from './guide-support.ts';
import { activityRecorded, SAMPLE_PLAN, sendJson, staffMember, unitSync, type Member } from './unit-support.ts';

let t: TestApp;
let ttsnc: Member;
let mttq: Member;
let reviewer: Member;
let admin: Member;
beforeEach(async () => {
  t = setupTestApp({ now: Date.parse('2025-07-05T03:00:00Z') });
  [ttsnc, mttq, reviewer, admin] = await Promise.all([
    staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc'),
    staffMember(t, 'hoa-mttq', 'unit', 'mttq'),
    staffMember(t, 'vhxh', 'reviewer'),
    staffMember(t, 'admin', 'admin'),
  ]);
});
afterEach(() => t.close());

const get = (path: string, who: Member = reviewer) => t.request(path, { headers: who.headers });
const vi = (n: number) => n.toLocaleString('vi-VN');

async function docx(period: string) {
  const res = await get(`/api/v1/plans/${SAMPLE_PLAN}/report.docx?period=${period}`);
  expect(res.status).toBe(200);
  const word = readDocx(new Uint8Array(await res.arrayBuffer()));
  return { text: word.paragraphs, rows: word.rows };
}

async function annex(period: string) {
  const res = await get(`/api/v1/plans/${SAMPLE_PLAN}/report/annex.xlsx?period=${period}`);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const rows: Array<Record<string, unknown>> = [];
  sheet.eachRow((r, i) => {
    if (i > 1) rows.push(Object.fromEntries(header.map((h, c) => [String(h), r.getCell(c + 1).value])));
  });
  return { header, rows, units: book.worksheets[1] };
}

/** A quarter of work: TTSNC on the radio and banners, none from MTTQ, one activity outside the quarter, two guide sessions. */
async function recordQuarter() {
  const records = [
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-04-10', reach: { minutesAired: 5 } }),
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-05-12', reach: { minutesAired: 7 } }),
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-06-02', subFormId: 'radio-article', title: 'Bài về chuyển đổi số', reach: { minutesAired: 12 } }),
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-06-05', endsOn: '2025-07-05', formCode: '2.3', subFormId: 'banner', contentItems: ['1.2', '1.5'], title: 'Băng rôn đường Trần Phú', reach: { copies: 4 } }),
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-03-30', endsOn: '2025-04-02', formCode: '2.3', subFormId: 'panel', contentItems: ['1.1'], title: 'Pa nô ngã tư', reach: { copies: 2 } }),
    activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-07-02', title: 'Tin tháng 7', reach: { minutesAired: 9 } }),
  ];
  expect((await unitSync(t, ttsnc, records)).every((r) => r.status === 'accepted')).toBe(true);
  const guide = await createGuide(t, 'guide-lan', ['tdp-1']);
  const sessions = [sessionCreated(guide, { code: 'ACDE3467', startsAt: '2025-05-03T08:00:00+07:00' }), sessionCreated(guide, { code: 'FGHJ4679', startsAt: '2025-06-21T08:00:00+07:00' })];
  expect((await guideSyncResults(t, guide, sessions)).map((r) => r.status)).toEqual(['accepted', 'accepted']);
}

describe('report on a plan', () => {
  it('the tracker, the Word file and the Excel annex carry the same numbers', async () => {
    await recordQuarter();
    const tracker = (await (await get(`/api/v1/plans/${SAMPLE_PLAN}/tracker?from=2025-04-01&to=2025-06-30`)).json()) as Tracker;
    const report = (await (await get(`/api/v1/plans/${SAMPLE_PLAN}/report?period=2025-Q2`)).json()) as PlanReport;
    expect(report.data.period).toMatchObject({ from: '2025-04-01', to: '2025-06-30', words: 'quý II năm 2025' });
    const total = tracker.units.reduce((n, u) => n + u.total, 0);
    expect(total).toBe(5);
    expect(report.data.totals.activities).toBe(total);

    const { text, rows } = await docx('2025-Q2');
    const { rows: annexRows, units: unitSheet } = await annex('2025-Q2');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('PHÓ CHỦ TỊCH');

    // Every activity of the quarter is one annex row; none outside it.
    expect(annexRows).toHaveLength(total);
    expect(annexRows.map((r) => r['Tên hoạt động'])).not.toContain('Tin tháng 7');

    for (const f of tracker.forms) {
      const n = tracker.units.reduce((a, u) => a + (u.perForm[f.code] ?? 0), 0);
      // Word: the form's line says its count, and the annex has as many rows of it.
      const line = text.find((p) => p.startsWith(`- ${f.code}. `));
      expect(line, f.code).toBeDefined();
      expect(line!).toContain(`: ${vi(n)} hoạt động`);
      expect(annexRows.filter((r) => r['Hình thức'] === f.code)).toHaveLength(n);
    }
    // Reach sums: the radio's minutes aired in Word are the annex column's sum.
    const minutes = annexRows.filter((r) => r['Hình thức'] === '2.4').reduce((a, r) => a + Number(r['Phút phát sóng'] ?? 0), 0);
    expect(minutes).toBe(24);
    expect(text.find((p) => p.startsWith('- 2.4. '))).toContain(`${vi(minutes)} phút phát sóng`);
    expect(text.find((p) => p.startsWith('- 2.4. '))).toContain('Tin: 2; Bài: 1');
    // The movement's sessions, counted by the tracker, in the form's line and part I.4.
    expect(tracker.guideSessions).toEqual({ formCode: '2.5', sessions: 2 });
    expect(text.find((p) => p.startsWith('- 2.5. '))).toContain('2 buổi hướng dẫn');
    expect(text.some((p) => p.startsWith('Tổ chức 2 buổi hướng dẫn'))).toBe(true);

    // Units × forms: the same cells in the tracker, the Word table and the annex's second sheet.
    const unitTable = rows.filter((r) => tracker.units.some((u) => u.shortName === r[1]));
    expect(unitTable).toHaveLength(tracker.units.length);
    for (const u of tracker.units) {
      const wordRow = unitTable.find((r) => r[1] === u.shortName)!;
      const sheetRow = (() => {
        let found: unknown[] = [];
        unitSheet.eachRow((r) => {
          if (r.getCell(2).value === u.shortName) found = (r.values as unknown[]).slice(1);
        });
        return found;
      })();
      const cells = tracker.forms.map((f) => u.perForm[f.code] ?? 0);
      expect(wordRow.slice(2, 2 + cells.length), u.id).toEqual(cells.map(vi));
      expect(wordRow[2 + cells.length]).toBe(vi(u.total));
      expect(sheetRow.slice(2, 2 + cells.length), u.id).toEqual(cells);
      expect(sheetRow[2 + cells.length]).toBe(u.total);
    }
    // Proposed from the data: a unit with nothing recorded, a content item not covered.
    expect(text.some((p) => p.includes('(MTTQ) chưa ghi nhận hoạt động tuyên truyền nào trong kỳ.'))).toBe(true);
    expect(text.some((p) => p.startsWith('Nội dung 1.3 '))).toBe(true);
    // Part III comes from the difficulties register: none was filed for this plan, so none is listed (never invented).
    expect(report.data.difficulties).toEqual([]);
    expect(ANNEX_HEADER).toContain('Phút phát sóng');
  });

  it("saves the officer's parts per plan and period; bad input is 400 and writes nothing; the save is audited", async () => {
    const path = `/api/v1/plans/${SAMPLE_PLAN}/report/text`;
    const body = { period: '2025-06', strengths: 'Các đơn vị phối hợp chặt chẽ.', shortcomings: '', directions: 'Tăng tin bài trên loa.', proposals: '', recipients: '- UBND thành phố;\n- Lưu: VT, VHXH.', signer: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH' };
    for (const bad of [{ ...body, period: '2025-13' }, { ...body, period: '2025-Q5' }, { ...body, strengths: 'x'.repeat(4001) }, { ...body, extra: 1 }, { period: '2025-06' }]) {
      const res = await sendJson(t, 'PUT', path, reviewer, bad);
      expect(res.status, JSON.stringify(bad).slice(0, 60)).toBe(400);
    }
    expect((await get(`/api/v1/plans/${SAMPLE_PLAN}/report?period=2025-6`)).status).toBe(400);
    expect((await get(`/api/v1/plans/khong-co/report?period=2025-06`)).status).toBe(404);
    expect(await t.count('plan_reports')).toBe(0);
    expect((await sendJson(t, 'PUT', path, mttq, body)).status).toBe(403);
    const saved = await sendJson(t, 'PUT', path, reviewer, body);
    expect(saved.status).toBe(200);
    const again = (await (await get(`/api/v1/plans/${SAMPLE_PLAN}/report?period=2025-06`)).json()) as PlanReport;
    expect(again.text.strengths).toBe(body.strengths);
    expect(again.text.signer).toBe(body.signer);
    // Another period of the same plan keeps its own (default) text.
    expect(((await (await get(`/api/v1/plans/${SAMPLE_PLAN}/report?period=2025-Q2`)).json()) as PlanReport).text.strengths).toBe('');
    const { text } = await docx('2025-06');
    expect(text).toContain('Các đơn vị phối hợp chặt chẽ.');
    expect(text).toContain('- UBND thành phố;');
    expect(text).toContain('CHỦ TỊCH');
    expect(text).not.toContain('PHÓ CHỦ TỊCH');
    const audit = await (await get('/api/v1/staff/audit?action=plan.report_saved', admin)).json();
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ actor: { username: 'vhxh' }, target: { type: 'plan', id: SAMPLE_PLAN }, details: { period: '2025-06' } });
  });
});

describe('issuing a report', () => {
  it('keeps its figures, locks the period: a correction is refused unless sent after the report, and both are audited', async () => {
    const june = activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-06-10', title: 'Tin ngày 10/6', reach: { minutesAired: 5 } });
    const july = activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-07-01', title: 'Tin ngày 1/7', reach: { minutesAired: 5 } });
    await unitSync(t, ttsnc, [june, july]);
    const issue = (body: unknown) => sendJson(t, 'POST', `/api/v1/plans/${SAMPLE_PLAN}/report/issue`, reviewer, body);
    expect((await issue({ period: '2025-06', number: '', issuedOn: '2025-07-03' })).status).toBe(400);
    expect((await issue({ period: '2025-06', number: '12/BC-UBND', issuedOn: '3/7/2025' })).status).toBe(400);
    expect((await sendJson(t, 'POST', `/api/v1/plans/${SAMPLE_PLAN}/report/issue`, ttsnc, { period: '2025-06', number: '12/BC-UBND', issuedOn: '2025-07-03' })).status).toBe(403);
    expect(await t.count('plan_reports')).toBe(0);
    const issued = await issue({ period: '2025-06', number: '12/BC-UBND', issuedOn: '2025-07-03' });
    expect(issued.status).toBe(200);
    expect(((await issued.json()) as PlanReport).issued).toMatchObject({ number: '12/BC-UBND', issuedOn: '2025-07-03', issuedBy: 'vhxh' });
    // Issued once: a second issue and any change of its text are 409, and write nothing.
    expect((await issue({ period: '2025-06', number: '13/BC-UBND', issuedOn: '2025-07-04' })).status).toBe(409);
    const text = { period: '2025-06', strengths: 'Sửa sau khi ban hành', shortcomings: '', directions: '', proposals: '', recipients: '', signer: '' };
    expect((await sendJson(t, 'PUT', `/api/v1/plans/${SAMPLE_PLAN}/report/text`, reviewer, text)).status).toBe(409);

    const eventsBefore = await t.count('unit_events');
    const correction = (of: typeof june, overrides: Record<string, unknown>) => ({
      ...activityRecorded(ttsnc, 'ttsnc'),
      ...of,
      id: crypto.randomUUID(),
      type: 'activity.corrected',
      reason: 'Sai số phút',
      ...overrides,
    });
    // A plain correction of June's activity, or one moving July's into June: refused, with the report named.
    const refused = await unitSync(t, ttsnc, [correction(june, { reach: { minutesAired: 50 } }), correction(july, { startsOn: '2025-06-30' })]);
    expect(refused.map((r) => `${r.status}:${r.error?.code}`)).toEqual(['rejected:period_locked', 'rejected:period_locked']);
    expect((refused[0].error as unknown as { message: string }).message).toContain('12/BC-UBND');
    expect(await t.count('unit_events')).toBe(eventsBefore);
    // July is not locked; a correction there is an ordinary one.
    expect((await unitSync(t, ttsnc, [correction(july, { title: 'Tin ngày 1/7 (sửa)' })]))[0].status).toBe('accepted');
    // Sent after the report, with its reason: a new record beside the original.
    const late = correction(june, { reach: { minutesAired: 50 }, afterIssue: true });
    expect((await unitSync(t, ttsnc, [late]))[0].status).toBe('accepted');
    // The original record and the correction (named in that order: 'recorded' sorts after 'corrected').
    const records = await t.engine.all(sql`SELECT id, type FROM unit_events WHERE activity_id = ${june.activityId} ORDER BY type DESC`) as Array<{ id: string; type: string }>;
    expect(records).toEqual([
      { id: june.id, type: 'activity.recorded' },
      { id: late.id, type: 'activity.corrected' },
    ]);

    // The issued report keeps the figures it was issued with; the tracker shows the log as it is now.
    const report = (await (await get(`/api/v1/plans/${SAMPLE_PLAN}/report?period=2025-06`)).json()) as PlanReport;
    expect(report.data.totals.reach.minutesAired).toBe(5);
    const { text: words } = await docx('2025-06');
    expect(words).toContain('Số: 12/BC-UBND');
    expect(words.find((p) => p.startsWith('- 2.4. '))).toContain('5 phút phát sóng');

    const audit = async (action: string) => (await (await get(`/api/v1/staff/audit?action=${action}`, admin)).json()).entries;
    expect(await audit('plan.report_issued')).toEqual([expect.objectContaining({ actor: expect.objectContaining({ username: 'vhxh' }), details: { period: '2025-06', number: '12/BC-UBND', issuedOn: '2025-07-03' } })]);
    expect(await audit('unit.activity_corrected_after_issue')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ username: 'lan-ttsnc' }),
        target: { type: 'activity', id: june.activityId },
        details: { report: '12/BC-UBND', period: '2025-06', replaces: june.id, record: late.id, reason: 'Sai số phút' },
      }),
    ]);
  });
});
