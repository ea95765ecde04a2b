// Counting windows that several server processes share (server/limits/windows.ts),
// on a real SQLite file and a real throw-away PostgreSQL cluster. Two
// "processes" are two engines on one database (two connections, or two
// pools): the request limit holds across them, a window that ended starts
// again, and no address or login cookie is written to the table.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRequestCounter } from '../../server/http/request-limits.ts';
import { sweepTableWindows, tableWindows } from '../../server/limits/windows.ts';
import { ENGINES, testEngines } from '../support/engines.ts';
import { twoProcesses } from '../support/second-process.ts';

const engines = testEngines();


describe.each(ENGINES)('shared counting windows on %s', (kind) => {
  const processes = twoProcesses(engines, kind);
  let now = 1_000_000;
  const clock = () => now;

  it('holds one limit across two processes, requests arriving at both at once', async () => {
    const limit = { limit: 10, windowMs: 60_000, now: clock };
    const a = createRequestCounter({ ...limit, windows: tableWindows(processes.one, 'sync-address', clock) });
    const b = createRequestCounter({ ...limit, windows: tableWindows(processes.two, 'sync-address', clock) });
    const waits = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).hit('203.0.113.7')));
    // Each process alone would have let 10 through: together, 10 pass and 20 wait out the window.
    expect(waits.filter((w) => w === 0)).toHaveLength(10);
    expect(waits.filter((w) => w === 60)).toHaveLength(20);
    // Another counter's scope and another key count apart.
    expect(await createRequestCounter({ ...limit, windows: tableWindows(processes.two, 'register-address', clock) }).hit('203.0.113.7')).toBe(0);
    expect(await a.hit('198.51.100.1')).toBe(0);
    now += 45_500;
    expect(await b.hit('203.0.113.7')).toBe(15);
    now += 14_500; // the window ended: a new one, whichever process counts first
    expect(await b.hit('203.0.113.7')).toBe(0);
    expect(await a.hit('203.0.113.7')).toBe(0);
  });

  it('reads, clears and sweeps windows, and stores digests instead of what it counts', async () => {
    const w = tableWindows(processes.one, 'login-misses', clock);
    expect(await w.add('session-cookie-secret', 1, 1_000)).toEqual({ count: 1, resetAt: now + 1_000 });
    expect(await tableWindows(processes.two, 'login-misses', clock).read('session-cookie-secret')).toEqual({ count: 1, resetAt: now + 1_000 });
    const stored = await processes.one.all<{ key: string }>(sql`SELECT "key" FROM shared_windows`);
    expect(stored.length).toBeGreaterThan(0);
    for (const { key } of stored) expect(key).not.toMatch(/session|203\.0|198\.51/);
    await w.clear('session-cookie-secret');
    expect(await w.read('session-cookie-secret')).toBeUndefined();
    await w.add('x', 1, 1_000);
    now += 120_000;
    expect(await w.read('x')).toBeUndefined(); // ended
    expect(await sweepTableWindows(processes.two, clock)).toBeGreaterThan(0);
    expect(await processes.one.get(sql`SELECT count(*) AS n FROM shared_windows`)).toEqual({ n: 0 });
  });
});
