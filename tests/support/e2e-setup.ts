// Runs before every browser test file (and every integration file on
// PostgreSQL, vitest.pg.config.ts): stops the file's throw-away PostgreSQL
// cluster (TEST_ENGINE=postgres) after its last hook, once its servers are stopped.
import { afterAll } from 'vitest';
import { stopTestCluster } from './server-database.ts';

afterAll(stopTestCluster, 60_000);
