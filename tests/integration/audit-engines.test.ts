// The audit log on the engine, run the same way on a SQLite file and on a
// throw-away PostgreSQL cluster: entries written with their secrets dropped,
// read newest first in pages without gaps, filtered by actor and by action,
// named (sessions and groups by their names), and written in the transaction
// of the change they record (rolled back with it).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { residentialGroups } from '../../server/db/schema/index.ts';
import { createAuditLog, type AuditLog } from '../../server/audit/log.ts';
import { createAuditNames } from '../../server/audit/names.ts';
import type { Catalog } from '../../server/resident/catalog.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const START = Date.UTC(2026, 10, 2, 8);
const boss = { id: 'u1', username: 'boss', role: 'admin' };
const noCourses = { title: () => null } as unknown as Catalog;

describe.each(ENGINES)('audit log on %s', (kind) => {
  let engine: Engine;
  let audit: AuditLog;
  let at = START;
  beforeAll(async () => {
    engine = await engines.fresh(kind);
    audit = createAuditLog(engine, () => (at += 1_000));
  }, 60_000);

  it('writes an entry without secrets or personal fields, and reads it back', async () => {
    await audit.record(boss, 'staff.created', { type: 'user', id: 'hoa' }, { role: 'guide', password: 'hunter22!', displayName: 'Chị Hoa', groupName: 'Tổ 1', firstRun: true, note: 'n'.repeat(300) });
    const { entries, nextBefore } = await audit.page({ limit: 10 });
    expect(nextBefore).toBeNull();
    expect(entries).toEqual([
      {
        id: 1,
        at: new Date(START + 1_000).toISOString(),
        actor: boss,
        action: 'staff.created',
        target: { type: 'user', id: 'hoa' },
        details: { role: 'guide', groupName: 'Tổ 1', firstRun: true, note: 'n'.repeat(120) },
      },
    ]);
  });

  it('pages newest first without gaps or repeats, and filters by actor and by action', async () => {
    for (let i = 0; i < 6; i++) await audit.record({ id: null, username: i % 2 ? 'a' : 'b', role: 'admin' }, i < 3 ? 'ward.updated' : 'plan.created');
    const seen: number[] = [];
    let before: number | undefined;
    do {
      const page = await audit.page({ limit: 3, before });
      seen.push(...page.entries.map((e) => e.id));
      before = page.nextBefore ?? undefined;
    } while (before !== undefined);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect((await audit.page({ limit: 10, actor: 'a' })).entries.map((e) => e.id)).toEqual([7, 5, 3]);
    expect((await audit.page({ limit: 10, action: 'plan.created' })).entries.map((e) => e.id)).toEqual([7, 6, 5]);
    expect((await audit.page({ limit: 10, actor: 'b', action: 'ward.updated' })).entries.map((e) => e.id)).toEqual([4, 2]);
  });

  it('goes in with the change it records, and out with it when that rolls back', async () => {
    const failed = engine.transaction(async () => {
      await audit.record(boss, 'ward.group_saved', { type: 'group', id: 'tdp-9' });
      throw new Error('the change failed');
    });
    await expect(failed).rejects.toThrow('the change failed');
    await engine.transaction(async () => {
      await engine.db.insert(residentialGroups).values({ id: 'tdp-9', name: 'Tổ dân phố 9', figuresAreSample: false, sortOrder: 9 });
      await audit.record(boss, 'ward.group_saved', { type: 'group', id: 'tdp-9' });
    });
    const { entries } = await audit.page({ limit: 10, action: 'ward.group_saved' });
    expect(entries.map((e) => e.target)).toEqual([{ type: 'group', id: 'tdp-9' }]);
    // The admin reads the group's name beside its id.
    const [named] = await createAuditNames(engine, noCourses)(entries);
    expect(named.names).toEqual({ group: 'Tổ dân phố 9' });
  });
});
