// Starts a city deployment (city-launch.ts) as a child process on a free
// loopback port, over the built PWA (dist/), with its own DATA_DIR, and reads
// a locality's store the way its office would: straight from its SQLite file.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../server/db/open.ts';
import { localityDataDir } from '../../server/localities/stores.ts';
import { freePort, PROJECT_ROOT } from './server-process.ts';

export interface CityServer {
  url: string;
  /** Rows of one locality's store (its SQLite file, read-only). */
  rows<T>(slug: string, query: string): T[];
  stop(): Promise<void>;
}

export async function startCityServer(localities: ReadonlyArray<{ slug: string; name: string }>): Promise<CityServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hvs-city-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/city-launch.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DIST_DIR: join(PROJECT_ROOT, 'dist'), LOCALITIES: localities.map((l) => `${l.slug}:${l.name}`).join(',') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`city server exited early:\n${log}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`city server did not become healthy in 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    rows<T>(slug: string, query: string): T[] {
      const db = new Database(join(localityDataDir(dataDir, slug), DB_FILE_NAME), { readonly: true, fileMustExist: true });
      try {
        return db.prepare(query).all() as T[];
      } finally {
        db.close();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        await gone;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
