// Sync under faults, end to end: the real server process behind the fault
// proxy, simulated phones (real Dexie repos + real sync engine) learning while
// their syncs are in flight, and the server SIGKILLed and restarted mid-run.
// At the end the SQLite file must hold exactly one row per event the phones
// generated, the dashboard rollups must count each exactly once, and every
// outbox must be empty. Used by the integration test (small) and the bench
// section (full size).
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { startFaultProxy, seededRandom, type FaultKind } from './fault-proxy.ts';
import { startServer } from './server-process.ts';
import { createSimDevice, type SimDevice } from './sim-device.ts';

export interface SyncFaultsOptions {
  devices: number;
  eventsPerDevice: number;
  faultRate: number;
  /** SIGKILL + restart this many times, spread over the learning phase. */
  kills: number;
  seed?: number;
  /** Pause between two events of one phone, ms (uniform in the range). */
  eventGapMs?: [number, number];
  /** How long the final drain may take before the run counts as failed, ms. */
  drainTimeoutMs?: number;
}

export interface SyncFaultsReport {
  devices: number;
  generated: number;
  stored: number;
  /** Generated but not in the database. */
  missing: number;
  /** In the database but never generated. */
  extra: number;
  /** Ids with more than one row (the primary key should make this 0 by construction). */
  doubled: number;
  /** Rollup totals that disagree with the generated events (a doubled or lost side effect). */
  rollupMismatches: string[];
  outboxLeft: number;
  deadLeft: number;
  faults: Record<FaultKind, number>;
  requests: number;
  forwarded: number;
  upstreamFailures: number;
  statuses: Record<number, number>;
  answers: { accepted: number; duplicate: number; rejected: number };
  kills: number;
  /** Acknowledged ids checked in the file right after each kill, before the restart. */
  ackedCheckedAfterKills: number;
  /** Of those, how many were not there: acknowledged but lost in the crash. */
  lostAfterKill: number;
  durationMs: number;
  drainMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function storedIds(dbFile: string): Set<string> {
  // Read-only: after a SIGKILL this reads through the WAL left behind without
  // checkpointing it, so the restarted server recovers it itself.
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return new Set(db.prepare('SELECT id FROM events').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

export async function runSyncUnderFaults(o: SyncFaultsOptions): Promise<SyncFaultsReport> {
  const t0 = Date.now();
  const seed = o.seed ?? 57;
  const rng = seededRandom(seed);
  const [gapMin, gapMax] = o.eventGapMs ?? [30, 150];
  const server = await startServer();
  const proxy = await startFaultProxy({ target: server.url, seed, faultRate: o.faultRate });
  const runId = `${process.pid}-${t0}`;
  const devices: SimDevice[] = [];
  let kills = 0;
  let ackedCheckedAfterKills = 0;
  let lostAfterKill = 0;
  try {
    for (let i = 0; i < o.devices; i++) {
      devices.push(
        await createSimDevice({ name: `sim-${runId}-${i}`, baseUrl: proxy.url, random: seededRandom(seed * 1000 + i), backoff: { baseMs: 250, capMs: 2_000 } }),
      );
    }
    const total = o.devices * o.eventsPerDevice;
    const generatedCount = () => devices.reduce((n, d) => n + d.generated.size, 0);
    const ackedCount = () => devices.reduce((n, d) => n + d.acked.size, 0);

    // Every phone learns at its own pace while its syncs are in flight.
    const learning = devices.map(async (d, i) => {
      const r = seededRandom(seed * 7919 + i);
      for (let k = 0; k < o.eventsPerDevice; k++) {
        await sleep(gapMin + r() * (gapMax - gapMin));
        await d.learn();
      }
    });

    // The crashes: at evenly spread points of the learning phase.
    const crashes = (async () => {
      for (let k = 1; k <= o.kills; k++) {
        // …and only once the server has acknowledged something new since the
        // last crash, so every crash has fresh acknowledgements to check.
        const before = ackedCount();
        const giveUp = Date.now() + 30_000;
        while ((generatedCount() < (total * k) / (o.kills + 1) || ackedCount() === before) && Date.now() < giveUp) await sleep(20);
        const acked = devices.flatMap((d) => [...d.acked]);
        await server.kill('SIGKILL');
        kills += 1;
        const stored = storedIds(server.dbFile);
        ackedCheckedAfterKills += acked.length;
        lostAfterKill += acked.filter((id) => !stored.has(id)).length;
        // Down for a moment, as a supervisor restart would be.
        await sleep(200 + rng() * 300);
        await server.restart();
      }
    })();
    await Promise.all([...learning, crashes]);

    // Everything generated; keep syncing (faults still on) until every outbox is empty.
    const drainStart = Date.now();
    const deadline = drainStart + (o.drainTimeoutMs ?? 60_000);
    for (;;) {
      await Promise.all(devices.map((d) => d.engine.trigger()));
      const left = (await Promise.all(devices.map((d) => d.outboxCount()))).reduce((a, b) => a + b, 0);
      if (left === 0 || Date.now() > deadline) break;
      await sleep(100);
    }
    const drainMs = Date.now() - drainStart;
    await proxy.settle();
    for (const d of devices) d.engine.stop();
    await server.stop();

    const outboxLeft = (await Promise.all(devices.map((d) => d.outboxCount()))).reduce((a, b) => a + b, 0);
    const deadLeft = (await Promise.all(devices.map((d) => d.deadCount()))).reduce((a, b) => a + b, 0);
    const generated = new Set(devices.flatMap((d) => [...d.generated]));

    const db = new Database(server.dbFile, { readonly: true, fileMustExist: true });
    let stored: number, missing: number, extra: number, doubled: number;
    const rollupMismatches: string[] = [];
    try {
      const ids = db.prepare('SELECT id FROM events').pluck().all() as string[];
      const storedSet = new Set(ids);
      stored = ids.length;
      doubled = ids.length - storedSet.size;
      missing = [...generated].filter((id) => !storedSet.has(id)).length;
      extra = ids.filter((id) => !generated.has(id)).length;
      // The rollups are written by the same transaction as each new event row:
      // a batch applied twice would count twice here even if the row did not.
      const want = devices.reduce((a, d) => ({ starts: a.starts + d.tally.started, completions: a.completions + d.tally.completed, scoreSum: a.scoreSum + d.tally.scoreSum }), { starts: 0, completions: 0, scoreSum: 0 });
      const got = db.prepare('SELECT coalesce(sum(starts), 0) AS starts, coalesce(sum(completions), 0) AS completions, coalesce(sum(score_sum), 0) AS scoreSum FROM stats_daily').get() as typeof want;
      for (const k of Object.keys(want) as Array<keyof typeof want>) if (got[k] !== want[k]) rollupMismatches.push(`stats_daily ${k}: ${got[k]}, expected ${want[k]}`);
    } finally {
      db.close();
    }

    const answers = { accepted: 0, duplicate: 0, rejected: 0 };
    for (const d of devices) for (const k of Object.keys(answers) as Array<keyof typeof answers>) answers[k] += d.answers[k];
    return {
      devices: o.devices,
      generated: generated.size,
      stored,
      missing,
      extra,
      doubled,
      rollupMismatches,
      outboxLeft,
      deadLeft,
      faults: { ...proxy.stats.faults },
      requests: proxy.stats.requests,
      forwarded: proxy.stats.forwarded,
      upstreamFailures: proxy.stats.upstreamFailures,
      statuses: { ...proxy.stats.statuses },
      answers,
      kills,
      ackedCheckedAfterKills,
      lostAfterKill,
      durationMs: Date.now() - t0,
      drainMs,
    };
  } finally {
    for (const d of devices) await d.close().catch(() => undefined);
    await proxy.close();
    await server.kill('SIGKILL');
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

/** What a run did wrong, in words; empty when sync was exactly-once. */
export function syncFaultsProblems(r: SyncFaultsReport, expectedEvents: number): string[] {
  const problems: string[] = [];
  if (r.generated !== expectedEvents) problems.push(`generated ${r.generated} events, expected ${expectedEvents}`);
  if (r.missing) problems.push(`${r.missing} generated events missing from the database`);
  if (r.extra) problems.push(`${r.extra} rows in the database that no phone generated`);
  if (r.doubled) problems.push(`${r.doubled} event ids stored twice`);
  if (r.stored !== r.generated) problems.push(`stored ${r.stored} rows for ${r.generated} generated events`);
  problems.push(...r.rollupMismatches);
  if (r.outboxLeft) problems.push(`${r.outboxLeft} events left in outboxes (${r.deadLeft} dead)`);
  if (r.lostAfterKill) problems.push(`${r.lostAfterKill} acknowledged events lost in a server crash`);
  if (r.statuses[429]) problems.push(`${r.statuses[429]} requests rate-limited (429)`);
  const errors = Object.entries(r.statuses).filter(([status]) => Number(status) >= 500 || (Number(status) >= 400 && status !== '429'));
  if (errors.length) problems.push(`the server answered ${errors.map(([s, n]) => `${s}×${n}`).join(' ')}`);
  return problems;
}

export function formatSyncFaults(r: SyncFaultsReport): string[] {
  const kinds = Object.entries(r.faults).map(([k, n]) => `${k} ${n}`).join(', ');
  const statuses = Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ');
  return [
    `devices ${r.devices}; events generated ${r.generated}, stored ${r.stored} (missing ${r.missing}, extra ${r.extra}, doubled ${r.doubled})`,
    `outboxes left ${r.outboxLeft} (dead ${r.deadLeft}); rollups ${r.rollupMismatches.length ? r.rollupMismatches.join('; ') : 'match'}`,
    `faults: ${kinds} (of ${r.requests} proxied requests; ${r.forwarded} forwards, ${r.upstreamFailures} without an answer)`,
    `server answers: ${statuses}; per event: accepted ${r.answers.accepted}, duplicate ${r.answers.duplicate}, rejected ${r.answers.rejected}`,
    `SIGKILL + restart: ${r.kills}; acknowledged events checked after the kills ${r.ackedCheckedAfterKills}, lost ${r.lostAfterKill}`,
    `duration ${(r.durationMs / 1000).toFixed(1)} s (final drain ${(r.drainMs / 1000).toFixed(1)} s)`,
  ];
}
