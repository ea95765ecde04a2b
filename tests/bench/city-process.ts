// One bundled server process of the city bench: the same DEPLOYMENT=city
// deployment server/main.ts builds (city/deployment.ts), over DATABASE_URL
// (PostgreSQL, several of these on one database) or DATA_DIR (SQLite), with
// the bench's catalog and the per-address limits lifted (every bench phone
// comes from loopback; a city's come from thousands of addresses). Prints
// `port <n>` once listening; stops on SIGTERM.
//
//   DATABASE_URL=… DATA_DIR=… SPOT_CHECK_KEY=<hex> node --import tsx tests/bench/city-process.ts
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createCityDeployment } from '../../server/city/deployment.ts';
import { openDatabase } from '../../server/db/connect.ts';
import { silentLogger } from '../../server/logger.ts';
import { BENCH_CATALOG } from './dashboard.ts';

const NO_LIMITS = { limit: 1e9, windowMs: 60_000 };
const env = { DATA_DIR: process.env.DATA_DIR!, DATABASE_URL: process.env.DATABASE_URL || undefined, DATABASE_READ_URL: undefined };
const database = await openDatabase(env);
const key = Buffer.from(process.env.SPOT_CHECK_KEY ?? '00', 'hex');
const city = createCityDeployment({
  ...(database.sqlite ? { db: database.sqlite.db, sqlite: database.sqlite.sqlite } : {}),
  engine: database.engine,
  on: database.pool ? { kind: 'postgres', pool: database.pool } : { kind: 'sqlite', dataDir: env.DATA_DIR },
  dataDir: env.DATA_DIR,
  spotCheckKey: key,
  filesRoot: join(env.DATA_DIR, 'files'),
  drawKey: () => key,
  logger: silentLogger,
  catalog: BENCH_CATALOG,
  config: {
    filesDir: join(env.DATA_DIR, 'files'),
    requestLimits: { syncPerLearner: NO_LIMITS, syncPerAddress: NO_LIMITS, registerPerAddress: NO_LIMITS },
    plausibility: { maxRegistrationsPerAddress: 1_000_000 },
  },
});
const server = serve({ fetch: city.app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(`port ${info.port}`));
process.on('SIGTERM', () => {
  server.close();
  void city.close().then(() => database.close()).then(() => process.exit(0));
});
