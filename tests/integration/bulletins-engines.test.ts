// The loudspeaker bulletin store, run the same way on a SQLite file and on a
// throw-away PostgreSQL cluster: the unit and group checks, the days due so
// far (Vietnam's day), the reading time, the list's order and a unit's view,
// and an airing recorded once however often it is tapped.
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleOf } from '../support/rule-of.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { bulletins, users } from '../../server/db/schema/index.ts';
import { BulletinRuleError, bulletinMinutes, createBulletinStore, type BulletinFields, type BulletinStore } from '../../server/outreach/bulletins.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
// Monday 9 November 2026, 10:00 in Vietnam.
const MONDAY = Date.UTC(2026, 10, 9, 3);

const fields = (overrides: Partial<BulletinFields> = {}): BulletinFields => ({
  kind: 'news',
  title: 'Cài đặt VNeID mức 2',
  body: 'Người dân mang căn cước đến nhà văn hóa tổ dân phố để được hướng dẫn kích hoạt tài khoản định danh điện tử mức 2.',
  rate: 180,
  unitId: 'ttsnc',
  schedule: { days: { kind: 'weekly', weekdays: [1, 4], from: '2026-11-02', until: '2026-11-15' }, time: '06:30', clusters: ['Cụm loa chợ'], groups: ['tdp-1', 'tdp-2'] },
  ...overrides,
});

const refused = (work: Promise<unknown>) => ruleOf(work, BulletinRuleError);

describe.each(ENGINES)('bulletin store on %s', (kind) => {
  let engine: Engine;
  let store: BulletinStore;
  let at = MONDAY;
  beforeAll(async () => {
    engine = await engines.fresh(kind);
    store = createBulletinStore(engine, () => at);
    await engine.db.insert(users).values([
      { id: 'off', username: 'off', displayName: 'Lan (TTSNC)', role: 'unit', passwordHash: 'x', createdAt: MONDAY, disabled: false },
      { id: 'rev', username: 'rev', displayName: 'Minh (VH-XH)', role: 'reviewer', passwordHash: 'x', createdAt: MONDAY, disabled: false },
    ]);
  }, 60_000);

  it('refuses an unknown unit or group and writes nothing', async () => {
    expect(await refused(store.create(fields({ unitId: 'no-such-unit' }), 'rev'))).toBe('unknown_unit');
    expect(await refused(store.create(fields({ schedule: { ...fields().schedule!, groups: ['tdp-1', 'tdp-404'] } }), 'rev'))).toBe('unknown_group');
    expect(await engine.db.select().from(bulletins)).toEqual([]);
  });

  it('keeps the text and schedule, with the days due so far newest first and the reading time as minutes', async () => {
    const b = await store.create(fields(), 'rev');
    expect(b).toMatchObject({
      kind: 'news',
      unitId: 'ttsnc',
      unitName: 'Trung tâm sự nghiệp công',
      schedule: fields().schedule,
      minutes: bulletinMinutes(fields()),
      dueDays: ['2026-11-09', '2026-11-05', '2026-11-02'],
      airings: [],
      updatedAt: new Date(MONDAY).toISOString(),
    });
    expect(b.minutes).toBeGreaterThanOrEqual(1);
    expect(await store.get(b.id)).toEqual(b);
    expect(await store.get('00000000-0000-7000-8000-000000000000')).toBeUndefined();
    // Not scheduled: kept, nothing due.
    const plain = await store.create(fields({ title: 'Không lên lịch', schedule: null }), 'rev');
    expect(plain).toMatchObject({ schedule: null, dueDays: [] });
  });

  it('lists newest change first (id breaking a tie, ascending) and a unit its own only; an edit moves a bulletin up', async () => {
    at += 60_000;
    const a = await store.create(fields({ title: 'Cùng lúc A', unitId: 'mttq', schedule: null }), 'rev');
    const b = await store.create(fields({ title: 'Cùng lúc B', unitId: 'mttq', schedule: null }), 'rev');
    const all = await store.list();
    expect(all.slice(0, 2).map((x) => x.id)).toEqual([a.id, b.id].sort());
    const order = all.map((x) => [Date.parse(x.updatedAt), x.id] as const);
    expect(order).toEqual([...order].sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? -1 : 1)));
    expect((await store.list('mttq')).map((x) => x.title).sort()).toEqual(['Cùng lúc A', 'Cùng lúc B']);
    expect((await store.list('ttsnc')).every((x) => x.unitId === 'ttsnc')).toBe(true);

    at += 60_000;
    const oldest = all.at(-1)!;
    const edited = await store.update(oldest.id, fields({ title: 'Sửa lại', unitId: oldest.unitId, schedule: null }));
    expect(edited).toMatchObject({ title: 'Sửa lại', schedule: null, dueDays: [], updatedAt: new Date(at).toISOString() });
    expect((await store.list())[0].id).toBe(oldest.id);
    expect(await refused(store.update(oldest.id, fields({ unitId: 'no-such-unit' })))).toBe('unknown_unit');
    expect((await store.get(oldest.id))!.title).toBe('Sửa lại');
  });

  it('records a day aired once, lists airings newest day first with who aired them, and names the groups', async () => {
    const b = await store.create(fields({ title: 'Phát thanh' }), 'rev');
    expect(await store.airing(b.id, '2026-11-02')).toBeUndefined();
    at += 1_000;
    expect(await store.recordAiring({ bulletinId: b.id, day: '2026-11-02', minutes: 3, activityId: 'act-1', airedBy: 'off' })).toBe(true);
    expect(await store.recordAiring({ bulletinId: b.id, day: '2026-11-02', minutes: 9, activityId: 'act-x', airedBy: 'rev' })).toBe(false);
    expect(await store.recordAiring({ bulletinId: b.id, day: '2026-11-05', minutes: 2, activityId: 'act-2', airedBy: 'off' })).toBe(true);
    expect(await store.airing(b.id, '2026-11-02')).toEqual({ bulletinId: b.id, day: '2026-11-02', minutes: 3, activityId: 'act-1', airedBy: 'off', airedAt: at });
    expect((await store.get(b.id))!.airings).toEqual([
      { day: '2026-11-05', minutes: 2, activityId: 'act-2', airedAt: new Date(at).toISOString(), airedByName: 'Lan (TTSNC)' },
      { day: '2026-11-02', minutes: 3, activityId: 'act-1', airedAt: new Date(at).toISOString(), airedByName: 'Lan (TTSNC)' },
    ]);
    expect((await store.groupNames(['tdp-2', 'tdp-1'])).map((g) => g.name).sort()).toEqual(['Tổ dân phố 1', 'Tổ dân phố 2']);
    expect(await store.groupNames([])).toEqual([]);
  });
});
