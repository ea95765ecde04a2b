import { formatSyncFaults, runSyncUnderFaults, syncFaultsProblems } from '../../support/sync-faults-run.ts';
import type { BenchSection } from './types.ts';

// Full size of issue #7: 50 residents' phones × 200 events, 20 % faults,
// several crashes, and as many guides' phones as residents' (BENCH_FAULTS_GUIDES).
// BENCH_FAULTS_DEVICES / BENCH_FAULTS_EVENTS / BENCH_FAULTS_KILLS override it.
export const syncFaultsSection: BenchSection = {
  name: 'sync-faults',
  title: 'sync under faults: phones through a fault-injecting proxy, server SIGKILLed and restarted',
  async run() {
    const devices = Number(process.env.BENCH_FAULTS_DEVICES ?? 50);
    const eventsPerDevice = Number(process.env.BENCH_FAULTS_EVENTS ?? 200);
    const kills = Number(process.env.BENCH_FAULTS_KILLS ?? 4);
    const guides = Number(process.env.BENCH_FAULTS_GUIDES ?? devices);
    console.log(`${devices} residents' and ${guides} guides' phones × ${eventsPerDevice} records, 20% of sync/registration requests faulty, ${kills} SIGKILL + restart`);
    // One phone in ten has a clock that reset to 1970.
    const r = await runSyncUnderFaults({ devices, guides, eventsPerDevice, faultRate: 0.2, kills, eventGapMs: [50, 250], drainTimeoutMs: 180_000, resetClocks: Math.ceil(devices / 10) });
    for (const line of formatSyncFaults(r)) console.log(`  ${line}`);
    return syncFaultsProblems(r, (devices + guides) * eventsPerDevice);
  },
};
