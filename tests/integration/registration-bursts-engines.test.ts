// The registrations the burst rule counts (server/integrity/recent-registrations.ts),
// shared by two "processes" (two engines on one database) on a real SQLite
// file and a real throw-away PostgreSQL cluster: a burst spread over both is
// one burst, the window forgets old registrations, addresses count apart and
// are stored only as digests.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sweepRegistrations, tableRegistrations } from '../../server/integrity/recent-registrations.ts';
import { ENGINES, testEngines } from '../support/engines.ts';
import { twoProcesses } from '../support/second-process.ts';

const engines = testEngines();
const HOUR = 3_600_000;

describe.each(ENGINES)('recent registrations shared by two processes on %s', (kind) => {
  const processes = twoProcesses(engines, kind);

  it('sees a burst from one address spread over both processes as one, within the window', async () => {
    const [a, b] = [tableRegistrations(processes.one), tableRegistrations(processes.two)];
    const t0 = 10 * HOUR;
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) seen.push((await (i % 2 ? a : b).add('203.0.113.7', `L${i}`, t0 + i * 1000, t0 - HOUR)).length);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    // Another address counts apart; a resend of the same learner is not a second registration.
    expect(await a.add('198.51.100.1', 'M1', t0, t0 - HOUR)).toEqual([{ learnerId: 'M1', at: t0 }]);
    expect((await b.add('203.0.113.7', 'L0', t0 + 9000, t0 - HOUR)).map((r) => r.learnerId)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5']);
    // An hour on, the window holds only the newest.
    const later = await a.add('203.0.113.7', 'L9', t0 + HOUR + 3500, t0 + 3500);
    expect(later.map((r) => r.learnerId)).toEqual(['L4', 'L5', 'L9']);
  });

  it('keeps addresses as digests only, and sweeps what no window needs', async () => {
    const rows = await processes.one.all<{ addressKey: string }>(sql`SELECT address_key AS "addressKey" FROM recent_registrations`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { addressKey } of rows) expect(addressKey).not.toMatch(/203\.0|198\.51/);
    expect(await sweepRegistrations(processes.two, 100 * HOUR)).toBe(rows.length);
    expect(await processes.one.get(sql`SELECT count(*) AS n FROM recent_registrations`)).toEqual({ n: 0 });
  });
});
