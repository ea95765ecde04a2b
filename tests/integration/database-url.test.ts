// DATABASE_URL chooses the database of the real server process, started as
// `npm start` starts it (the bundled entry, plain node, a loopback port):
// unset, the SQLite file in DATA_DIR exactly as before; postgres://…, a
// PostgreSQL database whose migrations the server applies at start. On each:
// the health check, a learner registering, one lesson completion synced twice
// (one row, the second answer a duplicate) and read back by the learner.
//
// While some part of the server still reads the SQLite file directly (ctx.db,
// ctx.sqlite: parts other changes are moving to the engine), the server on
// PostgreSQL must not start half-working: it stops at once and names the
// line. Which case holds is read from the sources here, independently of the
// server, so this test turns into the full PostgreSQL run by itself once the
// last such line is gone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.ts';
import { storedRecordsOf } from '../support/stored-records.ts';
import { PROJECT_ROOT, startServer, type RunningServer } from '../support/server-process.ts';

/** Lines of server code (not comments, not tests) that read the SQLite connection handed to the routes, trimmed. */
function linesStillOnSqlite(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line) => {
            // Not in a comment, nor quoted (db/sqlite-only.ts names them in its refusal).
            if (/(?<!['"`])ctx\.(db|sqlite)\b(?!\w)/.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)) found.push(line.trim());
          });
      }
    }
  };
  walk(join(PROJECT_ROOT, 'server'));
  return found;
}

let cluster: PgCluster | undefined;
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

describe.each(['sqlite', 'postgres'] as const)('the server entry with DATABASE_URL for %s', (kind) => {
  let server: RunningServer | undefined;
  let databaseUrl: string | undefined;
  let refusal: string | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'hvs-database-url-'));
  const stillOnSqlite = kind === 'postgres' ? linesStillOnSqlite() : [];

  beforeAll(async () => {
    if (kind === 'postgres') {
      cluster = await startPgCluster();
      databaseUrl = await cluster.createDatabase('database_url');
    }
    try {
      server = await startServer({ bundled: true, dataDir, env: databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' } });
    } catch (error) {
      refusal = (error as Error).message;
    }
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Rows of learner records in the database the server used, read beside the server. */
  const storedRecords = (learnerId: string) => storedRecordsOf(kind === 'sqlite' ? { sqliteFile: server!.dbFile } : { databaseUrl: databaseUrl! }, learnerId);

  it('serves health, registration and an exactly-once sync read back by the learner', async () => {
    if (stillOnSqlite.length > 0) {
      // Refused before listening, with the place of the part still on SQLite, and nothing written (no admin made).
      expect(server).toBeUndefined();
      expect(refusal).toMatch(/exited early \(1\)/);
      expect(refusal).toContain('still reads the SQLite file directly');
      // The line is quoted as the server runs it (bundled, so the place is the bundle's): one of those lines in the sources.
      const quoted = /ctx\.(?:db|sqlite): \S+:\d+ `([^`]+)`/.exec(refusal!)?.[1];
      expect(stillOnSqlite).toContain(quoted);
      // The migrations ran: the database is ready for the server that can use it.
      expect(await storedRecords(uuidv7())).toBe(0);
      return;
    }
    expect(refusal).toBeUndefined();
    const base = server!.url;
    const health = await fetch(`${base}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const learner = { id: uuidv7(), secret: newSecret() };
    const registered = await fetch(`${base}/api/v1/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(learner) });
    expect(registered.status).toBe(201);
    const auth = { authorization: `Bearer ${learner.id}.${learner.secret}`, 'content-type': 'application/json' };

    const record = { id: uuidv7(), type: 'lesson.completed', learnerId: learner.id, deviceId: 'device-test-0001', occurredAt: new Date(Date.now() - 60_000).toISOString(), courseId: 'cyber-safety', lessonId: 'passwords-two-step', contentVersion: 'v1', score: 80, durationSec: 300 };
    const sync = async () => {
      const res = await fetch(`${base}/api/v1/sync`, { method: 'POST', headers: auth, body: JSON.stringify({ deviceId: 'device-test-0001', events: [record] }) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { results: Array<{ id: string; status: string }> }).results;
    };
    expect(await sync()).toEqual([{ id: record.id, status: 'accepted' }]);
    expect(await sync()).toEqual([{ id: record.id, status: 'duplicate' }]);
    expect(await storedRecords(learner.id)).toBe(1);

    const mine = (await (await fetch(`${base}/api/v1/me`, { headers: auth })).json()) as { events: Array<{ id: string; type: string; payload: { lessonId: string } }> };
    expect(mine.events.map((e) => [e.id, e.type, e.payload.lessonId])).toEqual([[record.id, 'lesson.completed', 'passwords-two-step']]);
    expect(server!.output()).toContain(`"engine":"${kind}"`);
  }, 60_000);

  it('serves one ward without DEPLOYMENT=city: no city routes, no locality addresses', async () => {
    if (!server) return; // refused at start (above)
    expect((await fetch(`${server.url}/api/v1/city/localities`)).status).toBe(404);
    expect((await fetch(`${server.url}/l/kien-an/api/v1/health`)).status).toBe(404);
  });

  /** One of the operator's npm commands (package.json runs them with tsx), with this server's environment. */
  const command = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' },
      encoding: 'utf8',
    });

  it('lets the accounts command reach the same database', () => {
    const created = command('accounts', ['create', '--username', 'lan', '--role', 'reviewer', '--display-name', 'Nguyễn Thị Lan']);
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created reviewer "lan"');
    const listed = command('accounts', ['list']);
    expect(listed.stdout).toMatch(/^lan\treviewer\t/m);
    // The admin the first start made, when the server started.
    expect(/^admin\tadmin\t/m.test(listed.stdout)).toBe(server !== undefined);
    // On PostgreSQL neither the server nor the command made a SQLite file.
    expect(existsSync(join(dataDir, 'hoc-vu-so.sqlite'))).toBe(kind === 'sqlite');
  }, 30_000);

  it(kind === 'sqlite' ? 'backs the SQLite file up with the backup command' : "refuses the file backup and restore, pointing to PostgreSQL's own tools", () => {
    const backup = command('backup', []);
    if (kind === 'sqlite') {
      expect(backup.status).toBe(0);
      expect(backup.stdout).toContain('Backup written');
      return;
    }
    expect(backup.status).toBe(1);
    expect(backup.stderr).toContain('pg_dump');
    const restore = command('restore', [join(dataDir, 'nothing.sqlite')]);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('pg_dump');
  }, 30_000);
});
