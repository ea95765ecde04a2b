import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../server/db/open.ts';
import { createRecordPipeline } from '../server/records/pipeline.ts';
import { createStatsRollup } from '../server/stats/rollup.ts';
import { createCheckinProjection } from '../server/guide/checkins.ts';
import { createProfiles } from '../server/resident/profiles.ts';
import { createWardProfile } from '../server/ward/profile.ts';
import { BENCH_CATALOG } from '../tests/bench/dashboard.ts';
import { makePhones } from '../tests/bench/sync-ingest.ts';

async function run(label: string, build: (db: any, sqlite: any) => any[]) {
  const { db, sqlite } = openDb(mkdtempSync(join(tmpdir(), 'ing-')));
  const phones = makePhones(5000).flat();
  const add = sqlite.prepare('INSERT INTO learners (id, secret_hash, created_at) VALUES (?, ?, ?)');
  for (const p of phones) add.run(p.learnerId, 'x', 0);
  const records = createRecordPipeline(db, build(db, sqlite));
  const total = phones.reduce((n, p) => n + p.batches.reduce((m, b) => m + b.length, 0), 0);
  const t = performance.now();
  // 8 concurrent streams like the HTTP bench
  const streams = Array.from({ length: 8 }, (_, c) => phones.filter((_, i) => i % 8 === c));
  await Promise.all(streams.map(async (list) => {
    for (const p of list) for (const b of p.batches) await records.learner.ingest({ by: { id: p.learnerId, deviceId: p.deviceId }, records: JSON.parse(JSON.stringify(b)), receivedAt: Date.now() });
  }));
  const s = (performance.now() - t) / 1000;
  console.log(label.padEnd(30), Math.round(total / s), 'events/s');
  sqlite.close();
}
const wardOf = (sqlite: any) => createWardProfile(sqlite, Date.now);
for (let k = 0; k < 2; k++) {
  await run('no projections', () => []);
  await run('stats only', (_db, sqlite) => [createStatsRollup(sqlite, BENCH_CATALOG).projection]);
  await run('all learner projections', (_db, sqlite) => [
    { name: 'resident', learner: createProfiles(sqlite, wardOf(sqlite).hasGroup).hooks },
    createCheckinProjection(sqlite),
    createStatsRollup(sqlite, BENCH_CATALOG).projection,
  ]);
}
