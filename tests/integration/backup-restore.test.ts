// SQLite only, by nature: `npm run backup`/`restore` copy the SQLite file and
// refuse on PostgreSQL (server/db/backup.ts refuseOnPostgres).
// Backup and restore as the ward's admin runs them: `npm run backup` while the
// real server takes a steady stream of sync batches, then `npm run restore`
// into a fresh data folder. Every event the server acknowledged before the
// backup started is in the restored database exactly once, the file passes
// SQLite's integrity check, and the server starts on it and knows those
// events. Restore refuses to touch a database the server has open.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { runTsx } from './process.ts';

const dirs: string[] = [];
const servers: RunningServer[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const server of servers) await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Learner = { id: string; authorization: string };

async function register(url: string): Promise<Learner> {
  const id = uuidv7();
  const secret = newSecret();
  const res = await fetch(`${url}/api/v1/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, secret }) });
  expect(res.status).toBe(201);
  return { id, authorization: `Bearer ${id}.${secret}` };
}

const startedEvent = (learnerId: string, deviceId: string) => ({
  id: uuidv7(),
  type: 'lesson.started',
  learnerId,
  deviceId,
  occurredAt: new Date().toISOString(),
  // A lesson of the real catalogue: a server with a content build refuses others.
  courseId: 'cyber-safety',
  lessonId: 'fake-police-calls',
});

/** Phones syncing as fast as the server answers; remembers every acknowledged event id. */
function syncTraffic(url: string, learners: Learner[]) {
  const acknowledged = new Set<string>();
  const failures: string[] = [];
  let running = true;
  const phone = async (learner: Learner, n: number) => {
    const deviceId = `device-backup-${n}`;
    while (running) {
      const events = Array.from({ length: 20 }, () => startedEvent(learner.id, deviceId));
      try {
        const res = await fetch(`${url}/api/v1/sync`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: learner.authorization },
          body: JSON.stringify({ deviceId, events }),
        });
        if (res.status !== 200) failures.push(`sync ${res.status}: ${await res.text()}`);
        else {
          const { results } = (await res.json()) as { results: Array<{ id: string; status: string }> };
          for (const r of results) {
            if (r.status === 'accepted') acknowledged.add(r.id);
            else failures.push(`${r.id} ${r.status}`);
          }
        }
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const done = Promise.all(learners.map((learner, n) => phone(learner, n)));
  return {
    acknowledged,
    failures,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

function eventCounts(file: string, ids: Iterable<string>): { missing: number; duplicated: number; integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const one = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM events WHERE id = ?');
    let missing = 0;
    let duplicated = 0;
    for (const id of ids) {
      const { n } = one.get(id)!;
      if (n === 0) missing++;
      if (n > 1) duplicated++;
    }
    return { missing, duplicated, integrity: (db.pragma('integrity_check', { simple: true }) as string) };
  } finally {
    db.close();
  }
}

const waitUntil = async (condition: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('npm run backup / npm run restore', () => {
  it('backs up under write load and restores every event acknowledged before the backup', async () => {
    const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
    servers.push(server);
    dirs.push(server.dataDir);
    const learners = await Promise.all(Array.from({ length: 4 }, () => register(server.url)));
    const traffic = syncTraffic(server.url, learners);
    await waitUntil(() => traffic.acknowledged.size >= 400 || traffic.failures.length > 0, 30_000);
    expect(traffic.failures).toEqual([]);

    // The backup starts now; everything acknowledged so far must be in it.
    const before = new Set(traffic.acknowledged);
    const backupFile = join(tempDir('hvs-backups-'), 'nightly.sqlite');
    const backup = runTsx('server/cli/backup.ts', ['--out', backupFile], { DATA_DIR: server.dataDir });
    const backupExit = await backup.exited;
    const duringBackup = traffic.acknowledged.size - before.size;
    expect(backupExit, backup.output().stderr).toBe(0);
    expect(backup.output().stdout).toMatch(/Backup written: .*nightly\.sqlite[\s\S]*integrity ok, \d+ learner events/);

    // The server kept serving while the backup ran.
    expect(duringBackup).toBeGreaterThan(0);
    console.info(`[backup] ${before.size} events acknowledged before the backup, ${duringBackup} while it ran`);
    expect(traffic.failures).toEqual([]);

    // A restore over the live database is refused, and changes nothing.
    const liveSize = statSync(server.dbFile).size;
    const refused = runTsx('server/cli/restore.ts', [backupFile], { DATA_DIR: server.dataDir });
    expect(await refused.exited).toBe(1);
    expect(refused.output().stderr).toMatch(/in use: stop the server/);
    expect(readdirSync(server.dataDir).filter((f) => f.endsWith('.before-restore'))).toEqual([]);
    expect(statSync(server.dbFile).size).toBeGreaterThanOrEqual(liveSize);

    await traffic.stop();
    expect(traffic.failures).toEqual([]);
    await server.stop();

    // Restore into a fresh data folder, as on a replacement machine.
    const freshDir = tempDir('hvs-restored-');
    const restore = runTsx('server/cli/restore.ts', [backupFile], { DATA_DIR: freshDir });
    expect(await restore.exited, restore.output().stderr).toBe(0);
    const restoredFile = join(freshDir, 'hoc-vu-so.sqlite');
    const counts = eventCounts(restoredFile, before);
    expect(counts).toEqual({ missing: 0, duplicated: 0, integrity: 'ok' });

    // The server starts on the restored file and knows those events: sending
    // one again is a duplicate, not a second row.
    const restored = await startServer({ dataDir: freshDir, env: { LOG_LEVEL: 'warn' } });
    servers.push(restored);
    const [firstId] = before;
    const db = new Database(restoredFile, { readonly: true });
    const row = db.prepare<[string], { payload: string }>('SELECT payload FROM events WHERE id = ?').get(firstId)!;
    db.close();
    const again = JSON.parse(row.payload) as { learnerId: string; deviceId: string };
    const learner = learners.find((l) => l.id === again.learnerId)!;
    const res = await fetch(`${restored.url}/api/v1/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: learner.authorization },
      body: JSON.stringify({ deviceId: again.deviceId, events: [again] }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).results).toEqual([{ id: firstId, status: 'duplicate' }]);
    await restored.stop();
    expect(eventCounts(restoredFile, before)).toEqual({ missing: 0, duplicated: 0, integrity: 'ok' });

    // Restoring over an existing database keeps that one aside, complete.
    const back = runTsx('server/cli/restore.ts', [backupFile], { DATA_DIR: server.dataDir });
    expect(await back.exited, back.output().stderr).toBe(0);
    const kept = readdirSync(server.dataDir).filter((f) => f.endsWith('.before-restore'));
    expect(kept).toHaveLength(1);
    expect(back.output().stdout).toContain(kept[0]);
    expect(existsSync(`${server.dbFile}-wal`)).toBe(false);
    expect(eventCounts(join(server.dataDir, kept[0]), traffic.acknowledged)).toEqual({ missing: 0, duplicated: 0, integrity: 'ok' });
  }, 120_000);

  it('refuses a file that is not a Học vụ số database, and a damaged one', async () => {
    const dataDir = tempDir('hvs-restore-bad-');
    const other = join(dataDir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
    db.close();
    const notOurs = runTsx('server/cli/restore.ts', [other], { DATA_DIR: dataDir });
    expect(await notOurs.exited).toBe(1);
    expect(notOurs.output().stderr).toMatch(/not a Học vụ số database/);

    const damaged = join(dataDir, 'damaged.sqlite');
    writeFileSync(damaged, Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(16_384)]));
    const broken = runTsx('server/cli/restore.ts', [damaged], { DATA_DIR: dataDir });
    expect(await broken.exited).toBe(1);
    expect(broken.output().stderr).toMatch(/damaged\.sqlite (is not a readable SQLite database|failed the integrity check|cannot be opened)/);

    const missing = runTsx('server/cli/restore.ts', [join(dataDir, 'nope.sqlite')], { DATA_DIR: dataDir });
    expect(await missing.exited).toBe(1);
    expect(missing.output().stderr).toMatch(/does not exist/);
    expect(existsSync(join(dataDir, 'hoc-vu-so.sqlite'))).toBe(false);
  }, 60_000);
});
