// A throw-away PostgreSQL cluster for a test file: initdb into a temporary
// folder, the server listening only on a Unix socket in that folder (no TCP
// port, so parallel test files never collide), stopped and removed at the end.
// initdb refuses to run as root (CI runs as root): the binaries then run as
// the `postgres` user, which owns the folder.
//
// startReplica() adds a streaming replica, as a city's operator makes one:
// pg_basebackup -R from the primary (initdb's pg_hba already lets the local
// superuser replicate, and wal_level is `replica` by default), started as a
// hot standby on a socket folder of its own.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const SUPERUSER = 'postgres';

export interface PgCluster {
  /** node-postgres URL of the database made at start. */
  url: string;
  /** A new database in this cluster, empty or a copy of `template`; its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  /** A hot standby streaming from this cluster (one per cluster), stopped with it. */
  startReplica(): Promise<PgReplica>;
  stop(): Promise<void>;
}

export interface PgReplica {
  /** The URL of `database` (one of the primary's, by its name or its URL) on the replica. */
  urlOf(database: string): string;
  /** Resolves once the replica has replayed everything the primary wrote before the call (pg_last_wal_replay_lsn ≥ pg_current_wal_lsn). */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** How far behind the primary the replica's replay is now, in bytes of WAL. */
  lagBytes(): Promise<number>;
  /** Stops the replica (fast shutdown, as an operator's restart or a lost machine would look to its clients). */
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl: the highest Debian version, else PATH. */
export function findPgBin(debian = '/usr/lib/postgresql', path = process.env.PATH ?? ''): string {
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')) && existsSync(join(debian, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  if (versions.length) return join(debian, versions[0]!, 'bin');
  const onPath = path.split(delimiter).find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (onPath) return onPath;
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or on PATH: install them with `apt-get install -y postgresql` (.ci/run does).');
}

function urlFor(socketDir: string, database: string): string {
  return `postgres://${SUPERUSER}@localhost/${encodeURIComponent(database)}?host=${encodeURIComponent(socketDir)}`;
}

export async function startPgCluster(database = 'hoc_vu_so'): Promise<PgCluster> {
  const bin = findPgBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'hvs-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', SUPERUSER]);
    const { stdout: gid } = await run('id', ['-g', SUPERUSER]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pgRun = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', SUPERUSER, '--', join(bin, tool), ...args]) : run(join(bin, tool), args);

  let started = false;
  let replicaRunning: string | undefined;
  const stop = async () => {
    try {
      // immediate: no shutdown checkpoint to flush, the files are deleted next.
      if (replicaRunning) await pgRun('pg_ctl', ['-D', replicaRunning, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      if (started) await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    // --no-sync only skips flushing initdb's own files (the folder is thrown
    // away); the server below runs with fsync on, as in production.
    await pgRun('initdb', ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const options = `-c listen_addresses='' -c unix_socket_directories=${dir} -c fsync=on -c synchronous_commit=on`;
    await pgRun('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start']);
    started = true;
    const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const createDatabase = async (name: string, template?: string) => {
      const admin = new pg.Client({ connectionString: urlFor(dir, 'postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ''}`);
      } finally {
        await admin.end();
      }
      return urlFor(dir, name);
    };
    const url = await createDatabase(database);
    const query = async <T>(at: string, text: string, values: unknown[] = []): Promise<T> => {
      const client = new pg.Client({ connectionString: at });
      await client.connect();
      try {
        return (await client.query(text, values)).rows[0] as T;
      } finally {
        await client.end();
      }
    };
    const startReplica = async (): Promise<PgReplica> => {
      if (replicaRunning) throw new Error('this cluster has a replica already');
      const replicaData = join(dir, 'replica');
      const socketDir = join(dir, 'replica-socket');
      const replicaLog = join(dir, 'replica.log');
      mkdirSync(socketDir);
      if (asRoot) {
        const { stdout } = await run('id', ['-u', SUPERUSER]);
        const { stdout: gid } = await run('id', ['-g', SUPERUSER]);
        chownSync(socketDir, Number(stdout.trim()), Number(gid.trim()));
      }
      try {
        // -R: standby.signal and primary_conninfo (this cluster's socket), so it streams from the primary on start.
        await pgRun('pg_basebackup', ['-h', dir, '-U', SUPERUSER, '-D', replicaData, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
        await pgRun('pg_ctl', ['-D', replicaData, '-l', replicaLog, '-w', '-t', '60', '-o', `-c listen_addresses='' -c unix_socket_directories=${socketDir} -c hot_standby=on`, 'start']);
      } catch (error) {
        const serverLog = existsSync(replicaLog) ? `\nreplica log:\n${readFileSync(replicaLog, 'utf8')}` : '';
        throw new Error(`Could not start a streaming replica: ${(error as Error).message}${serverLog}`);
      }
      replicaRunning = replicaData;
      const primaryUrl = urlFor(dir, 'postgres');
      const replicaUrl = urlFor(socketDir, 'postgres');
      const current = async () => (await query<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn')).lsn;
      return {
        urlOf: (name) => urlFor(socketDir, name.includes('://') ? decodeURIComponent(new URL(name).pathname.slice(1)) : name),
        async caughtUp(timeoutMs = 30_000) {
          const target = await current();
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const { done } = await query<{ done: boolean }>(replicaUrl, 'SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done', [target]);
            if (done) return;
            if (Date.now() > deadline) throw new Error(`the replica did not replay up to ${target} in ${timeoutMs} ms`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        },
        async lagBytes() {
          const target = await current();
          const { lag } = await query<{ lag: string }>(replicaUrl, 'SELECT pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::text AS lag', [target]);
          return Math.max(0, Number(lag));
        },
        async stop() {
          if (!replicaRunning) return;
          await pgRun('pg_ctl', ['-D', replicaData, '-m', 'fast', '-w', 'stop']);
          replicaRunning = undefined;
        },
      };
    };
    return { url, createDatabase, startReplica, stop };
  } catch (error) {
    const serverLog = existsSync(log) ? `\nserver log:\n${readFileSync(log, 'utf8')}` : '';
    await stop().catch(() => undefined);
    throw new Error(`Could not start a PostgreSQL cluster with ${bin}: ${(error as Error).message}${serverLog}`);
  }
}
