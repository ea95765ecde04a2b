// The report's figures are summed in SQL (server/plans/report-figures.ts),
// not over every row: they must be the figures a plain count over the rows
// gives. One quarter recorded through the real unit sync, with activities
// over the quarter's edges, corrections (one moving an activity out, one
// after an issued report), records the server refused, a directive and
// shared titles; the report is compared with sums over the units' own
// activity lists. Then a unit with more activities in a period than one list
// answer holds (2,000): every one is still counted.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REACH_MEASURES } from '../../shared/plans/constants.ts';
import type { PlanReport } from '../../shared/plans/report.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import type { ActivityList, ActivityRow } from '../../shared/units/api.ts';
import { createPlanStore } from '../../server/plans/store.ts';
import { seedUnitActivities } from '../../server/units/demo-activities.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { activityRecorded, SAMPLE_PLAN, sendJson, staffMember, unitSync, type Member } from './unit-support.ts';

let t: TestApp;
let ttsnc: Member;
let mttq: Member;
let reviewer: Member;
beforeEach(async () => {
  t = setupTestApp({ now: Date.parse('2025-07-20T03:00:00Z') });
  [ttsnc, mttq, reviewer] = await Promise.all([
    staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc'),
    staffMember(t, 'hoa-mttq', 'unit', 'mttq'),
    staffMember(t, 'vhxh', 'reviewer'),
  ]);
});
afterEach(() => t.close());

const get = (path: string, who: Member = reviewer) => t.request(path, { headers: who.headers });
const json = async <T,>(path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};
const Q2 = { from: '2025-04-01', to: '2025-06-30' };
const overlaps = (a: { startsOn: string; endsOn: string }) => a.endsOn >= Q2.from && a.startsOn <= Q2.to;
const byReportOrder = (a: ActivityRow, b: ActivityRow) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.id < b.id ? -1 : 1);

/** The sample plan as shipped: its 2.1 has the sub-form for plans and directives issued and posted. */
async function planWithDirectives(): Promise<Plan> {
  const plan = await json<Plan>(`/api/v1/plans/${SAMPLE_PLAN}`);
  expect(plan.forms.find((f) => f.code === '2.1')?.subForms).toContainEqual({ id: 'directive', title: 'Kế hoạch, văn bản chỉ đạo' });
  return plan;
}

const corrected = (officer: Member, of: ReturnType<typeof activityRecorded>, overrides: Record<string, unknown>) => ({
  ...of,
  id: crypto.randomUUID(),
  recordedBy: officer.id,
  type: 'activity.corrected',
  reason: 'Sửa số liệu',
  ...overrides,
});

describe('report figures summed in SQL', () => {
  it('are the sums and counts over the rows: edges, corrections, refused records, directives and examples', async () => {
    const plan = await planWithDirectives();
    const r = (who: Member, unit: string, o: Record<string, unknown>) => activityRecorded(who, unit, o);
    const may = r(ttsnc, 'ttsnc', { startsOn: '2025-05-10', title: 'Tin tháng 5', contentItems: ['1.1'], reach: { minutesAired: 6 } });
    const moved = r(ttsnc, 'ttsnc', { startsOn: '2025-06-12', title: 'Tin sẽ dời sang tháng 7', contentItems: ['1.4'], reach: { minutesAired: 30 } });
    const fixed = r(mttq, 'mttq', { startsOn: '2025-04-20', formCode: '2.2', subFormId: 'conference', title: 'Hội nghị khu phố', contentItems: ['1.2'], reach: { participants: 40 } });
    const first = [
      // Over the quarter's first and last day: both count; wholly before or after: neither.
      r(ttsnc, 'ttsnc', { startsOn: '2025-03-28', endsOn: '2025-04-03', formCode: '2.3', subFormId: 'panel', title: 'Pa nô ngã tư', contentItems: ['1.1', '1.5'], reach: { copies: 2 } }),
      r(ttsnc, 'ttsnc', { startsOn: '2025-06-29', endsOn: '2025-07-10', formCode: '2.3', subFormId: 'banner', title: 'Băng rôn Trần Phú', contentItems: ['1.5'], reach: { copies: 4 } }),
      r(ttsnc, 'ttsnc', { startsOn: '2025-03-01', endsOn: '2025-03-31', formCode: '2.3', subFormId: 'banner', title: 'Băng rôn tháng 3', contentItems: ['1.5'], reach: { copies: 9 } }),
      r(ttsnc, 'ttsnc', { startsOn: '2025-07-01', title: 'Tin tháng 7', contentItems: ['1.1'], reach: { minutesAired: 9 } }),
      // The same day in two units, titles repeated: examples are the first distinct titles by day, unit and id.
      r(ttsnc, 'ttsnc', { startsOn: '2025-04-05', title: 'Tin về Nghị quyết 57', contentItems: ['1.1', '1.2'], reach: { minutesAired: 5 } }),
      r(ttsnc, 'ttsnc', { startsOn: '2025-04-06', title: 'Tin về Nghị quyết 57', contentItems: ['1.1'], reach: { minutesAired: 5 } }),
      r(mttq, 'mttq', { startsOn: '2025-04-05', formCode: '2.2', subFormId: 'residential-group-meeting', title: 'Họp tổ dân phố số 3', contentItems: ['1.1'], reach: { participants: 35 } }),
      r(mttq, 'mttq', { startsOn: '2025-04-07', formCode: '2.2', subFormId: undefined, title: 'Sinh hoạt chi hội', contentItems: ['1.1'], reach: { participants: 12, views: 80 } }),
      r(ttsnc, 'ttsnc', { startsOn: '2025-04-09', formCode: '2.1', subFormId: 'portal-article', title: 'Bài trên cổng', contentItems: ['1.1', '1.3'], reach: {} }),
      r(ttsnc, 'ttsnc', { startsOn: '2025-04-15', formCode: '2.1', subFormId: 'directive', title: 'Đăng Kế hoạch 123/KH-UBND', contentItems: ['1.2'], reach: { views: 210 } }),
      r(ttsnc, 'ttsnc', { startsOn: '2025-07-02', formCode: '2.1', subFormId: 'directive', title: 'Văn bản tháng 7', contentItems: ['1.2'] }),
      r(ttsnc, 'ttsnc', { startsOn: '2025-05-20', formCode: '2.3', subFormId: 'led-slot', title: 'Màn hình LED chợ', contentItems: ['1.4'], reach: { screenHours: 14 } }),
      may,
      moved,
      fixed,
    ];
    expect((await unitSync(t, ttsnc, first.filter((a) => a.unitId === 'ttsnc'))).every((x) => x.status === 'accepted')).toBe(true);
    expect((await unitSync(t, mttq, first.filter((a) => a.unitId === 'mttq'))).map((x) => x.status)).toEqual(['accepted', 'accepted', 'accepted']);
    // Refused: a sub-form the plan lacks, another unit's record, a second record of the same activity.
    const refused = await unitSync(t, ttsnc, [
      r(ttsnc, 'ttsnc', { startsOn: '2025-05-01', subFormId: 'khong-co', title: 'Sai hình thức', reach: { minutesAired: 1000 } }),
      r(ttsnc, 'mttq', { startsOn: '2025-05-01', formCode: '2.2', subFormId: 'conference', title: 'Ghi hộ', reach: { participants: 1000 } }),
      { ...may, id: crypto.randomUUID(), reach: { minutesAired: 1000 } },
    ]);
    expect(refused.map((x) => x.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // Corrections: one moves an activity out of the quarter, one changes reach, sub-form and items.
    const fixes = await unitSync(t, ttsnc, [corrected(ttsnc, moved, { startsOn: '2025-07-03' })]);
    expect(fixes[0].status).toBe('accepted');
    expect((await unitSync(t, mttq, [corrected(mttq, fixed, { subFormId: 'business-dialogue', contentItems: ['1.2', '1.4'], reach: { participants: 55, views: 15 } })]))[0].status).toBe('accepted');
    // May's report issued; May's activity then corrected after it: the quarter (not issued) reads the log as it is now.
    expect((await sendJson(t, 'POST', `/api/v1/plans/${SAMPLE_PLAN}/report/issue`, reviewer, { period: '2025-05', number: '7/BC-UBND', issuedOn: '2025-06-03' })).status).toBe(200);
    expect((await unitSync(t, ttsnc, [corrected(ttsnc, may, { reach: { minutesAired: 16 }, contentItems: ['1.3'], afterIssue: true })]))[0].status).toBe('accepted');

    // The plain count: every unit's own activity list, filtered to the quarter's days.
    const rows: ActivityRow[] = [];
    for (const u of ['ttsnc', 'mttq', 'kt-ht-dt', 'vh-xh']) {
      rows.push(...(await json<ActivityList>(`/api/v1/units/${u}/activities?plan=${SAMPLE_PLAN}&from=${Q2.from}&to=${Q2.to}`)).activities);
    }
    rows.sort(byReportOrder);
    expect(rows.every(overlaps)).toBe(true);
    expect(rows.map((a) => a.title)).not.toContain('Tin sẽ dời sang tháng 7');
    expect(rows).toHaveLength(11);

    const report = await json<PlanReport>(`/api/v1/plans/${SAMPLE_PLAN}/report?period=2025-Q2`);
    const d = report.data;
    const sum = (xs: ActivityRow[]) => Object.fromEntries(REACH_MEASURES.map((m) => [m, xs.reduce((n, a) => n + (a.reach[m] ?? 0), 0)]));
    expect(d.totals.activities).toBe(rows.length);
    expect(d.totals.reach).toEqual(sum(rows));
    expect(d.totals.reach).toMatchObject({ minutesAired: 5 + 5 + 16, participants: 35 + 12 + 55, views: 80 + 210 + 15, copies: 2 + 4, screenHours: 14 });
    for (const f of plan.forms) {
      const mine = rows.filter((a) => a.formCode === f.code);
      const form = d.forms.find((x) => x.code === f.code)!;
      expect(form.activities, f.code).toBe(mine.length);
      expect(form.reach, f.code).toEqual(sum(mine));
      const subForms = f.subForms.map((s) => ({ id: s.id, title: s.title, activities: mine.filter((a) => a.subFormId === s.id).length })).filter((s) => s.activities > 0);
      expect(form.subForms, f.code).toEqual(subForms);
    }
    expect(d.forms.find((f) => f.code === '2.2')!.subForms.map((s) => s.id)).toEqual(['residential-group-meeting', 'business-dialogue']);
    for (const c of plan.contentItems) {
      const mine = rows.filter((a) => a.contentItems.includes(c.code));
      const item = d.contentItems.find((x) => x.code === c.code)!;
      expect(item.activities, c.code).toBe(mine.length);
      expect(item.examples, c.code).toEqual([...new Set(mine.map((a) => a.title))].slice(0, 3));
    }
    expect(d.contentItems.find((c) => c.code === '1.1')!.examples).toEqual(['Pa nô ngã tư', 'Họp tổ dân phố số 3', 'Tin về Nghị quyết 57']);
    expect(d.directives.map((a) => a.id)).toEqual(rows.filter((a) => a.subFormId === 'directive').map((a) => a.id));
    expect(d.directives).toEqual([expect.objectContaining({ title: 'Đăng Kế hoạch 123/KH-UBND', unit: 'TTSNC', subForm: 'Kế hoạch, văn bản chỉ đạo', reach: { views: 210 } })]);
    // The JSON answer carries no rows; the annex lists the same rows in the same order.
    expect('activities' in d).toBe(false);
    const res = await get(`/api/v1/plans/${SAMPLE_PLAN}/report/annex.xlsx?period=2025-Q2`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const titles: string[] = [];
    book.worksheets[0].eachRow((row, i) => {
      if (i > 1) titles.push(String(row.getCell(8).value));
    });
    expect(titles).toEqual(rows.map((a) => a.title));
  });

  it('counts every activity of a unit with more in the period than one activity list holds', async () => {
    const plan = (await createPlanStore(t.engine, () => t.clock.now).get(SAMPLE_PLAN))!;
    const { activities } = await seedUnitActivities(t.engine, { plan, unitIds: ['ttsnc'], from: '2025-01-01', to: '2025-06-30', extraPerWeek: 85, now: t.clock.now, seed: 7 });
    expect(activities).toBeGreaterThan(2_000);
    // The plain count, over the stored rows themselves.
    const stored = await t.engine.all(sql`SELECT form_code AS form, sub_form_id AS sub, details FROM unit_activities WHERE plan_id = ${SAMPLE_PLAN} AND ends_on >= '2025-01-01' AND starts_on <= '2025-06-30'`) as Array<{ form: string; sub: string | null; details: string }>;
    expect(stored).toHaveLength(activities);
    const report = await json<PlanReport>(`/api/v1/plans/${SAMPLE_PLAN}/report?period=2025-H1`);
    expect(report.data.totals.activities).toBe(activities);
    for (const f of report.data.forms) {
      const mine = stored.filter((s) => s.form === f.code);
      for (const m of REACH_MEASURES) expect(f.reach[m], `${f.code} ${m}`).toBe(mine.reduce((n, s) => n + ((JSON.parse(s.details) as { reach: Record<string, number> }).reach[m] ?? 0), 0));
      for (const s of f.subForms) expect(s.activities, `${f.code} ${s.id}`).toBe(mine.filter((x) => x.sub === s.id).length);
    }
    expect(report.data.forms.reduce((n, f) => n + f.subForms.reduce((a, s) => a + s.activities, 0), 0)).toBe(stored.filter((s) => s.sub !== null).length);
  });
});
