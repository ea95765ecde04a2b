// A throw-away PostgreSQL cluster for a test file: initdb into a temporary
// folder, the server listening only on a Unix socket in that folder (no TCP
// port, so parallel test files never collide), stopped and removed at the end.
// initdb refuses to run as root (CI runs as root): the binaries then run as
// the `postgres` user, which owns the folder.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
  const stop = async () => {
    try {
      // immediate: no shutdown checkpoint to flush, the files are deleted next.
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
    return { url, createDatabase, stop };
  } catch (error) {
    const serverLog = existsSync(log) ? `\nserver log:\n${readFileSync(log, 'utf8')}` : '';
    await stop().catch(() => undefined);
    throw new Error(`Could not start a PostgreSQL cluster with ${bin}: ${(error as Error).message}${serverLog}`);
  }
}
