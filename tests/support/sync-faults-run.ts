// Sync under faults, end to end: the real server process behind the fault
// proxy, simulated phones (real Dexie repos + the one sync engine) recording
// while their syncs are in flight — residents' phones (learner records) and
// guides' phones (guide records) — and the server SIGKILLed and restarted
// mid-run. At the end the server's database (SQLite or PostgreSQL, read
// beside it: sync-faults-stored.ts) must hold exactly one row per record
// the phones generated, in each family's table, the dashboard rollups must
// count each exactly once, and every outbox must be empty. Some phones may
// have a clock that reset to 1970: their records must still arrive once and
// count on the day they arrived, never in 1970. Used by the integration test (small) and the bench
// section (full size).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultProxy, seededRandom, type FaultKind } from './fault-proxy.ts';
import { adminPasswordFrom, startServer } from './server-process.ts';
import { createSimDevice, type SimDevice } from './sim-device.ts';
import { createSimGuide, type SimGuide } from './sim-guide.ts';
import { familyFigures, resetClockFigures, rollupMismatches as rollupMismatchesOf, storedIds, TABLES, type FamilyFigures, type ResetClockFigures } from './sync-faults-stored.ts';

export interface SyncFaultsOptions {
  /** Residents' phones. */
  devices: number;
  /** Guides' phones, each under its own guide login; as many as residents' when omitted. */
  guides?: number;
  eventsPerDevice: number;
  faultRate: number;
  /** SIGKILL + restart this many times, spread over the learning phase. */
  kills: number;
  seed?: number;
  /** Pause between two events of one phone, ms (uniform in the range). */
  eventGapMs?: [number, number];
  /** How long the final drain may take before the run counts as failed, ms. */
  drainTimeoutMs?: number;
  /** This many residents' phones have a clock that reset to 1 January 1970 when the run began. */
  resetClocks?: number;
}

export interface SyncFaultsReport {
  devices: number;
  guides: number;
  /** Both families together in the fields below; each on its own here. */
  byFamily: { learner: FamilyFigures; guide: FamilyFigures };
  resetClock: ResetClockFigures;
  runStartedAt: number;
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

/** Guide accounts made by the ward's admin through the staff API, as an office would. */
async function createGuides(baseUrl: string, origin: string, adminPassword: string, count: number, runId: string) {
  const headers = { 'content-type': 'application/json', origin };
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: 'admin', password: adminPassword }) });
  if (login.status !== 200) throw new Error(`admin login: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const accounts: Array<{ username: string; password: string }> = [];
  for (let i = 0; i < count; i++) {
    const username = `sim-guide-${i}-${runId.slice(-6)}`;
    const res = await fetch(`${baseUrl}/api/v1/staff`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ username, displayName: `Hướng dẫn viên ${i + 1}`, role: 'guide', team: 'cns', groups: ['tdp-1'] }),
    });
    if (res.status !== 201) throw new Error(`create guide: ${res.status} ${await res.text()}`);
    accounts.push({ username, password: ((await res.json()) as { password: string }).password });
  }
  return accounts;
}

export async function runSyncUnderFaults(o: SyncFaultsOptions): Promise<SyncFaultsReport> {
  const t0 = Date.now();
  const seed = o.seed ?? 57;
  const rng = seededRandom(seed);
  const [gapMin, gapMax] = o.eventGapMs ?? [30, 150];
  const guideCount = o.guides ?? o.devices;
  // No content build: the simulated phones learn made-up lessons ('lesson-N'), which a
  // server with the catalogue refuses outright (server/integrity/catalog-check.ts).
  const server = await startServer({ env: { DIST_DIR: mkdtempSync(join(tmpdir(), 'hvs-no-dist-')) } });
  const proxy = await startFaultProxy({ target: server.url, seed, faultRate: o.faultRate, faultPaths: ['/api/v1/sync', '/api/v1/learners', '/api/v1/guide/sync'] });
  const runId = `${process.pid}-${t0}`;
  const devices: SimDevice[] = [];
  const guides: SimGuide[] = [];
  let kills = 0;
  let ackedCheckedAfterKills = 0;
  let lostAfterKill = 0;
  try {
    const backoff = { baseMs: 250, capMs: 2_000 };
    for (let i = 0; i < o.devices; i++) {
      // A phone whose clock reset: its time starts again at 1970 as the run begins.
      const clock = i < (o.resetClocks ?? 0) ? () => new Date(Date.now() - t0) : undefined;
      devices.push(await createSimDevice({ name: `sim-${runId}-${i}`, baseUrl: proxy.url, random: seededRandom(seed * 1000 + i), backoff, clock }));
    }
    const accounts = await createGuides(proxy.url, server.url, adminPasswordFrom(server.output()), guideCount, runId);
    for (const [i, account] of accounts.entries()) {
      guides.push(await createSimGuide({ name: `sim-guide-${runId}-${i}`, baseUrl: proxy.url, origin: server.url, ...account, groupId: 'tdp-1', random: seededRandom(seed * 3000 + i), backoff }));
    }
    const phones: Array<SimDevice | SimGuide> = [...devices, ...guides];
    const total = phones.length * o.eventsPerDevice;
    const generatedCount = () => phones.reduce((n, d) => n + d.generated.size, 0);
    const ackedCount = () => phones.reduce((n, d) => n + d.acked.size, 0);

    // Every phone records at its own pace while its syncs are in flight.
    const learning = phones.map(async (d, i) => {
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
        const acked = phones.flatMap((d) => [...d.acked]);
        await server.kill('SIGKILL');
        kills += 1;
        const stored = await storedIds(server);
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
      await Promise.all(phones.map((d) => d.engine.trigger()));
      const left = (await Promise.all(phones.map((d) => d.outboxCount()))).reduce((a, b) => a + b, 0);
      if (left === 0 || Date.now() > deadline) break;
      await sleep(100);
    }
    const drainMs = Date.now() - drainStart;
    await proxy.settle();
    for (const d of phones) d.engine.stop();
    // What a dashboard request does first: learner records roll up after their sync answered (server/stats/catch-up.ts).
    await fetch(`${server.url}/api/v1/stats/settle`);
    await server.stop();

    const outboxLeft = (await Promise.all(phones.map((d) => d.outboxCount()))).reduce((a, b) => a + b, 0);
    const deadLeft = (await Promise.all(phones.map((d) => d.deadCount()))).reduce((a, b) => a + b, 0);

    const byFamily: SyncFaultsReport['byFamily'] = {
      learner: await familyFigures(server, TABLES.learner, devices.length, new Set(devices.flatMap((d) => [...d.generated]))),
      guide: await familyFigures(server, TABLES.guide, guides.length, new Set(guides.flatMap((d) => [...d.generated]))),
    };
    const resetIds = devices.slice(0, o.resetClocks ?? 0).flatMap((d) => [...d.generated]);
    const resetClock = await resetClockFigures(server, o.resetClocks ?? 0, resetIds, t0);
    const rollupMismatches = await rollupMismatchesOf(server, devices, guides);
    const both = (k: keyof FamilyFigures) => byFamily.learner[k] + byFamily.guide[k];

    const answers = { accepted: 0, duplicate: 0, rejected: 0 };
    for (const d of phones) for (const k of Object.keys(answers) as Array<keyof typeof answers>) answers[k] += d.answers[k];
    return {
      devices: o.devices,
      guides: guides.length,
      byFamily,
      resetClock,
      runStartedAt: t0,
      generated: both('generated'),
      stored: both('stored'),
      missing: both('missing'),
      extra: both('extra'),
      doubled: both('doubled'),
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
    for (const d of [...devices, ...guides]) await d.close().catch(() => undefined);
    await proxy.close();
    await server.kill('SIGKILL');
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

/** What a run did wrong, in words; empty when sync was exactly-once. */
export function syncFaultsProblems(r: SyncFaultsReport, expectedEvents: number): string[] {
  const problems: string[] = [];
  if (r.generated !== expectedEvents) problems.push(`generated ${r.generated} records, expected ${expectedEvents}`);
  for (const [family, f] of Object.entries(r.byFamily)) {
    if (f.missing || f.extra || f.doubled || f.stored !== f.generated) problems.push(`${family} records: ${f.generated} generated, ${f.stored} stored (${f.missing} missing, ${f.extra} extra, ${f.doubled} doubled)`);
  }
  if (r.missing) problems.push(`${r.missing} generated events missing from the database`);
  if (r.extra) problems.push(`${r.extra} rows in the database that no phone generated`);
  if (r.doubled) problems.push(`${r.doubled} event ids stored twice`);
  if (r.stored !== r.generated) problems.push(`stored ${r.stored} rows for ${r.generated} generated events`);
  problems.push(...r.rollupMismatches);
  const rc = r.resetClock;
  if (rc.keptPhoneTime !== rc.records || rc.countedOnArrival !== rc.records) {
    problems.push(`phones whose clock reset: ${rc.records} records, ${rc.keptPhoneTime} kept with the phone's 1970 time, ${rc.countedOnArrival} counted on their arrival`);
  }
  if (rc.earliestCounted !== null && rc.earliestCounted < r.runStartedAt) problems.push(`a record counts at ${new Date(rc.earliestCounted).toISOString()}, before the run began`);
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
    ...Object.entries(r.byFamily).map(
      ([family, f]) => `${family} phones ${f.phones}: records generated ${f.generated}, stored ${f.stored} (missing ${f.missing}, extra ${f.extra}, doubled ${f.doubled})`,
    ),
    `phones whose clock reset to 1970: ${r.resetClock.phones}, records ${r.resetClock.records} (kept with the phone's time ${r.resetClock.keptPhoneTime}, counted on arrival ${r.resetClock.countedOnArrival})`,
    `outboxes left ${r.outboxLeft} (dead ${r.deadLeft}); rollups ${r.rollupMismatches.length ? r.rollupMismatches.join('; ') : 'match'}`,
    `faults: ${kinds} (of ${r.requests} proxied requests; ${r.forwarded} forwards, ${r.upstreamFailures} without an answer)`,
    `server answers: ${statuses}; per event: accepted ${r.answers.accepted}, duplicate ${r.answers.duplicate}, rejected ${r.answers.rejected}`,
    `SIGKILL + restart: ${r.kills}; acknowledged events checked after the kills ${r.ackedCheckedAfterKills}, lost ${r.lostAfterKill}`,
    `duration ${(r.durationMs / 1000).toFixed(1)} s (final drain ${(r.drainMs / 1000).toFixed(1)} s)`,
  ];
}
