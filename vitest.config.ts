import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

// Two projects: fast tests (unit + integration against a real SQLite file) and
// the browser suite (real Chromium against the built app and a real server).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [solid()],
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'tools/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/size/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/e2e-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page reacts in well under a second on a quiet machine; the
          // default second of expect.poll is too short on a busy CI machine
          // (a PIN's key derivation, a certificate's picture). Speed is the
          // benchmarks' business (npm run bench), not these tests'.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
