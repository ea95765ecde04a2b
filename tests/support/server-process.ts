// Starts the real server (server/main.ts) as a child process on a free
// loopback port with its own temporary DATA_DIR, the way an operator would.
// With TEST_ENGINE=postgres it runs on a fresh PostgreSQL database of the test
// file's throw-away cluster (server-database.ts), given as DATABASE_URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { bundleServer, SERVER_BUNDLE, serverBundleIsStale } from '../../tools/server-bundle/bundle.ts';
import { keepServerLog } from './server-logs.ts';
import { freshDatabaseUrl, TEST_ENGINE, type ServerStore } from './server-database.ts';

/** How long a start may take before the test gives up on it (an exit before then fails at once). */
const STARTUP_MS = 60_000;

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type RunningServer = ServerStore & {
  url: string;
  port: number;
  /** The SQLite file (on SQLite only: on PostgreSQL the data is at databaseUrl). */
  dbFile: string;
  output: () => string;
  /** The server process's id (a new one after restart), e.g. to read its memory use. */
  pid: () => number;
  stop: () => Promise<void>;
  /** Kills the process (SIGKILL by default: a crash, nothing flushed) and waits for it to be gone. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts the server again on the same port and DATA_DIR, as an operator's supervisor would. */
  restart: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `bundled`: run build/server/main.mjs with plain node, as `npm start` does
 * (bundled first when stale), e.g. to measure the serving process's memory.
 * Otherwise the sources run through tsx, so tests need no bundle step.
 * `healthyWithinMs`: how long the start may take (60 s; more for several
 * processes starting on a busy machine).
 * `databaseUrl`: the PostgreSQL database to serve (one prepared with
 * server-database.ts's newStore); with TEST_ENGINE=postgres and none given, a
 * fresh one. An explicit `env.DATABASE_URL` (even empty) wins over both.
 */
export async function startServer(opts: { dataDir?: string; databaseUrl?: string; env?: Record<string, string>; bundled?: boolean; healthyWithinMs?: number } = {}): Promise<RunningServer> {
  if (opts.bundled && serverBundleIsStale(PROJECT_ROOT)) await bundleServer(PROJECT_ROOT);
  const args = opts.bundled ? [SERVER_BUNDLE] : ['--import', 'tsx', 'server/main.ts'];
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'hvs-data-'));
  const databaseUrl =
    opts.env?.DATABASE_URL !== undefined ? opts.env.DATABASE_URL || undefined : (opts.databaseUrl ?? (TEST_ENGINE === 'postgres' ? await freshDatabaseUrl() : undefined));
  const port = await freePort();
  let log = '';
  let child!: ChildProcess;
  const url = `http://127.0.0.1:${port}`;
  const gone = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  const exited = (c: ChildProcess) => new Promise<void>((resolve) => (gone(c) ? resolve() : c.once('exit', () => resolve())));

  async function launch() {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...opts.env };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    else delete env.DATABASE_URL;
    child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    child.once('exit', () => keepServerLog(port, log));
    const healthyWithinMs = opts.healthyWithinMs ?? STARTUP_MS;
    const deadline = Date.now() + healthyWithinMs;
    for (;;) {
      if (gone(child)) throw new Error(`server exited early (${child.exitCode ?? child.signalCode}):\n${log}`);
      try {
        const res = await fetch(`${url}/api/v1/health`);
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`server did not become healthy in ${healthyWithinMs / 1000} s:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  await launch();
  return {
    url,
    port,
    dataDir,
    engine: databaseUrl ? 'postgres' : 'sqlite',
    databaseUrl,
    dbFile: join(dataDir, 'hoc-vu-so.sqlite'),
    output: () => log,
    pid: () => child.pid!,
    stop: () => {
      const c = child;
      if (gone(c)) return Promise.resolve();
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 5_000).unref();
      return exited(c);
    },
    kill: (signal = 'SIGKILL') => {
      const c = child;
      if (!gone(c)) c.kill(signal);
      return exited(c);
    },
    restart: async () => {
      if (!gone(child)) throw new Error('restart() needs a stopped server: call kill() or stop() first');
      await launch();
    },
  };
}

/** The first admin's password, from the private file whose place the first start prints (the password itself is never printed). */
export function adminPasswordFrom(output: string): string {
  const file = /its password is in (\S+)/.exec(output)?.[1];
  if (!file) throw new Error(`no admin password file in server output:\n${output}`);
  const m = /^password: (\S+)$/m.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`no password in ${file}`);
  return m[1];
}
