import { describe, expect, it } from 'vitest';
import type { Db, Sqlite } from './open.ts';
import { SqliteOnlyError, sqliteProperties } from './sqlite-only.ts';

describe('the SQLite connection in the app context', () => {
  it('is handed out as it is on SQLite', () => {
    const db = {} as Db;
    const sqlite = {} as Sqlite;
    const ctx = Object.defineProperties({}, sqliteProperties(db, sqlite)) as { db: Db; sqlite: Sqlite };
    expect(ctx.db).toBe(db);
    expect(ctx.sqlite).toBe(sqlite);
  });

  it('refuses on PostgreSQL, naming the file, line and text that asked for it', () => {
    const ctx = Object.defineProperties({}, sqliteProperties(undefined, undefined)) as { db: Db; sqlite: Sqlite };
    const read = () => {
      const stats = ctx.db; // a module still on the SQLite builder
      return stats;
    };
    expect(read).toThrow(SqliteOnlyError);
    expect(read).toThrow(/\(ctx\.db: server\/db\/sqlite-only\.test\.ts:17 `const stats = ctx\.db; \/\/ a module still on the SQLite builder`\)/);
    expect(() => ctx.sqlite.name).toThrow(/ctx\.sqlite: server\/db\/sqlite-only\.test\.ts:\d+/);
    // Spreading or listing the context does not trip it: only a read does.
    expect(Object.keys(ctx)).toEqual([]);
  });
});
