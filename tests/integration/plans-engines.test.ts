// Plans and units on both engines: the same steps on a SQLite file and on
// PostgreSQL give the same plans (the shipped sample, one created from it,
// edited, listed in the same order), the same refusals (a duty naming a unit
// the ward lacks writes nothing), the same units (added after the sample's
// four, renamed, an officer bound to one), and the same report texts saved,
// issued with their figures and locked.
import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { plans as plansTable, users } from '../../server/db/schema/index.ts';
import { createReportStore, DEFAULT_REPORT_TEXT, ReportIssuedError, type ReportStore } from '../../server/plans/report-store.ts';
import { createPlanStore, UnknownUnitError, type PlanStore } from '../../server/plans/store.ts';
import { createUnits, setOfficerUnit, type Units } from '../../server/plans/units.ts';
import { readPlanFile, PlanFileErrors } from '../../server/plans/import.ts';
import { parseReportPeriod, type PlanReportData } from '../../shared/plans/report.ts';
import type { Plan, PlanInput } from '../../shared/plans/schema.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const SAMPLE = 'sample-nq57';
const T0 = Date.parse('2025-06-01T03:00:00Z');

const inputOf = ({ id: _id, isSample: _s, updatedAt: _u, ...input }: Plan): PlanInput => input;
/** What each engine gave, compared at the end. */
const seen: Record<string, unknown[]> = {};

describe.each(ENGINES)('plans and units on %s', (kind) => {
  let engine: Engine;
  let store: PlanStore;
  let units: Units;
  let reports: ReportStore;
  let clock = T0;
  const keep = (value: unknown) => (seen[kind] ??= []).push(value);

  beforeAll(async () => {
    engine = await engines.fresh(kind);
    store = createPlanStore(engine, () => clock);
    units = createUnits(engine);
    reports = createReportStore(engine);
  }, 60_000);

  it('adds a unit after the sample four, refuses one that exists, renames one, and binds an officer to a unit', async () => {
    expect((await units.list()).map((u) => u.id)).toEqual(['vh-xh', 'kt-ht-dt', 'mttq', 'ttsnc']);
    const added = await units.add({ name: 'Phòng Giáo dục', shortName: 'P.GD' });
    expect(added).toEqual({ id: 'p-gd', name: 'Phòng Giáo dục', shortName: 'P.GD', isSample: false });
    await expect(units.add({ id: 'p-gd', name: 'Trùng', shortName: 'X' })).rejects.toThrow('already exists');
    expect(await units.update('mttq', { name: 'Ủy ban MTTQ phường', shortName: 'MTTQ' })).toMatchObject({ id: 'mttq', name: 'Ủy ban MTTQ phường', isSample: false });
    expect(await units.update('no-such', { name: 'x', shortName: 'x' })).toBeUndefined();
    expect(await units.get('no-such')).toBeUndefined();
    const list = await units.list();
    expect(list.map((u) => u.id)).toEqual(['vh-xh', 'kt-ht-dt', 'mttq', 'ttsnc', 'p-gd']);

    await engine.db.insert(users).values({ id: 'u-lan', username: 'lan', displayName: 'Lan', role: 'unit', team: null, passwordHash: 'x', createdAt: T0, disabled: false });
    expect(await units.unitOf('u-lan')).toBeUndefined();
    await setOfficerUnit(engine, 'u-lan', 'ttsnc');
    await setOfficerUnit(engine, 'u-lan', 'p-gd');
    expect(await units.unitOf('u-lan')).toBe('p-gd');
    await expect(setOfficerUnit(engine, 'u-lan', 'no-such')).rejects.toThrow('Unknown unit');
    keep(list);
  });

  it('creates a plan, edits it, lists it after the sample, and edits the sample into the ward’s own', async () => {
    const sample = (await store.get(SAMPLE))!;
    expect(sample).toMatchObject({ id: SAMPLE, isSample: true });
    expect(sample.tasks.length).toBeGreaterThan(0);
    clock = T0 + 1_000;
    const made = await store.create({ ...inputOf(sample), title: 'Kế hoạch của phường', duties: [...sample.duties, { ...sample.duties[0], unitId: 'p-gd' }] });
    expect(made).toMatchObject({ isSample: false, title: 'Kế hoạch của phường', updatedAt: new Date(T0 + 1_000).toISOString() });
    expect(made.duties.map((d) => d.unitId)).toContain('p-gd');
    expect(await store.get(made.id)).toEqual(made);

    clock = T0 + 2_000;
    const edited = (await store.replace(made.id, { ...inputOf(made), title: 'Kế hoạch đã sửa', slogans: ['Chuyển đổi số vì người dân'] }))!;
    expect(edited).toMatchObject({ id: made.id, title: 'Kế hoạch đã sửa', slogans: ['Chuyển đổi số vì người dân'], updatedAt: new Date(T0 + 2_000).toISOString() });
    expect(await store.replace('00000000-0000-7000-8000-000000000000', inputOf(made))).toBeUndefined();

    const list = await store.list();
    expect(list.map((p) => [p.id, p.isSample, p.title])).toEqual([
      [SAMPLE, true, sample.title],
      [made.id, false, 'Kế hoạch đã sửa'],
    ]);
    expect((await store.all()).map((p) => p.id)).toEqual([SAMPLE, made.id]);

    // Editing the sample makes it the ward's own; it then lists among the ward's plans, in the order made.
    await store.replace(SAMPLE, { ...inputOf(sample), title: 'Mẫu đã sửa' });
    expect((await store.get(SAMPLE))!.isSample).toBe(false);
    keep({ list: (await store.list()).map(({ id, isSample, title, updatedAt }) => ({ id: id === SAMPLE ? id : 'made', isSample, title, updatedAt })), edited: { ...edited, id: 'made' } });
  });

  it('refuses a plan naming a unit the ward lacks, saying where, and writes nothing', async () => {
    const sample = (await store.get(SAMPLE))!;
    const before = (await engine.db.select({ n: count() }).from(plansTable).get())!.n;
    const bad = { ...inputOf(sample), tasks: [{ ...sample.tasks[0], unitId: 'no-such-unit' }] };
    const refused = await store.create(bad).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnknownUnitError);
    expect((refused as UnknownUnitError).issues).toEqual([{ path: ['tasks', 0, 'unitId'], unitId: 'no-such-unit' }]);
    await expect(store.replace(SAMPLE, bad)).rejects.toBeInstanceOf(UnknownUnitError);
    expect((await engine.db.select({ n: count() }).from(plansTable).get())!.n).toBe(before);
    expect((await store.get(SAMPLE))!.tasks[0].unitId).toBe(sample.tasks[0].unitId);
    // The YAML import asks the same question and answers with the line.
    const yaml = readFileSync(new URL('../../shared/plans/sample-plan.yaml', import.meta.url), 'utf8').replace(/unitId: ttsnc/, 'unitId: nowhere');
    const fileError = await readPlanFile(store, 'thu.yaml', yaml).catch((e: unknown) => e);
    expect(fileError).toBeInstanceOf(PlanFileErrors);
    const texts = (fileError as PlanFileErrors).errors.map((e) => e.text);
    expect(texts.some((t) => t.startsWith('thu.yaml:') && t.includes('no unit "nowhere"'))).toBe(true);
    keep(texts);
  });

  it('saves a report’s text, issues it once with its figures, then refuses changes and locks its days', async () => {
    const june = parseReportPeriod('2025-06')!;
    expect(await reports.read(SAMPLE, june)).toEqual({ text: DEFAULT_REPORT_TEXT, updatedAt: null, issued: null, snapshot: null });
    const text = { ...DEFAULT_REPORT_TEXT, strengths: 'Các đơn vị tích cực.' };
    const saved = await reports.saveText(SAMPLE, june, text, 'vhxh', T0 + 10);
    expect(saved).toMatchObject({ text, updatedAt: new Date(T0 + 10).toISOString(), issued: null });
    const figures = { wardName: 'Phường Mẫu', activities: [] } as unknown as PlanReportData;
    const issued = await reports.issue(SAMPLE, june, { number: '12/BC-UBND', issuedOn: '2025-07-02' }, async () => figures, 'vhxh', T0 + 20);
    expect(issued).toMatchObject({ text, issued: { number: '12/BC-UBND', issuedOn: '2025-07-02', issuedBy: 'vhxh', issuedAt: new Date(T0 + 20).toISOString() }, snapshot: figures });
    expect(await reports.read(SAMPLE, june)).toEqual(issued);
    await expect(reports.issue(SAMPLE, june, { number: '13/BC-UBND', issuedOn: '2025-07-03' }, async () => figures, 'vhxh', T0 + 30)).rejects.toBeInstanceOf(ReportIssuedError);
    await expect(reports.saveText(SAMPLE, june, DEFAULT_REPORT_TEXT, 'vhxh', T0 + 40)).rejects.toBeInstanceOf(ReportIssuedError);
    // Figures that fail to read leave the report unissued.
    const july = parseReportPeriod('2025-07')!;
    await expect(reports.issue(SAMPLE, july, { number: '14/BC-UBND', issuedOn: '2025-08-01' }, async () => Promise.reject(new Error('no figures')), 'vhxh', T0 + 50)).rejects.toThrow('no figures');
    expect(await reports.read(SAMPLE, july)).toEqual({ text: DEFAULT_REPORT_TEXT, updatedAt: null, issued: null, snapshot: null });

    expect(await reports.lockFor(SAMPLE, '2025-06-30', '2025-07-04')).toEqual({ periodKey: '2025-06', number: '12/BC-UBND', issuedOn: '2025-07-02' });
    expect(await reports.lockFor(SAMPLE, '2025-07-01', '2025-07-04')).toBeUndefined();
    expect(await reports.lockFor('other-plan', '2025-06-01', '2025-06-30')).toBeUndefined();
    keep(await reports.read(SAMPLE, june));
  });
});

describe('plans and units, compared', () => {
  it('gives the same answers on SQLite and PostgreSQL', () => {
    expect(seen.sqlite?.length).toBe(4);
    expect(seen.postgres).toEqual(seen.sqlite);
  });
});
