// The plan's registers (server/registers) on both engines: difficulties,
// false information, budget proposals and register screenshots recorded,
// corrected, handled or decided, listed per unit and plan in the same order,
// with the server's totals, and what the plan report's part III reads — the
// same on a SQLite file and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, EngineKind } from '../../server/db/engine/engine.ts';
import { users } from '../../server/db/schema/index.ts';
import type { FileStore } from '../../server/files/file-store.ts';
import { decideBudget, getBudget, listBudgets, proposeBudget } from '../../server/registers/budget.ts';
import { correctDifficulty, difficultiesForReport, fileDifficulty, getDifficulty, handleDifficulty, listDifficulties } from '../../server/registers/difficulties.ts';
import { getMisinfo, listMisinfo, logMisinfo, updateMisinfo } from '../../server/registers/misinformation.ts';
import { registerDifficulties } from '../../server/registers/report-difficulties.ts';
import { createRegisterScreenshots } from '../../server/registers/screenshots.ts';
import { difficultyInputSchema, misinfoInputSchema } from '../../shared/registers/schema.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const PLAN = 'sample-nq57';
const T0 = Date.parse('2025-06-10T08:00:00Z');
const OFFICE = { unitId: null };
const TTSNC = { unitId: 'ttsnc' };
const KTHTDT = { unitId: 'kt-ht-dt' };
const period = { key: '2025-06', from: '2025-06-01', to: '2025-06-30' } as Parameters<ReturnType<typeof registerDifficulties>>[1];

const difficulty = (o: Record<string, unknown>) => difficultyInputSchema.parse({ planId: PLAN, itemCode: '1.2', summary: 'Thiếu loa ở tổ 5', details: '', raisedOn: '2025-06-02', ...o });
const misinfo = (o: Record<string, unknown>) =>
  misinfoInputSchema.parse({ planId: PLAN, platform: 'facebook', link: 'https://facebook.com/p/1', seenOn: '2025-06-03', description: 'Tin sai', assessment: 'Sai', action: 'none', status: 'open', ...o });
/** What an entry says, without the key made from the clock and a random part. */
const withoutIds = <T extends { id: string }>(rows: T[]) => rows.map(({ id: _id, ...rest }) => rest);

async function staff(engine: Engine) {
  const row = (id: string, role: 'unit' | 'reviewer') => ({ id, username: id, displayName: id, role, team: null, passwordHash: 'x', createdAt: T0, disabled: false });
  await engine.db.insert(users).values([row('u-lan', 'unit'), row('u-minh', 'unit'), row('u-vhxh', 'reviewer')]);
}

/** Everything each engine answered, compared at the end. */
const seen = new Map<EngineKind, unknown>();

describe.each(ENGINES)('the registers on %s', (kind) => {
  let engine: Engine;
  const answers: Record<string, unknown> = {};
  beforeAll(async () => {
    engine = await engines.fresh(kind);
    await staff(engine);
  }, 60_000);
  afterAll(() => void seen.set(kind, answers));

  it('files, corrects and handles difficulties; lists them per unit and plan; part III reads those open in the period', async () => {
    const lan = { userId: 'u-lan', unitId: 'ttsnc' };
    const minh = { userId: 'u-minh', unitId: 'kt-ht-dt' };
    const early = await fileDifficulty(engine, lan, difficulty({ summary: 'Đã xong trước kỳ', raisedOn: '2025-04-01' }), T0);
    const open = await fileDifficulty(engine, minh, difficulty({ summary: 'Chưa có đường truyền', raisedOn: '2025-05-20', itemCode: null }), T0 + 1);
    const speaker = await fileDifficulty(engine, lan, difficulty({ summary: 'Thiếu loa', raisedOn: '2025-06-02' }), T0 + 2);
    await fileDifficulty(engine, lan, difficulty({ summary: 'Sau kỳ', raisedOn: '2025-07-01' }), T0 + 3);
    expect(speaker).toMatchObject({ unitId: 'ttsnc', unitName: 'Trung tâm sự nghiệp công', status: 'new', handling: null, filedAt: new Date(T0 + 2).toISOString() });

    const corrected = await correctDifficulty(engine, speaker.id, 'u-lan', difficulty({ summary: 'Thiếu loa ở tổ 5', details: 'Loa hỏng từ tháng 5.', raisedOn: '2025-06-02' }), T0 + 10);
    expect(corrected).toMatchObject({ summary: 'Thiếu loa ở tổ 5', details: 'Loa hỏng từ tháng 5.', updatedAt: new Date(T0 + 10).toISOString(), filedAt: new Date(T0 + 2).toISOString() });
    await handleDifficulty(engine, early, 'u-vhxh', { status: 'resolved', handling: 'Đã xử lý.', handledOn: '2025-04-10' }, T0 + 11);
    const proposed = await handleDifficulty(engine, corrected, 'u-vhxh', { status: 'proposed', handling: 'Trình UBND phường.', handledOn: '2025-06-05' }, T0 + 12);
    expect(proposed).toMatchObject({ status: 'proposed', proposedOn: '2025-06-05', resolvedOn: null });
    // The day it went to the People's Committee is kept when it is later resolved.
    const resolved = await handleDifficulty(engine, proposed, 'u-vhxh', { status: 'resolved', handling: 'Đã lắp loa mới.', handledOn: '2025-06-20' }, T0 + 13);
    expect(resolved).toMatchObject({ status: 'resolved', proposedOn: '2025-06-05', resolvedOn: '2025-06-20' });

    // By the day raised, then the units' order.
    const all = await listDifficulties(engine, OFFICE, {});
    expect(all.map((d) => [d.unitId, d.summary])).toEqual([
      ['ttsnc', 'Đã xong trước kỳ'],
      ['kt-ht-dt', 'Chưa có đường truyền'],
      ['ttsnc', 'Thiếu loa ở tổ 5'],
      ['ttsnc', 'Sau kỳ'],
    ]);
    expect((await listDifficulties(engine, TTSNC, { unit: 'kt-ht-dt' })).map((d) => d.summary)).toEqual(['Đã xong trước kỳ', 'Thiếu loa ở tổ 5', 'Sau kỳ']);
    expect((await listDifficulties(engine, OFFICE, { unit: 'kt-ht-dt', plan: PLAN })).map((d) => d.id)).toEqual([open.id]);
    expect(await listDifficulties(engine, OFFICE, { plan: 'another-plan' })).toEqual([]);
    expect(await getDifficulty(engine, '00000000-0000-0000-0000-000000000000')).toBeUndefined();

    const report = await difficultiesForReport(engine, PLAN, period.from, period.to);
    expect(report.map((r) => [r.unitName, r.summary, r.status, r.handling, r.raisedOn, r.resolvedOn])).toEqual([
      ['Phòng Kinh tế, Hạ tầng và Đô thị', 'Chưa có đường truyền', 'new', null, '2025-05-20', null],
      ['Trung tâm sự nghiệp công', 'Thiếu loa ở tổ 5', 'resolved', 'Đã lắp loa mới.', '2025-06-02', '2025-06-20'],
    ]);
    const partIII = await registerDifficulties(engine, { list: () => [{ id: 'ttsnc', shortName: 'TTSNC' }, { id: 'kt-ht-dt', shortName: 'KT-HT-ĐT' }] as never })(PLAN, period);
    expect(partIII).toEqual([
      { unit: 'KT-HT-ĐT', summary: 'Chưa có đường truyền', status: 'open', handling: '', reportedOn: '2025-05-20', resolvedOn: null },
      { unit: 'TTSNC', summary: 'Thiếu loa ở tổ 5', status: 'resolved', handling: 'Đã lắp loa mới.', reportedOn: '2025-06-02', resolvedOn: '2025-06-20' },
    ]);
    answers.difficulties = withoutIds(all);
    answers.partIII = partIII;
  });

  it('logs and updates false information, the office without a unit; lists it per unit, newest first', async () => {
    const unitEntry = await logMisinfo(engine, { userId: 'u-lan', unitId: 'ttsnc' }, misinfo({ seenOn: '2025-06-03' }), T0);
    const officeEntry = await logMisinfo(engine, { userId: 'u-vhxh', unitId: null }, misinfo({ platform: 'zalo', seenOn: '2025-06-08', link: 'https://zalo.me/x' }), T0 + 1);
    expect(officeEntry).toMatchObject({ unitId: null, platform: 'zalo', action: 'none', correctionLink: null });
    const updated = await updateMisinfo(
      engine,
      unitEntry.id,
      'u-lan',
      misinfo({ seenOn: '2025-06-03', action: 'corrected', correctionLink: 'https://phuong.gov.vn/dinh-chinh', actionOn: '2025-06-04', status: 'closed', closedOn: '2025-06-09' }),
      T0 + 5,
    );
    expect(updated).toMatchObject({ unitId: 'ttsnc', action: 'corrected', status: 'closed', closedOn: '2025-06-09', loggedAt: new Date(T0).toISOString(), updatedAt: new Date(T0 + 5).toISOString() });
    expect(await getMisinfo(engine, unitEntry.id)).toEqual(updated);
    expect((await listMisinfo(engine, OFFICE, {})).map((m) => m.id)).toEqual([officeEntry.id, unitEntry.id]);
    expect((await listMisinfo(engine, TTSNC, {})).map((m) => m.id)).toEqual([unitEntry.id]);
    expect(await listMisinfo(engine, KTHTDT, {})).toEqual([]);
    answers.misinformation = withoutIds(await listMisinfo(engine, OFFICE, { plan: PLAN }));
  });

  it('proposes budgets with their lines, decides per line, and sums the totals', async () => {
    const lan = { userId: 'u-lan', unitId: 'ttsnc' };
    const lines = [
      { description: 'In tờ rơi', quantity: 500, proposedAmount: 1_500_000 },
      { description: 'Thuê loa', quantity: null, proposedAmount: 2_000_000 },
      { description: 'Nước uống', quantity: 40, proposedAmount: 400_000 },
    ];
    const first = await proposeBudget(engine, lan, { planId: PLAN, title: 'Ngày hội số', proposedOn: '2025-06-01', lines }, T0);
    expect(first).toMatchObject({ status: 'proposed', proposedTotal: 3_900_000, approvedTotal: null, decidedOn: null });
    expect(first.lines.map((l) => l.description)).toEqual(['In tờ rơi', 'Thuê loa', 'Nước uống']);
    const second = await proposeBudget(engine, { userId: 'u-minh', unitId: 'kt-ht-dt' }, { planId: PLAN, title: 'Wi-Fi', proposedOn: '2025-06-05', lines: [lines[1]] }, T0 + 1);

    const approved = await decideBudget(engine, first.id, 'u-vhxh', { status: 'approved', amounts: [1_000_000, 2_000_000, 0], decidedOn: '2025-06-07', note: 'Bớt tờ rơi' }, T0 + 2);
    expect(approved).toMatchObject({ status: 'approved', decidedOn: '2025-06-07', proposedTotal: 3_900_000, approvedTotal: 3_000_000 });
    expect(approved.lines.map((l) => l.approvedAmount)).toEqual([1_000_000, 2_000_000, 0]);
    const refused = await decideBudget(engine, second.id, 'u-vhxh', { status: 'rejected', amounts: [0], decidedOn: '2025-06-08', note: '' }, T0 + 3);
    expect(refused).toMatchObject({ status: 'rejected', approvedTotal: 0 });

    // Newest proposal first; a unit sees its own.
    expect((await listBudgets(engine, OFFICE, {})).map((b) => b.id)).toEqual([second.id, first.id]);
    expect((await listBudgets(engine, TTSNC, { unit: 'kt-ht-dt' })).map((b) => b.id)).toEqual([first.id]);
    expect((await listBudgets(engine, OFFICE, { unit: 'kt-ht-dt', plan: PLAN })).map((b) => b.id)).toEqual([second.id]);
    expect(await getBudget(engine, '00000000-0000-0000-0000-000000000000')).toBeUndefined();
    answers.budget = withoutIds(await listBudgets(engine, OFFICE, { plan: PLAN }));
  });

  it('links screenshots once per uploader, and lets each side use and read only its own', async () => {
    const unitShot = 'a'.repeat(64);
    const officeShot = 'b'.repeat(64);
    const store = { find: (hash: string) => ({ sha256: hash }) } as unknown as FileStore;
    const shots = createRegisterScreenshots(engine, store, () => T0);
    expect([await shots.link(unitShot, 'u-lan', 'ttsnc'), await shots.link(unitShot, 'u-lan', 'ttsnc'), await shots.link(officeShot, 'u-vhxh', null)]).toEqual([true, false, true]);
    expect([await shots.usable(unitShot, TTSNC), await shots.usable(officeShot, TTSNC), await shots.usable(unitShot, OFFICE), await shots.usable(unitShot, KTHTDT)]).toEqual([unitShot, undefined, unitShot, undefined]);
    expect([await shots.mayRead(unitShot, OFFICE), await shots.mayRead(officeShot, TTSNC), await shots.mayRead('c'.repeat(64), OFFICE)]).toEqual([true, false, false]);
    // An entry of the unit naming the office's screenshot makes it readable to that unit.
    await logMisinfo(engine, { userId: 'u-minh', unitId: 'kt-ht-dt' }, misinfo({ screenshotFile: officeShot }), T0);
    expect([await shots.mayRead(officeShot, KTHTDT), await shots.mayRead(officeShot, TTSNC)]).toEqual([true, false]);
  });
});

describe('the registers on both engines', () => {
  it('answered the same', () => {
    expect(seen.size).toBe(2);
    expect(seen.get('postgres')).toEqual(seen.get('sqlite'));
  });
});
