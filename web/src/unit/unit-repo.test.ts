// The unit's activities read from the server join those of this phone: one
// another officer recorded (or corrected) is kept as the server has it and
// can be corrected here; one with a correction still waiting on this phone
// keeps the phone's newer values until it is sent. They are read again after
// each successful sync, not only when the app starts: another officer's
// activity shows on this phone without a restart.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../../shared/api.ts';
import type { UnitEvent } from '../../../shared/events.ts';
import type { ActivityRow } from '../../../shared/units/api.ts';
import { HttpError } from '../net/http.ts';
import { openUnitDatabase, type UnitDatabase } from './db.ts';
import { createUnitRepo } from './unit-repo.ts';
import { createUnitSync } from './unit-sync.ts';

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

describe('unit repo: the unit activities read again after each sync', () => {
  /** A phone's sync against a fake server holding `server` rows; `whileReading` runs while the activities are on their way. */
  function phone(server: ActivityRow[], opts: { failSync?: boolean; whileReading?: () => Promise<void> } = {}) {
    db = openUnitDatabase(`t-${crypto.randomUUID()}`);
    const repo = createUnitRepo(db);
    const calls = { sync: 0, activities: 0, shown: 0 };
    const api = {
      putFile: async () => ({}),
      sync: async (_device: string, events: UnitEvent[]): Promise<SyncResponse> => {
        calls.sync += 1;
        if (opts.failSync) throw new HttpError(503, 'unavailable', 'down');
        return { results: events.map((e) => ({ id: e.id, status: 'accepted' as const })), serverTime: new Date().toISOString() };
      },
      activities: async (unitId: string) => {
        calls.activities += 1;
        await opts.whileReading?.();
        return server.filter((r) => r.unitId === unitId);
      },
    };
    const engine = createUnitSync({
      repo,
      api,
      deviceId: () => me.deviceId,
      unitId: () => 'ttsnc',
      onActivities: () => void (calls.shown += 1),
      isOnline: () => true,
      random: () => 0.5,
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    return { repo, engine, calls };
  }
  const { id: _i, files: _f, corrections: _c, recordedAt: _r, endsOn: _e, subFormId: _s, ...serverBody } = row('x');
  const newActivity = { ...serverBody, subFormId: 'banner', reach: { copies: 3 }, links: [] };

  it("shows an activity another officer recorded once this phone's own record is sent, without a restart", async () => {
    const other = row('0197a000-0000-7000-8000-0000000000c1', { title: 'Pa nô chợ Tây' });
    const p = phone([other]);
    const mine = await p.repo.recordActivity(me, { ...newActivity, title: 'Băng rôn của tôi' });
    await p.engine.trigger();
    expect(p.engine.getSnapshot()).toMatchObject({ state: 'idle', pending: 0 });
    expect((await p.repo.listActivities()).map((a) => a.title).sort()).toEqual(['Băng rôn của tôi', 'Pa nô chợ Tây']);
    expect(p.calls).toMatchObject({ sync: 1, activities: 1, shown: 1 });
    expect((await p.repo.listActivities()).find((a) => a.activityId === mine.activityId)?.title).toBe('Băng rôn của tôi');
  });

  it('reads them on a run with nothing to send too (the app comes back to the screen), but not when the sync failed', async () => {
    const other = row('0197a000-0000-7000-8000-0000000000c2', { title: 'Tin trên loa' });
    const p = phone([other]);
    await p.engine.trigger();
    expect((await p.repo.listActivities()).map((a) => a.title)).toEqual(['Tin trên loa']);
    expect(p.calls.sync).toBe(0);

    const down = phone([row('0197a000-0000-7000-8000-0000000000c3')], { failSync: true });
    await down.repo.recordActivity(me, newActivity);
    await down.engine.trigger();
    expect(down.engine.getSnapshot().state).toBe('error');
    expect(down.calls.activities).toBe(0);
    expect(await down.repo.listActivities()).toHaveLength(1);
    down.engine.stop();
  });

  it("keeps this phone's correction made while the server's older copy was on its way", async () => {
    const id = '0197a000-0000-7000-8000-0000000000c4';
    const server = [row(id, { title: 'Băng rôn chợ Đông' })];
    let repo: ReturnType<typeof createUnitRepo> | undefined;
    const p = phone(server, {
      // The officer saves a correction while the read is on its way: it waits here, newer than what comes back.
      whileReading: async () => {
        const { activityId: _a, recordedAt: _r2, files: _f2, ...body } = (await repo!.listActivities())[0];
        await repo!.correctActivity(me, id, { ...body, title: 'Băng rôn chợ Đông (sửa)' }, 'Sai tên');
      },
    });
    repo = p.repo;
    await p.repo.keepServerActivities(server);
    await p.engine.trigger();
    expect(p.calls.activities).toBe(1);
    expect((await p.repo.listActivities())[0].title).toBe('Băng rôn chợ Đông (sửa)');
    expect(await p.repo.countPending()).toBe(1);
  });
});
