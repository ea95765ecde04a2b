// The server process: parse the environment, open and migrate the database
// (the SQLite file in DATA_DIR, or PostgreSQL when DATABASE_URL says so),
// make sure an admin exists, then serve the API and the built PWA on one port.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { ensureAdmin, writeFirstAdminFile } from './accounts/bootstrap.ts';
import { createApp } from './app.ts';
import { createCityDeployment, type CityDeployment } from './city/deployment.ts';
import { openDatabase } from './db/connect.ts';
import { startCheckpointer } from './db/checkpointer.ts';
import { DB_FILE_NAME } from './db/open.ts';
import { SqliteOnlyError } from './db/sqlite-only.ts';
import { drawKeyOf } from './integrity/draw-key.ts';
import { filesDirOf, loadEnv } from './env.ts';
import { pruneFiles, PRUNE_EVERY_MS } from './files/prune.ts';
import { answerClientErrors, createApiServer } from './http/client-error.ts';
import { createLogger } from './logger.ts';
import { sweepTableWindows } from './limits/windows.ts';
import { sweepRegistrations } from './integrity/recent-registrations.ts';
import { DEFAULT_PLAUSIBILITY } from '../shared/integrity/plausibility.ts';

/** How often ended counting windows and old registrations are deleted (PostgreSQL). */
const SWEEP_EVERY_MS = 10 * 60_000;

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
const database = await openDatabase(env, logger).catch((error: Error) => {
  process.stderr.write(`Cannot open the database: ${error.message}\n`);
  process.exit(1);
});
const { engine, sqlite } = database;
logger.info('database ready', { engine: engine.kind, where: database.where });
// SQLite: WAL checkpoints run in a worker so no sync request waits for one. PostgreSQL checkpoints itself.
const checkpointer = sqlite ? startCheckpointer(sqlite.sqlite, sqlite.path) : { stop: async () => {} };
const filesDir = filesDirOf(env);

const distDir = resolve(env.DIST_DIR);
const hasBuild = existsSync(join(distDir, 'index.html'));
if (!hasBuild) logger.warn('no PWA build found; serving the API only (run "npm start" to build)', { distDir });

// The spot-check key: SPOT_CHECK_KEY (the same for every process on one PostgreSQL database), else a key file in DATA_DIR.
const spotCheckKey = env.SPOT_CHECK_KEY ? Buffer.from(env.SPOT_CHECK_KEY, 'hex') : undefined;
const drawKey = spotCheckKey ? () => spotCheckKey : drawKeyOf(join(env.DATA_DIR, DB_FILE_NAME));

const config = { publicOrigin: env.PUBLIC_ORIGIN, distDir: hasBuild ? distDir : undefined, trustProxy: env.TRUST_PROXY, filesDir };
// DEPLOYMENT=city: the home app is the city's, and each locality is served at /l/<slug>/ over its own store.
let city: CityDeployment | undefined;
let app: { fetch: ReturnType<typeof createApp>['fetch'] };
try {
  if (env.DEPLOYMENT === 'city') {
    city = createCityDeployment({
      ...(sqlite ? { db: sqlite.db, sqlite: sqlite.sqlite } : {}),
      engine,
      on: database.pool ? { kind: 'postgres', pool: database.pool } : { kind: 'sqlite', dataDir: env.DATA_DIR },
      dataDir: env.DATA_DIR,
      filesRoot: env.FILES_DIR,
      spotCheckKey,
      drawKey,
      logger,
      config,
    });
    app = city.app;
    logger.info('serving a city', { localities: (await city.registry.list()).length });
  } else {
    app = createApp({ ...(sqlite ? { db: sqlite.db, sqlite: sqlite.sqlite } : { engine }), drawKey, logger, config });
  }
} catch (error) {
  // On PostgreSQL, a part still on the SQLite file stops the start here, saying which (db/sqlite-only.ts).
  process.stderr.write(`Cannot start the server: ${(error as Error).message}\n`);
  if (!(error instanceof SqliteOnlyError)) process.stderr.write(`${(error as Error).stack}\n`);
  await database.close();
  process.exit(1);
}

// After the app is built: a start that stops above has written nothing.
const createdAdmin = await ensureAdmin(engine);
const adminFile = createdAdmin ? writeFirstAdminFile(env.DATA_DIR, createdAdmin) : undefined;

const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT, createServer: createApiServer }, (info) => {
  const url = env.PUBLIC_ORIGIN ?? `http://localhost:${info.port}`;
  if (createdAdmin) {
    console.log(
      [
        '',
        `Admin account created: username ${createdAdmin.username}; its password is in ${adminFile}`,
        `  (readable only by the user the server runs as). Open ${url} and log in as staff with it,`,
        `  change the password (or: npm run accounts -- set-password --username ${createdAdmin.username}), then delete that file.`,
        '',
      ].join('\n'),
    );
  }
  console.log(`Học vụ số is running at http://localhost:${info.port}`);
});

answerClientErrors(server);

// Evidence files no record named within their grace period are removed (files/prune.ts): a minute after start, then daily.
const prune = async () => {
  try {
    const pruned = await pruneFiles(engine, filesDir, Date.now());
    if (pruned.unnamed > 0 || pruned.strays > 0) logger.info('files nobody named removed', { ...pruned });
    await city?.eachLocality(async (locality, store, dir) => {
      const inLocality = await pruneFiles(store, dir, Date.now());
      if (inLocality.unnamed > 0 || inLocality.strays > 0) logger.info('files nobody named removed', { locality, ...inLocality });
    });
  } catch (error) {
    logger.error('file pruning failed', { error: String(error) });
  }
};
setTimeout(prune, 60_000).unref();
setInterval(prune, PRUNE_EVERY_MS).unref();

// Processes sharing a PostgreSQL database count limits and recent registrations in tables (limits/windows.ts,
// integrity/recent-registrations.ts); what no window needs any more is deleted now and then, by any of them.
if (engine.kind === 'postgres') {
  const sweep = async () => {
    try {
      const at = Date.now();
      await sweepTableWindows(engine, () => at);
      await sweepRegistrations(engine, at - DEFAULT_PLAUSIBILITY.registrationWindowMs - SWEEP_EVERY_MS);
      await city?.eachLocality(async (_slug, store) => {
        await sweepTableWindows(store, () => at);
        await sweepRegistrations(store, at - DEFAULT_PLAUSIBILITY.registrationWindowMs - SWEEP_EVERY_MS);
      });
    } catch (error) {
      logger.error('sweeping shared counts failed', { error: String(error) });
    }
  };
  setInterval(sweep, SWEEP_EVERY_MS).unref();
}

server.on('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${env.PORT} is already in use (set PORT to another number)` : error.message;
  process.stderr.write(`Cannot start the server: ${reason}\n`);
  void database.close().finally(() => process.exit(1));
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  // Requests in flight finish (and their transactions commit) before the
  // database closes; a stuck connection does not hold the process forever.
  const force = setTimeout(() => {
    void database.close().finally(() => process.exit(1));
  }, 10_000);
  force.unref();
  server.close(() => {
    void checkpointer
      .stop()
      .then(() => city?.close())
      .then(() => database.close())
      .then(() => process.exit(0));
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
