import { defineConfig } from 'vitest/config';
import { PG_INTEGRATION_FILES } from './tests/integration/pg-files.ts';

// The integration tests that hold on both engines, run on PostgreSQL
// (`npm run test:integration:pg`): each file starts its own throw-away
// cluster (tests/support/pg-test-app.ts). The same files run on SQLite in
// the default suite (vitest.config.ts).
export default defineConfig({
  test: {
    name: 'integration-pg',
    include: [...PG_INTEGRATION_FILES],
    environment: 'node',
    env: { TEST_ENGINE: 'postgres' },
    // Stops the cluster of a file whose real servers ran on it (tests/support/server-database.ts).
    setupFiles: ['tests/support/e2e-setup.ts'],
    // A file's first app waits for its cluster (initdb, start, template migrated).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
