// Server memory under load: the real server process (the bundle `npm start`
// runs with plain node, build/server/main.mjs) ingests BENCH_MEMORY_EVENTS events (1,000,000 by default)
// over HTTP from 8 concurrent streams of phones, batches of 100, while a
// reviewer reads the dashboard endpoints every second. The child's resident
// memory is sampled from /proc and its peak (VmHWM) is the figure.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { newSecret, uuidv7 } from '../../../shared/ids.ts';
import { adminPasswordFrom, startServer } from '../../support/server-process.ts';
import { CLIENTS } from '../sync-ingest.ts';
import { batchesOf, learnerEvents } from '../ward-events.ts';
import { fmt, type BenchSection } from './types.ts';

/** #8's budget. */
const MAX_RSS_MB = 200;
/** Four batches a learner: 2,500 learners for a million events, within the registration limit. */
const EVENTS_PER_LEARNER = 400;
const ENDPOINTS = ['dashboard', 'headline', 'coverage', 'ranking', 'courses', 'demographics', 'trend', 'freshness', 'summary', 'export.csv'];

function memoryKb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

export const memorySection: BenchSection = {
  name: 'memory',
  title: 'server resident memory while ingesting a million events and serving the dashboard',
  async run() {
    const total = Number(process.env.BENCH_MEMORY_EVENTS ?? 1_000_000);
    const server = await startServer({ bundled: true });
    const pid = server.pid();
    const api = `${server.url}/api/v1`;
    try {
      const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: adminPasswordFrom(server.output()) }) });
      if (login.status !== 200) throw new Error(`login: ${login.status}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      // A staff login hashes with scrypt (N=2^17, r=8: 128 MB for a moment);
      // that peak is reported on its own, and the ingest peak counted from here.
      await new Promise((r) => setTimeout(r, 500));
      const { rss: atStart, peak: loginPeak } = memoryKb(pid);
      writeFileSync(`/proc/${pid}/clear_refs`, '5');

      let sent = 0;
      let done = false;
      let maxSampled = 0;
      const sampler = setInterval(() => (maxSampled = Math.max(maxSampled, memoryKb(pid).rss)), 200);
      let reads = 0;
      let slowestRead = 0;
      const reviewer = (async () => {
        for (let i = 0; !done; i++) {
          const t0 = performance.now();
          const res = await fetch(`${api}/stats/${ENDPOINTS[i % ENDPOINTS.length]}`, { headers: { cookie } });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`stats/${ENDPOINTS[i % ENDPOINTS.length]}: ${res.status}`);
          slowestRead = Math.max(slowestRead, performance.now() - t0);
          reads++;
          await new Promise((r) => setTimeout(r, 1_000));
        }
      })();

      const perClient = Math.ceil(total / CLIENTS / EVENTS_PER_LEARNER);
      let nextReport = 100_000;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          for (let k = 0; k < perClient && sent < total; k++) {
            // Each phone registers, then drains its outbox; events are made per phone so the bench itself stays small.
            const learnerId = uuidv7();
            const secret = newSecret();
            const reg = await fetch(`${api}/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: learnerId, secret }) });
            if (reg.status !== 201) throw new Error(`register: ${reg.status} ${await reg.text()}`);
            const deviceId = `mem-phone-${c}-${k}`;
            for (const events of batchesOf(learnerEvents(learnerId, deviceId, EVENTS_PER_LEARNER, 10 + ((c * 13 + k) % 80), k))) {
              const res = await fetch(`${api}/sync`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${learnerId}.${secret}` },
                body: JSON.stringify({ deviceId, events }),
              });
              if (res.status !== 200) throw new Error(`sync: ${res.status} ${await res.text()}`);
              await res.arrayBuffer();
              sent += events.length;
              if (sent >= nextReport) {
                console.log(`  ${fmt(sent)} events, RSS ${fmt(memoryKb(pid).rss / 1024)} MB, ${fmt(sent / ((performance.now() - started) / 1000))} events/s`);
                nextReport += 100_000;
              }
            }
          }
        }),
      );
      done = true;
      await reviewer;
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      const { rss, peak } = memoryKb(pid);
      const peakMb = Math.max(peak, maxSampled) / 1024;
      console.log(`memory: ${fmt(sent)} events ingested in ${fmt(seconds)} s (${fmt(sent / seconds)} events/s), ${fmt(reads)} dashboard reads (slowest ${fmt(slowestRead)} ms)`);
      console.log(`  server RSS: ${fmt(atStart / 1024)} MB at start (peak ${fmt(loginPeak / 1024)} MB through first start and the staff login), ${fmt(rss / 1024)} MB at the end`);
      console.log(`  peak RSS while ingesting and serving the dashboard: ${fmt(peakMb)} MB (budget < ${MAX_RSS_MB} MB)`);
      return peakMb < MAX_RSS_MB ? [] : [`server peak RSS ${fmt(peakMb)} MB ≥ ${MAX_RSS_MB} MB`];
    } finally {
      await server.stop();
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  },
};
