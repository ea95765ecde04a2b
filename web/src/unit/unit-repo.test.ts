// The unit's activities read from the server join those of this phone: one
// another officer recorded (or corrected) is kept as the server has it and
// can be corrected here; one with a correction still waiting on this phone
// keeps the phone's newer values until it is sent.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../../shared/units/api.ts';
import { openUnitDatabase, type UnitDatabase } from './db.ts';
import { createUnitRepo } from './unit-repo.ts';

const me = { officerId: 'officer-thao', deviceId: 'unit-phone-0001' };
let db: UnitDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
});

const row = (id: string, overrides: Partial<ActivityRow> = {}): ActivityRow => ({
  id,
  unitId: 'ttsnc',
  planId: 'sample-nq57',
  formCode: '2.3',
  subFormId: 'banner',
  contentItems: ['1.2'],
  startsOn: '2025-06-02',
  endsOn: '2025-06-02',
  title: 'Băng rôn đường Lê Lợi',
  place: 'Đường Lê Lợi',
  audiences: ['residents'],
  reach: { copies: 3 },
  links: [],
  files: [{ sha256: 'a'.repeat(64), type: 'image/jpeg', bytes: 1200, name: null }],
  corrections: 0,
  recordedAt: '2025-06-02T03:00:00.000Z',
  ...overrides,
});

describe('unit repo: the unit activities from the server', () => {
  it('keeps an activity recorded on another phone, correctable here with its files kept', async () => {
    db = openUnitDatabase(`t-${crypto.randomUUID()}`);
    const repo = createUnitRepo(db);
    const id = '0197a000-0000-7000-8000-0000000000b1';
    await repo.keepServerActivities([row(id)]);
    const [kept] = await repo.listActivities();
    expect(kept).toMatchObject({ activityId: id, subFormId: 'banner', reach: { copies: 3 }, files: [{ sha256: 'a'.repeat(64), type: 'image/jpeg', bytes: 1200 }] });
    expect(kept.endsOn).toBeUndefined();

    const { activityId: _a, recordedAt: _r, files: _f, ...body } = kept;
    await repo.correctActivity(me, id, { ...body, reach: { copies: 5 } }, 'Treo thêm 2 băng rôn', new Date(Date.UTC(2025, 5, 3)));
    const [queued] = await repo.outbox.listPending();
    expect(queued.event).toMatchObject({ type: 'activity.corrected', activityId: id, reach: { copies: 5 }, reason: 'Treo thêm 2 băng rôn', subFormId: 'banner' });
    expect((await repo.listActivities())[0].files).toHaveLength(1);
  });

  it("keeps this phone's waiting correction over the server's older copy, then takes the server's once it is sent", async () => {
    db = openUnitDatabase(`t-${crypto.randomUUID()}`);
    const repo = createUnitRepo(db);
    const id = '0197a000-0000-7000-8000-0000000000b2';
    await repo.keepServerActivities([row(id)]);
    const { activityId: _a, recordedAt: _r, files: _f, ...body } = (await repo.listActivities())[0];
    await repo.correctActivity(me, id, { ...body, title: 'Băng rôn chợ Đông' }, 'Sai tên đường');

    await repo.keepServerActivities([row(id)]);
    expect((await repo.listActivities())[0].title).toBe('Băng rôn chợ Đông');

    // Sent and accepted: the outbox forgets it, and the server's copy (corrected by another officer since) wins.
    const [queued] = await repo.outbox.listPending();
    await db.outbox.delete(queued.id);
    await repo.keepServerActivities([row(id, { title: 'Băng rôn chợ Tây', corrections: 2 })]);
    expect((await repo.listActivities())[0].title).toBe('Băng rôn chợ Tây');
  });
});
