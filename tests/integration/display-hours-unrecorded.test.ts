// SQLite only, by nature: it replays SQLite's own migration history
// (server/db/migrations up to 0028, then the rest). PostgreSQL's counterpart
// is its migration 0009_display_hours_from, which no test replays yet.
// Screens added before their hours were counted (display_days, migration
// 0028): on a real SQLite file migrated as a ward's was, up to 0028 with two
// screens, then to today. Hours before a screen's first counted day are not
// known: the answer says from which day they were recorded, so the office
// can say "not recorded" instead of showing 0 as a fact. A screen with
// counted days starts at its first one; one with none at the day of the
// migration.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { vietnamDay } from '../../shared/resident/home-plan.ts';
import { DB_FILE_NAME, openDb } from '../../server/db/open.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import { createDisplayStore } from '../../server/displays/store.ts';
import { MIGRATIONS_DIR } from '../../server/paths.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The migrations as they stood when display_days was added (0028 the last). */
function migrationsUpTo0028(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-migrations-'));
  dirs.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((e) => e.idx <= 28);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe('LED screen hours before they were counted', () => {
  it('says from which day each older screen\'s hours were recorded, instead of 0 before it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hvs-test-'));
    dirs.push(dataDir);
    const old = new Database(join(dataDir, DB_FILE_NAME));
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo0028() });
    const screen = old.prepare("INSERT INTO display_screens (id, name, slides, updated_at, updated_by, last_seen_at) VALUES (?, ?, '[]', ?, 'lan', ?)");
    // Both on the ward's screens list since May; hours counted for the gate since 0028 reached it (1 Dec).
    screen.run('cong-ubnd', 'Cổng UBND phường', Date.parse('2025-05-01T08:00:00+07:00'), Date.parse('2025-12-02T09:00:00+07:00'));
    screen.run('cho-hoa-binh', 'Chợ Hòa Bình', Date.parse('2025-05-01T08:00:00+07:00'), Date.parse('2025-11-20T09:00:00+07:00'));
    old.prepare('INSERT INTO display_days (display_id, day, on_ms) VALUES (?, ?, ?)').run('cong-ubnd', '2025-12-01', 7_200_000);
    old.prepare('INSERT INTO display_days (display_id, day, on_ms) VALUES (?, ?, ?)').run('cong-ubnd', '2025-12-02', 3_600_000);
    old.close();

    const before = vietnamDay(Date.now());
    const { sqlite } = openDb(dataDir);
    const migratedOn = [before, vietnamDay(Date.now())];
    const store = createDisplayStore(engineOfSqlite(sqlite), () => Date.now());
    try {
      // The gate: its November reads "recorded from 1 Dec", its December hours as counted.
      expect((await store.hours('cong-ubnd', '2025-11-01', '2025-11-30'))).toMatchObject({ hours: 0, days: [], recordedFrom: '2025-12-01' });
      expect((await store.hours('cong-ubnd', '2025-11-25', '2025-12-02'))).toMatchObject({ hours: 3, recordedFrom: '2025-12-01' });
      // The market never counted: recorded only from the day of the migration.
      const market = await store.hours('cho-hoa-binh', '2025-11-01', '2025-11-30');
      expect(market.hours).toBe(0);
      expect(migratedOn).toContain(market.recordedFrom);
      // Summed, each screen says its own first day.
      const sum = (await store.hoursOfScreens(undefined, '2025-11-01', '2025-12-02'))!;
      expect(sum.screens.map((s) => [s.id, s.recordedFrom])).toEqual([
        ['cho-hoa-binh', market.recordedFrom],
        ['cong-ubnd', '2025-12-01'],
      ]);
      // A screen saved again keeps its first day (a new one counts from the day it is added: display-hours-sum.test.ts).
      await store.save('cong-ubnd', { name: 'Cổng UBND', slides: [{ kind: 'qr', seconds: 10 }] }, 'lan');
      expect((await store.hours('cong-ubnd', '2025-11-01', '2025-11-30')).recordedFrom).toBe('2025-12-01');
    } finally {
      sqlite.close();
    }
  });
});
