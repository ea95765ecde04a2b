// On both engines: with TEST_ENGINE=postgres (`npm run test:integration:pg`)
// the server and its restart after the SIGKILL run on one fresh database of
// the file's cluster, and what it stored is read beside it in portable SQL
// (tests/support/sync-faults-stored.ts).
// Sync under faults (small size; `npm run bench -- sync-faults` runs 50
// residents' and 50 guides' phones × 200 records): simulated phones running
// the app's real outboxes and its one sync engine sync through a proxy that drops requests, drops answers after the
// server committed, duplicates, reorders and slows batches, while the real
// server process is SIGKILLed and restarted. Nothing may be lost or doubled,
// and two phones whose clock reset to 1970 count on the day their records arrived.
import { describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../support/fault-proxy.ts';
import { formatSyncFaults, runSyncUnderFaults, syncFaultsProblems } from '../support/sync-faults-run.ts';

const DEVICES = 6;
const GUIDES = 3;
const EVENTS = 24;

describe('sync under faults', () => {
  it('stores every record of both families exactly once and empties every outbox despite faults and a server crash', async () => {
    const r = await runSyncUnderFaults({ devices: DEVICES, guides: GUIDES, eventsPerDevice: EVENTS, faultRate: 0.2, kills: 1, eventGapMs: [40, 160], drainTimeoutMs: 40_000, resetClocks: 2 });
    console.log(formatSyncFaults(r).join('\n'));

    expect(syncFaultsProblems(r, (DEVICES + GUIDES) * EVENTS)).toEqual([]);
    expect(r.byFamily.learner).toMatchObject({ stored: DEVICES * EVENTS, missing: 0, doubled: 0 });
    expect(r.byFamily.guide).toMatchObject({ stored: GUIDES * EVENTS, missing: 0, doubled: 0 });
    expect(r.stored).toBe((DEVICES + GUIDES) * EVENTS);
    expect(r.outboxLeft).toBe(0);
    // Two phones' clocks read 1970: their records arrived once, kept that time, and count on the day they arrived.
    expect(r.resetClock).toMatchObject({ phones: 2, records: 2 * EVENTS, keptPhoneTime: 2 * EVENTS, countedOnArrival: 2 * EVENTS });
    expect(r.resetClock.earliestCounted).toBeGreaterThanOrEqual(r.runStartedAt);
    // Guides' records are judged by the rights rules too: none may be refused.
    expect(r.answers.rejected).toBe(0);
    // The run really was hostile: every kind of fault and a crash happened,
    // and the crash check had acknowledged events to look for.
    for (const kind of FAULT_KINDS) expect(r.faults[kind], kind).toBeGreaterThan(0);
    expect(r.kills).toBe(1);
    expect(r.ackedCheckedAfterKills).toBeGreaterThan(0);
    expect(r.lostAfterKill).toBe(0);
    // Answers lost after the commit make the phones resend: the server must
    // have reported some of those as duplicates.
    expect(r.answers.duplicate).toBeGreaterThan(0);
  }, 120_000);
});
