// Dashboard read latency at ward scale: seeds N synthetic learners through
// the real ingest (server/stats/demo-data.ts), then times every dashboard
// endpoint in-process (createApp + app.request, no network) and reports p50
// and p95. Then times sync batches of 100 events while dashboard reads run
// interleaved with them on the same process and database.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { createUser } from '../../server/accounts/users.ts';
import { openDb } from '../../server/db/open.ts';
import { startCheckpointer } from '../../server/db/checkpointer.ts';
import { createCatalog } from '../../server/resident/catalog.ts';
import { seedDemo } from '../../server/stats/demo-data.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';

const ORIGIN = 'http://localhost';
const NOW = Date.parse('2025-06-20T05:00:00Z');
const SKILL_COURSES: Array<[string, string, number]> = [
  ['public-services', 'public-services', 6], ['online-shopping', 'online-shopping', 6], ['digital-payments', 'digital-payments', 6],
  ['cyber-safety', 'cyber-safety', 7], ['local-platforms', 'local-platforms', 4], ['device-basics', 'device-basics', 7],
  ['staff-skills', 'staff-skills', 5], ['business', 'business', 5], ['resolution-57', 'resolution-57', 5],
];
export const BENCH_CATALOG = createCatalog({
  courses: SKILL_COURSES.map(([id, skill, n]) => ({ id, skill, title: { vi: id, en: id }, lessons: Array.from({ length: n }, (_, i) => ({ id: `l${i + 1}` })) })),
});

/** Enough batches for a p95 that is not just the slowest one. */
const SYNC_ROUNDS = 200;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function benchDashboard(learners: number, rounds = 20) {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-bench-dash-'));
  try {
    const { db, sqlite, path } = openDb(dir);
    sqlite.pragma('synchronous = OFF');
    // Seeding only: a large page cache keeps index pages in memory as the file
    // grows (about 10 % faster at 30k learners, more at 1M). Reads are then
    // timed with the server's default cache.
    const defaultCache = sqlite.pragma('cache_size', { simple: true }) as number;
    sqlite.pragma('cache_size = -2000000');
    const seedStart = performance.now();
    const seeded = await seedDemo(engineOfSqlite(sqlite), BENCH_CATALOG, { learners, now: NOW, days: 365, maxCourses: 9 });
    const seedMs = performance.now() - seedStart;
    sqlite.pragma(`cache_size = ${defaultCache}`);
    sqlite.pragma('synchronous = FULL');
    // As in server/main.ts: WAL checkpoints in a worker, off the request path.
    const checkpointer = startCheckpointer(sqlite, path);
    const completions = (sqlite.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'lesson.completed'").get() as { n: number }).n;
    const app = createApp({ db, sqlite, now: () => NOW, catalog: BENCH_CATALOG });
    await createUser(engineOfSqlite(db.$client), { username: 'office', password: 'bench password 1', role: 'reviewer', team: null });
    const login = await app.request(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ username: 'office', password: 'bench password 1' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

    const ranges = ['', '?from=2024-06-21&to=2025-06-20', '?from=2025-03-01&to=2025-03-31&group=tdp-2'];
    const endpoints = ['dashboard', 'headline', 'coverage', 'ranking', 'courses', 'demographics', 'trend', 'freshness', 'summary', 'export.csv', 'export.xlsx'];
    const results: Array<{ endpoint: string; p50: number; p95: number }> = [];
    for (const endpoint of endpoints) {
      // One untimed read first: the first size measured must not carry the JIT warm-up, or cost growth looks smaller than it is.
      await (await app.request(`${ORIGIN}/api/v1/stats/${endpoint}`, { headers: { cookie } })).arrayBuffer();
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        let q = ranges[i % ranges.length];
        if (endpoint === 'freshness' || (endpoint === 'summary' && q.includes('group'))) q = endpoint === 'summary' ? '?from=2025-03-01&to=2025-03-31' : '';
        const t0 = performance.now();
        const res = await app.request(`${ORIGIN}/api/v1/stats/${endpoint}${q}`, { headers: { cookie } });
        await res.arrayBuffer();
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${endpoint}${q}: ${res.status}`);
      }
      results.push({ endpoint, p50: percentile(times, 50), p95: percentile(times, 95) });
    }

    // Sync batches of 100 events, interleaved with dashboard reads.
    const id = uuidv7();
    const secret = newSecret();
    await app.request(`${ORIGIN}/api/v1/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, secret }) });
    const syncTimes: number[] = [];
    for (let b = 0; b < SYNC_ROUNDS; b++) {
      const events = Array.from({ length: 100 }, (_, i) => ({
        id: uuidv7(), type: 'lesson.completed', learnerId: id, deviceId: 'bench-device-01', occurredAt: new Date(NOW - (b * 100 + i) * 60_000).toISOString(),
        courseId: SKILL_COURSES[i % 9][0], lessonId: `l${(i % 4) + 1}`, contentVersion: 'bench', score: 80, durationSec: 300,
      }));
      const read = Promise.resolve(app.request(`${ORIGIN}/api/v1/stats/dashboard${ranges[b % 2]}`, { headers: { cookie } })).then((r) => r.arrayBuffer());
      const t0 = performance.now();
      const res = await app.request(`${ORIGIN}/api/v1/sync`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${id}.${secret}` }, body: JSON.stringify({ deviceId: 'bench-device-01', events }) });
      await res.arrayBuffer();
      syncTimes.push(performance.now() - t0);
      await read;
    }
    await checkpointer.stop();
    const size = statSync(path).size;
    sqlite.close();
    return { learners, events: seeded.events, completions, seedMs, dbMb: size / 1e6, results, syncP50: percentile(syncTimes, 50), syncP95: percentile(syncTimes, 95), syncMax: Math.max(...syncTimes) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
