// The ward profile and its residential groups, run the same way on a SQLite
// file and on a throw-away PostgreSQL cluster: the shipped sample read, the
// profile edited (no longer the sample), groups added last and edited, a group
// in use kept and an unused one deleted, and a CSV import applied all at once.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { households } from '../../server/db/schema/index.ts';
import { groupInUse } from '../../server/guide/group-use.ts';
import { createWardImport } from '../../server/ward/import.ts';
import { wardName } from '../../server/ward/name.ts';
import { createWardProfile, type WardProfileStore } from '../../server/ward/profile.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const AT = Date.UTC(2026, 10, 2, 8);
const SAMPLE_GROUPS = ['tdp-1', 'tdp-2', 'tdp-3', 'tdp-4', 'tdp-5', 'tdp-6'];
const CHANNELS = [{ kind: 'social' as const, label: 'Trang của phường' }];

describe.each(ENGINES)('ward profile on %s', (kind) => {
  let engine: Engine;
  let ward: WardProfileStore;
  beforeAll(async () => {
    engine = await engines.fresh(kind);
    ward = createWardProfile(engine, () => AT);
  }, 60_000);

  it('reads the shipped sample, then the office edit makes it the ward own', async () => {
    const sample = await ward.admin();
    expect(sample.isSample).toBe(true);
    expect(sample.groups.map((g) => g.id)).toEqual(SAMPLE_GROUPS);
    await ward.update('Phường Lãm Hà', CHANNELS);
    const own = await ward.public();
    expect(own).toMatchObject({ name: 'Phường Lãm Hà', isSample: false, channels: CHANNELS });
    expect(own.groups[0]).toEqual({ id: 'tdp-1', name: expect.any(String) });
    expect(await wardName(engine)).toBe('Phường Lãm Hà');
  });

  it('adds a group last, edits one in place, and says which exist', async () => {
    await ward.upsertGroup('tdp-9', 'Tổ dân phố 9', 640, 210);
    await ward.upsertGroup('tdp-2', 'Tổ dân phố 2 (mới)', 500, null);
    const { groups } = await ward.admin();
    expect(groups.map((g) => g.id)).toEqual([...SAMPLE_GROUPS, 'tdp-9']);
    expect(groups.find((g) => g.id === 'tdp-9')).toEqual({ id: 'tdp-9', name: 'Tổ dân phố 9', adultPopulation: 640, households: 210, figuresAreSample: false });
    expect(groups.find((g) => g.id === 'tdp-2')).toEqual({ id: 'tdp-2', name: 'Tổ dân phố 2 (mới)', adultPopulation: 500, households: null, figuresAreSample: false });
    expect(await ward.hasGroup('tdp-9')).toBe(true);
    expect(await ward.hasGroup('tdp-99')).toBe(false);
  });

  it('keeps a group a household names and deletes one nobody names', async () => {
    await engine.db.insert(households).values({ id: 'h-1', groupId: 'tdp-3', label: 'Nhà số 12', createdBy: 'guide-1', createdAt: AT });
    const inUse = groupInUse(engine);
    expect(await inUse('tdp-3')).toBe(true);
    expect(await ward.deleteGroup('tdp-3', inUse)).toBe(false);
    expect(await ward.deleteGroup('tdp-9', inUse)).toBe(true);
    expect((await ward.admin()).groups.map((g) => g.id)).toEqual(SAMPLE_GROUPS);
  });

  it('imports a CSV: a dry run changes nothing, the real run writes every row', async () => {
    const importGroups = createWardImport(engine, ward);
    const csv = new TextEncoder().encode('Mã tổ,Tên tổ dân phố,Dân số trưởng thành,Số hộ\r\ntdp-1,Tổ dân phố 1,812,301\r\ntdp-7,Tổ dân phố 7,1204,455\r\n');
    const dry = await importGroups('to.csv', csv, true);
    expect(dry.groups.map((g) => [g.id, g.action])).toEqual([['tdp-1', 'update'], ['tdp-7', 'add']]);
    expect(await ward.hasGroup('tdp-7')).toBe(false);
    const done = await importGroups('to.csv', csv, false);
    expect(done.kept).toEqual(SAMPLE_GROUPS.slice(1));
    const { groups } = await ward.admin();
    expect(groups.map((g) => g.id)).toEqual([...SAMPLE_GROUPS, 'tdp-7']);
    expect(groups.find((g) => g.id === 'tdp-1')).toMatchObject({ adultPopulation: 812, households: 301, figuresAreSample: false });
  });
});
