// Fixed counting windows: how many times a key was counted since its window
// began, and when it ends. The request limits and the failed-attempt
// limiters count in them. One process (a single ward on SQLite) counts in
// memory: one Map lookup, no database write, and a restart forgetting the
// counts is harmless. Several processes (a city on PostgreSQL behind a
// reverse proxy) must see one count, or each would allow the whole limit:
// they count in the shared_windows table, one upsert per count that the
// database serializes per key.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { sharedWindows } from '../db/schema/index.ts';

export interface WindowCount {
  count: number;
  /** When the window ends (ms). */
  resetAt: number;
}

export interface Windows {
  /** Counts `by` for `key` (a window that ended starts again, lasting `windowMs`); the count after it. */
  add(key: string, by: number, windowMs: number): Promise<WindowCount>;
  /** The key's window, if it has not ended. */
  read(key: string): Promise<WindowCount | undefined>;
  /** Forgets the key. */
  clear(key: string): Promise<void>;
}

/** Beyond this many keys in memory, ended windows are swept and then the oldest dropped. */
export const MAX_TRACKED_KEYS = 50_000;

export function memoryWindows(now: () => number, maxKeys = MAX_TRACKED_KEYS): Windows {
  const windows = new Map<string, WindowCount>();
  // Sweeps free a tenth of the map at least, so their O(n) cost is paid once
  // per thousands of new keys, not on every request of a key-spraying client.
  const sweep = (at: number) => {
    for (const [key, w] of windows) if (w.resetAt <= at) windows.delete(key);
    for (const key of windows.keys()) {
      if (windows.size < maxKeys * 0.9) break;
      windows.delete(key); // the oldest first (Map keeps insertion order)
    }
  };
  const current = (key: string, at: number) => {
    const w = windows.get(key);
    return w && w.resetAt > at ? w : undefined;
  };
  return {
    async add(key, by, windowMs) {
      const at = now();
      const w = current(key, at);
      if (w) {
        w.count += by;
        return { ...w };
      }
      if (!windows.has(key) && windows.size >= maxKeys) sweep(at);
      const fresh = { count: by, resetAt: at + windowMs };
      windows.set(key, fresh);
      return { ...fresh };
    },
    async read(key) {
      const w = current(key, now());
      return w && { ...w };
    },
    async clear(key) {
      windows.delete(key);
    },
  };
}

/** Stored keys are digests: an address, a learner id or a login cookie is never written to a shared table. */
export const digest = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22);

/** Windows every process shares, in the shared_windows table, for the counter named `scope`. */
export function tableWindows(engine: Engine, scope: string, now: () => number): Windows {
  const t = sharedWindows;
  return {
    async add(key, by, windowMs) {
      const at = now();
      // One statement: a window that ended restarts at `by`, else it grows; both engines read the old row in SET.
      const row = await engine.get<{ count: number; resetAt: number }>(sql`
        INSERT INTO ${t} (scope, "key", "count", resets_at) VALUES (${scope}, ${digest(key)}, ${by}, ${at + windowMs})
        ON CONFLICT (scope, "key") DO UPDATE SET
          "count" = CASE WHEN ${t.resetsAt} <= ${at} THEN excluded."count" ELSE ${t.count} + excluded."count" END,
          resets_at = CASE WHEN ${t.resetsAt} <= ${at} THEN excluded.resets_at ELSE ${t.resetsAt} END
        RETURNING "count", resets_at AS "resetAt"`);
      return { count: Number(row!.count), resetAt: Number(row!.resetAt) };
    },
    async read(key) {
      const row = await engine.get<{ count: number; resetAt: number }>(
        sql`SELECT "count", resets_at AS "resetAt" FROM ${t} WHERE scope = ${scope} AND "key" = ${digest(key)} AND resets_at > ${now()}`,
      );
      return row && { count: Number(row.count), resetAt: Number(row.resetAt) };
    },
    async clear(key) {
      await engine.run(sql`DELETE FROM ${t} WHERE scope = ${scope} AND "key" = ${digest(key)}`);
    },
  };
}

/** Deletes every ended window (run now and then by one of the processes; any may). */
export async function sweepTableWindows(engine: Engine, now: () => number): Promise<number> {
  return (await engine.run(sql`DELETE FROM ${sharedWindows} WHERE resets_at <= ${now()}`)).changes;
}

/** Where a server's counters count: the table when processes share a PostgreSQL database, else memory. */
export function windowsFor(engine: Engine, now: () => number): (scope: string) => Windows {
  return engine.kind === 'postgres' ? (scope) => tableWindows(engine, scope, now) : () => memoryWindows(now);
}
