// The units' outreach log on both engines: activities recorded and corrected
// through the record pipeline and the unit projection, the unit's list, the
// tracker's counts per unit and form over a span (with the sample plan's
// weekly and monthly tasks judged), and the report on the plan read, issued
// and read back, its period then locked. The same records on a SQLite file
// and on PostgreSQL give the same answers.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { storedFiles, unitActivityItems, users } from '../../server/db/schema/index.ts';
import type { FileStore, StoredFileInfo } from '../../server/files/file-store.ts';
import { noDifficultyRegister, readPlanReportData, type ReportSources } from '../../server/plans/report-data.ts';
import { createReportStore, type ReportStore } from '../../server/plans/report-store.ts';
import { createPlanStore } from '../../server/plans/store.ts';
import { createUnits, setOfficerUnit, type Units } from '../../server/plans/units.ts';
import { createRecordPipeline, type RecordPipeline } from '../../server/records/pipeline.ts';
import { listActivities } from '../../server/units/activities.ts';
import { createUnitEvidence, type UnitEvidence } from '../../server/units/evidence.ts';
import { createUnitProjection } from '../../server/units/projection.ts';
import { createTracker } from '../../server/units/tracker.ts';
import { parseReportPeriod } from '../../shared/plans/report.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const PLAN = 'sample-nq57';
/** Monday 17 March 2025, 00:30 in Vietnam. */
const NOW = Date.parse('2025-03-16T17:30:00Z');
const TODAY = '2025-03-17';
const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const PHOTO = 'a'.repeat(64);
const OTHERS_PHOTO = 'b'.repeat(64);
const seen: Record<string, unknown[]> = {};

/** The file store's one question the units ask (which stored file a hash names), over two known files. */
const files = {
  find: (hash: string): StoredFileInfo | undefined => ([PHOTO, OTHERS_PHOTO].includes(hash) ? ({ sha256: hash, type: 'image/jpeg', bytes: 1_000 } as StoredFileInfo) : undefined),
} as unknown as FileStore;

/** Fixed ids, so both engines hold the same rows. */
let n = 0;
const nextId = () => `0195a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

function recorded(officer: string, unitId: string, o: Record<string, unknown> = {}) {
  return {
    id: nextId(),
    type: 'activity.recorded',
    recordedBy: officer,
    deviceId: 'unit-phone',
    occurredAt: '2025-03-03T10:00:00+07:00',
    unitId,
    planId: PLAN,
    activityId: nextId(),
    startsOn: '2025-03-03',
    formCode: '2.4',
    subFormId: 'radio-column',
    contentItems: ['1.2'],
    title: 'Chuyên mục Nghị quyết 57 trên loa phường',
    place: 'Đài truyền thanh phường',
    audiences: ['residents'],
    reach: { minutesAired: 10 },
    links: [],
    ...o,
  };
}

describe.each(ENGINES)('the outreach log on %s', (kind) => {
  let engine: Engine;
  let units: Units;
  let evidence: UnitEvidence;
  let reports: ReportStore;
  let pipeline: RecordPipeline;
  let plan: Plan;
  const keep = (value: unknown) => (seen[kind] ??= []).push(value);
  const send = (officer: string, records: unknown[]) => pipeline.unit.ingest({ by: { id: officer, deviceId: 'unit-phone' }, records, receivedAt: NOW });
  const sources = async (): Promise<ReportSources> => ({
    engine,
    units: await units.list(),
    wardName: 'Phường Mẫu',
    movement: () => ({ learners: 0, newLearners: 0, coursesCompleted: 0, certificates: 0 }),
    difficulties: noDifficultyRegister,
    now: NOW,
  });

  beforeAll(async () => {
    n = 0;
    engine = await engines.fresh(kind);
    units = createUnits(engine);
    evidence = createUnitEvidence(engine, files, () => NOW);
    reports = createReportStore(engine);
    pipeline = createRecordPipeline(engine, [createUnitProjection(engine, units, evidence, reports)]);
    plan = (await createPlanStore(engine, () => NOW).get(PLAN))!;
    for (const [id, unitId] of [['u-lan', 'ttsnc'], ['u-minh', 'mttq']]) {
      await engine.db.insert(users).values({ id, username: id, displayName: id, role: 'unit', team: null, passwordHash: 'x', createdAt: NOW, disabled: false });
      await setOfficerUnit(engine, id, unitId);
    }
    for (const sha256 of [PHOTO, OTHERS_PHOTO]) await engine.db.insert(storedFiles).values({ sha256, type: 'image/jpeg', bytes: 1_000, createdAt: NOW });
  }, 60_000);

  it('records activities once, refuses what the unit or the plan does not allow, and links only the unit’s own files', async () => {
    expect(await evidence.link('ttsnc', PHOTO, 'u-lan')).toBe(true);
    expect(await evidence.link('ttsnc', PHOTO, 'u-lan')).toBe(false);
    expect(await evidence.link('mttq', OTHERS_PHOTO, 'u-minh')).toBe(true);
    expect(await evidence.owns('ttsnc', OTHERS_PHOTO)).toBe(false);

    const batch = [
      recorded('u-lan', 'ttsnc', { startsOn: '2025-02-24' }),
      recorded('u-lan', 'ttsnc', { startsOn: '2025-03-03', files: [{ sha256: PHOTO, type: 'image/jpeg', bytes: 1_000, name: 'loa.jpg' }] }),
      recorded('u-lan', 'ttsnc', { startsOn: '2025-03-05', formCode: '2.1', subFormId: 'portal-article', contentItems: ['1.1', '1.3'], title: 'Bài trên trang phường', reach: { views: 300 } }),
      recorded('u-lan', 'ttsnc', { startsOn: '2025-03-12', formCode: '2.1', subFormId: 'portal-article', contentItems: ['1.1'], title: 'Bài thứ hai', reach: { views: 120 } }),
      recorded('u-minh', 'mttq', { startsOn: '2025-03-10', formCode: '2.2', subFormId: undefined, contentItems: ['1.4'], title: 'Hội nghị ở tổ dân phố', reach: { participants: 60 } }),
    ];
    const results = [...(await send('u-lan', batch.slice(0, 4))), ...(await send('u-minh', batch.slice(4)))];
    expect(results.map((r) => [r.status, r.error?.message])).toEqual(Array(5).fill(['accepted', undefined]));
    expect((await send('u-lan', batch.slice(0, 1)))[0].status).toBe('duplicate');

    const refused = await send('u-lan', [
      recorded('u-lan', 'mttq'),
      recorded('u-lan', 'ttsnc', { planId: 'no-plan' }),
      recorded('u-lan', 'ttsnc', { formCode: '2.9' }),
      recorded('u-lan', 'ttsnc', { files: [{ sha256: OTHERS_PHOTO, type: 'image/jpeg', bytes: 1_000 }] }),
      recorded('u-lan', 'ttsnc', { activityId: batch[0].activityId }),
    ]);
    expect(refused.map((r) => r.error?.code)).toEqual(['forbidden', 'unknown_plan', 'not_in_plan', 'unknown_file', 'conflict']);
    keep(results);
  });

  it('corrects an activity with a reason, and the unit’s list shows the corrected version with its files', async () => {
    const [first] = await listActivities(engine, 'ttsnc', { plan: PLAN, from: '2025-03-12', to: '2025-03-12' });
    expect(first.title).toBe('Bài thứ hai');
    const fix = { ...recorded('u-lan', 'ttsnc', { activityId: first.id, startsOn: '2025-03-13', formCode: '2.1', subFormId: 'portal-article', contentItems: ['1.1', '1.2'], title: 'Bài thứ hai (sửa)', reach: { views: 150 } }), type: 'activity.corrected', reason: 'Sai ngày đăng' };
    expect((await send('u-lan', [fix]))[0].status).toBe('accepted');
    expect((await send('u-minh', [{ ...fix, id: nextId(), recordedBy: 'u-minh', unitId: 'mttq' }]))[0].error?.code).toBe('forbidden');
    expect((await send('u-lan', [{ ...fix, id: nextId(), activityId: nextId() }]))[0].error?.code).toBe('unknown_activity');

    const list = await listActivities(engine, 'ttsnc', { plan: PLAN });
    expect(list.map((a) => [a.startsOn, a.title, a.contentItems, a.corrections])).toEqual([
      ['2025-03-13', 'Bài thứ hai (sửa)', ['1.1', '1.2'], 1],
      ['2025-03-05', 'Bài trên trang phường', ['1.1', '1.3'], 0],
      ['2025-03-03', 'Chuyên mục Nghị quyết 57 trên loa phường', ['1.2'], 0],
      ['2025-02-24', 'Chuyên mục Nghị quyết 57 trên loa phường', ['1.2'], 0],
    ]);
    expect(list[2].files).toEqual([{ sha256: PHOTO, type: 'image/jpeg', bytes: 1_000, name: 'loa.jpg' }]);
    expect(list[0]).toMatchObject({ reach: { views: 150 }, place: 'Đài truyền thanh phường', audiences: ['residents'], recordedAt: expect.any(String) });
    // The item rows moved with the corrected day.
    const items = await engine.db.select({ code: unitActivityItems.itemCode, startsOn: unitActivityItems.startsOn }).from(unitActivityItems).where(eq(unitActivityItems.activityId, first.id));
    expect(items.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: '1.1', startsOn: '2025-03-13' },
      { code: '1.2', startsOn: '2025-03-13' },
    ]);
    expect(await listActivities(engine, 'ttsnc', { from: '2025-03-01', to: '2025-03-04' })).toHaveLength(1);
    keep(list.map(({ recordedAt: _r, ...a }) => a));
  });

  it('counts per unit and form over a span, and judges the tasks for the office and for one unit', async () => {
    const read = createTracker(engine);
    const office = await read(plan, await units.list(), MARCH, TODAY);
    const byUnit = Object.fromEntries(office.units.map((u) => [u.id, u]));
    expect(byUnit.ttsnc).toMatchObject({ perForm: { '2.4': 1, '2.1': 2 }, total: 3, lastActivityOn: '2025-03-13', latestOn: '2025-03-13' });
    expect(byUnit.mttq).toMatchObject({ perForm: { '2.2': 1 }, total: 1, lastActivityOn: '2025-03-10' });
    expect(byUnit['vh-xh']).toMatchObject({ perForm: {}, total: 0, lastActivityOn: null, latestOn: null });
    expect(Object.fromEntries(office.contentItems.map((c) => [c.code, c.activities]))).toMatchObject({ '1.1': 2, '1.2': 2, '1.3': 1, '1.4': 1 });
    const task = Object.fromEntries(office.tasks.map((s) => [s.taskId, s]));
    // Columns in the weeks ending 2 and 9 March, none in the week of 10 March: overdue on Monday 17 March.
    expect(task['ttsnc-radio-column']).toMatchObject({ status: 'overdue', met: 2, missed: 1, lastMissed: '2025-03-16' });
    expect(task['ttsnc-portal-article']).toMatchObject({ status: 'done', recorded: 2, required: 2 });
    expect(office.targets.find((g) => g.formCode === '2.1')).toMatchObject({ actual: 2 });

    const own = await read(plan, (await units.list()).filter((u) => u.id === 'ttsnc'), MARCH, TODAY, true);
    expect(own.units.map((u) => [u.id, u.total])).toEqual([['ttsnc', 3]]);
    expect([...new Set(own.tasks.map((s) => s.unitId))]).toEqual(['ttsnc']);
    // A span that starts after the first column: its count is the unit's form within the span only.
    const late = await read(plan, await units.list(), { from: '2025-03-04', to: '2025-03-31' }, TODAY);
    expect(late.units.find((u) => u.id === 'ttsnc')).toMatchObject({ perForm: { '2.1': 2 }, total: 2, latestOn: '2025-03-13' });
    // Ten years of weekly columns: more spans than one statement takes, counted in chunks under the right tasks.
    const decade = await read(plan, await units.list(), { from: '2015-03-17', to: '2025-03-16' }, TODAY);
    const column = decade.tasks.find((s) => s.taskId === 'ttsnc-radio-column')!;
    expect(column).toMatchObject({ met: 2 });
    expect(column.deadlines).toBeGreaterThan(512);
    expect(decade.tasks.find((s) => s.taskId === 'ttsnc-portal-article')).toMatchObject({ recorded: 2 });
    keep({ office, own, late, decade });
  });

  it('reads the report on the plan in one transaction, issues it with those figures, reads it back and locks its days', async () => {
    const period = parseReportPeriod('2025-03')!;
    const figures = await readPlanReportData(await sources(), plan, period);
    expect(figures.totals.activities).toBe(4);
    expect(figures.forms.find((f) => f.code === '2.1')).toMatchObject({ activities: 2, reach: { views: 450 }, subForms: [{ id: 'portal-article', activities: 2 }] });
    expect(figures.contentItems.find((c) => c.code === '1.1')!.examples).toEqual(['Bài trên trang phường', 'Bài thứ hai (sửa)']);
    expect(figures.units.find((u) => u.id === 'mttq')!.total).toBe(1);

    const issued = await reports.issue(PLAN, period, { number: '05/BC-UBND', issuedOn: '2025-04-02' }, async () => readPlanReportData(await sources(), plan, period, { rows: true }), 'vhxh', NOW);
    expect(issued.issued).toMatchObject({ number: '05/BC-UBND', issuedOn: '2025-04-02' });
    expect(issued.snapshot!.activities.map((a) => [a.unit, a.startsOn, a.title])).toEqual([
      ['TTSNC', '2025-03-03', 'Chuyên mục Nghị quyết 57 trên loa phường'],
      ['TTSNC', '2025-03-05', 'Bài trên trang phường'],
      ['MTTQ', '2025-03-10', 'Hội nghị ở tổ dân phố'],
      ['TTSNC', '2025-03-13', 'Bài thứ hai (sửa)'],
    ]);
    const { activities: _rows, ...kept } = issued.snapshot!;
    expect(kept).toEqual(figures);
    expect(await reports.read(PLAN, period)).toEqual(issued);

    // The issued period is locked: a plain correction is refused, one sent after the report goes in and the report keeps its figures.
    const [march3] = await listActivities(engine, 'ttsnc', { from: '2025-03-03', to: '2025-03-03' });
    const fix = { ...recorded('u-lan', 'ttsnc', { activityId: march3.id, reach: { minutesAired: 30 } }), type: 'activity.corrected', reason: 'Phát ba lần' };
    expect((await send('u-lan', [fix]))[0].error?.code).toBe('period_locked');
    expect((await send('u-lan', [{ ...fix, id: nextId(), afterIssue: true }]))[0].status).toBe('accepted');
    expect((await reports.read(PLAN, period)).snapshot).toEqual(issued.snapshot);
    const now = await readPlanReportData(await sources(), plan, period);
    expect(now.forms.find((f) => f.code === '2.4')!.reach.minutesAired).toBe(30);
    keep({ figures, snapshot: issued.snapshot });
  });
});

describe('the outreach log, compared', () => {
  it('gives the same answers on SQLite and PostgreSQL', () => {
    expect(seen.sqlite?.length).toBe(4);
    expect(seen.postgres).toEqual(seen.sqlite);
  });
});
