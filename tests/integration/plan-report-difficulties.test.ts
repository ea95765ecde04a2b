// Part III of the report on a plan ("Khó khăn, vướng mắc") comes from the
// difficulties register, against the real app and SQLite: what units filed
// and the Culture-Social Office handled shows in the report's answer and in
// the Word file under part III, in the unit's short name with the day, the
// state and the handling; a difficulty resolved before the period or raised
// after it does not; a month without any says so in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanReportAnswer } from '../../shared/plans/report.ts';
import { readDocx } from '../support/docx-read.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { SAMPLE_PLAN, sendJson, staffMember, type Member } from './unit-support.ts';

let t: TestApp;
let ttsnc: Member;
let mttq: Member;
let reviewer: Member;
beforeEach(async () => {
  t = setupTestApp({ now: Date.parse('2025-07-05T03:00:00Z') });
  [ttsnc, mttq, reviewer] = await Promise.all([staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc'), staffMember(t, 'hoa-mttq', 'unit', 'mttq'), staffMember(t, 'vhxh', 'reviewer')]);
});
afterEach(() => t.close());

async function file(who: Member, summary: string, raisedOn: string, handling?: { status: string; handling: string; handledOn: string }) {
  const res = await sendJson(t, 'POST', '/api/v1/registers/difficulties', who, { planId: SAMPLE_PLAN, itemCode: '1.2', summary, details: '', raisedOn });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  if (handling) expect((await sendJson(t, 'PUT', `/api/v1/registers/difficulties/${id}/handling`, reviewer, handling)).status).toBe(200);
}

/** The Word file's part III: the paragraphs between its heading and part IV's. */
async function partThree(period: string) {
  const res = await t.request(`/api/v1/plans/${SAMPLE_PLAN}/report.docx?period=${period}`, { headers: reviewer.headers });
  expect(res.status).toBe(200);
  const text = readDocx(new Uint8Array(await res.arrayBuffer())).paragraphs;
  const from = text.indexOf('III. KHÓ KHĂN, VƯỚNG MẮC');
  const to = text.findIndex((p) => p.startsWith('IV. '));
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  return { part: text.slice(from + 1, to), all: text };
}

describe("the report's part III", () => {
  it("lists the units' difficulties open in the period, with their handling, in the answer and the Word file", async () => {
    await file(ttsnc, 'Thiếu hai loa ở tổ 5', '2025-06-02', { status: 'proposed', handling: 'Trình UBND phường bố trí kinh phí sửa loa.', handledOn: '2025-06-05' });
    await file(mttq, 'Hội nghị tổ 3 không có máy chiếu', '2025-06-10', { status: 'resolved', handling: 'Mượn máy chiếu của trường tiểu học.', handledOn: '2025-06-20' });
    await file(ttsnc, 'Pa nô đường Trần Phú bị gió làm rách', '2025-06-25');
    // Resolved in May, and raised in July: neither belongs to June's report.
    await file(mttq, 'Chưa có danh sách tổ trưởng', '2025-05-02', { status: 'resolved', handling: 'Đã có danh sách.', handledOn: '2025-05-20' });
    await file(ttsnc, 'Loa cụm chợ hỏng', '2025-07-02');

    const answer = (await (await t.request(`/api/v1/plans/${SAMPLE_PLAN}/report?period=2025-06`, { headers: reviewer.headers })).json()) as PlanReportAnswer;
    expect(answer.data.difficulties?.map((d) => [d.unit, d.summary, d.status]).sort()).toEqual([
      ['MTTQ', 'Hội nghị tổ 3 không có máy chiếu', 'resolved'],
      ['TTSNC', 'Pa nô đường Trần Phú bị gió làm rách', 'open'],
      ['TTSNC', 'Thiếu hai loa ở tổ 5', 'handling'],
    ]);

    const { part, all } = await partThree('2025-06');
    expect([...part].sort()).toEqual([
      // The handling's own full stop is not doubled by the line's.
      '- MTTQ (ngày 10/06/2025): Hội nghị tổ 3 không có máy chiếu — đã xử lý: Mượn máy chiếu của trường tiểu học (ngày 20/06/2025).',
      '- TTSNC (ngày 02/06/2025): Thiếu hai loa ở tổ 5 — đang xử lý: Trình UBND phường bố trí kinh phí sửa loa.',
      '- TTSNC (ngày 25/06/2025): Pa nô đường Trần Phú bị gió làm rách — chưa xử lý.',
    ]);
    // Only in part III: nowhere else in the document.
    for (const summary of ['Thiếu hai loa ở tổ 5', 'Loa cụm chợ hỏng', 'Chưa có danh sách tổ trưởng']) expect(all.filter((p) => p.includes(summary)).length, summary).toBe(summary === 'Thiếu hai loa ở tổ 5' ? 1 : 0);

    // The July report has July's difficulty and the ones still open from June, not the one resolved in June.
    const july = (await partThree('2025-07')).part.join('\n');
    expect(july).toContain('Loa cụm chợ hỏng');
    expect(july).toContain('Thiếu hai loa ở tổ 5');
    expect(july).not.toContain('máy chiếu');
  });

  it('says in words that no unit reported a difficulty in a period without any', async () => {
    await file(ttsnc, 'Thiếu hai loa ở tổ 5', '2025-06-02');
    expect((await partThree('2025-04')).part).toEqual(['Trong kỳ, các đơn vị không báo cáo khó khăn, vướng mắc.']);
  });
});
