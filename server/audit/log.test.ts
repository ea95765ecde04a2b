import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/open.ts';
import { createAuditLog } from './log.ts';
import { engineOfSqlite } from '../db/engine/sqlite.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-audit-'));
  dirs.push(dir);
  const { db, sqlite } = openDb(dir);
  return { sqlite, audit: createAuditLog(engineOfSqlite(db.$client), () => Date.parse('2025-06-01T03:00:00Z')) };
}

describe('audit log', () => {
  it('drops detail keys that name secrets or personal fields, and cuts long strings', async () => {
    const { sqlite, audit } = setup();
    const actor = { id: 'u1', username: 'boss', role: 'admin' };
    await audit.record(actor, 'staff.created', { type: 'user', id: 'hoa' }, {
      password: 'hunter22!',
      newPassword: 'x',
      token: 't',
      recoveryCode: 'ABCD',
      displayName: 'Chị Hoa',
      birthYear: 1950,
      phone: '0912',
      groupName: 'Tổ 1',
      sessionCode: 'ACDE3467',
      note: 'n'.repeat(500),
    });
    const [entry] = (await audit.page({ limit: 10 })).entries;
    expect(entry.details).toEqual({ groupName: 'Tổ 1', sessionCode: 'ACDE3467', note: 'n'.repeat(120) });
    expect(entry).toMatchObject({ at: '2025-06-01T03:00:00.000Z', actor, action: 'staff.created', target: { type: 'user', id: 'hoa' } });
    sqlite.close();
  });

  it('pages newest first without gaps or repeats', async () => {
    const { sqlite, audit } = setup();
    for (let i = 0; i < 7; i++) await audit.record({ id: null, username: i % 2 ? 'a' : 'b', role: 'admin' }, 'ward.updated');
    const seen: number[] = [];
    let before: number | undefined;
    do {
      const page = await audit.page({ limit: 3, before });
      seen.push(...page.entries.map((e) => e.id));
      before = page.nextBefore ?? undefined;
    } while (before !== undefined);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect((await audit.page({ limit: 10, actor: 'a' })).entries.map((e) => e.id)).toEqual([6, 4, 2]);
    sqlite.close();
  });
});
