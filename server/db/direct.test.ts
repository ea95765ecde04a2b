import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { directRun, directValue } from './direct.ts';
import { placeholders } from './placeholders.ts';

const rows = sqliteTable('rows', {
  id: text('id').primaryKey(),
  flag: integer('flag', { mode: 'boolean' }).notNull(),
  meta: text('meta', { mode: 'json' }).$type<{ n: number }>(),
  kind: text('kind').notNull(),
});

function setup() {
  const sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE rows (id TEXT PRIMARY KEY, flag INTEGER NOT NULL, meta TEXT, kind TEXT NOT NULL)');
  return { sqlite, db: drizzle(sqlite) };
}

describe('statements bound directly', () => {
  it('write the same rows as drizzle, with its column encoders and constants', () => {
    const { sqlite, db } = setup();
    const viaDrizzle = db.insert(rows).values({ ...placeholders<typeof rows.$inferInsert>(['id', 'flag', 'meta']), kind: 'fixed' }).onConflictDoNothing().prepare();
    const direct = directRun<{ id: string; flag: boolean; meta: { n: number } | null }>(sqlite, viaDrizzle);
    viaDrizzle.run({ id: 'a', flag: true, meta: { n: 1 } });
    expect(direct({ id: 'b', flag: true, meta: { n: 1 } }).changes).toBe(1);
    expect(direct({ id: 'b', flag: false, meta: null }).changes).toBe(0);
    const raw = sqlite.prepare('SELECT flag, meta, kind FROM rows ORDER BY id').all();
    expect(raw).toEqual([{ flag: 1, meta: '{"n":1}', kind: 'fixed' }, { flag: 1, meta: '{"n":1}', kind: 'fixed' }]);
  });

  it('refuses a missing value, as drizzle does', () => {
    const { sqlite, db } = setup();
    const direct = directRun<Record<string, unknown>>(sqlite, db.insert(rows).values(placeholders<typeof rows.$inferInsert>(['id', 'flag', 'kind'])).prepare());
    expect(() => direct({ id: 'a', flag: true })).toThrow('No value for placeholder "kind"');
    expect(sqlite.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 0 });
  });

  it('read one value or undefined', () => {
    const { sqlite, db } = setup();
    sqlite.exec("INSERT INTO rows VALUES ('a', 1, NULL, 'held')");
    const kindOf = directValue<string>(sqlite, db.select({ kind: rows.kind }).from(rows).where(eq(rows.id, sql.placeholder('id'))).prepare());
    expect(kindOf({ id: 'a' })).toBe('held');
    expect(kindOf({ id: 'b' })).toBeUndefined();
  });
});
