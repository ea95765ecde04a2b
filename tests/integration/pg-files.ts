// The integration test files that read the database through `t.engine` and
// hold on both engines: `npm run test:integration:pg` (vitest.pg.config.ts)
// runs these on PostgreSQL; the default suite runs every file on SQLite.
//
// Not listed:
// - SQLite only by nature (each says so at its top): clamp-far-past-migration
//   (one of SQLite's own migrations), rights and fuzz-routes (a world forked
//   by copying the SQLite file);
// - not yet green on PostgreSQL (they read through t.engine and pass on
//   SQLite): integrity-catalogue (a refused record leaves a difference in
//   the rows), secure-headers (dropping a table under the running app),
//   login-guessing (300 guesses at once: its wait was made time-based, not
//   yet rerun here), request-limits (300 phones × 20 syncs did not finish in
//   the test's two minutes on a loaded machine), unit-demo (to be looked at);
// - files that do not use the harness: the *-engines tests already run on
//   both engines themselves, and the rest are about the SQLite file or a
//   server process (backup-restore, backup-files, file-modes, accounts-cli,
//   database-url, display-hours-unrecorded, pg-engine, locality-schemas…).
export const PG_INTEGRATION_FILES = [
  'audit',
  'bulletin-schedule',
  'certificate-basis',
  'certificate-holds',
  'client-drop',
  'dashboard',
  'display-hours',
  'display-hours-sum',
  'displays',
  'figure-kinds',
  'file-prune',
  'guide',
  'guide-households',
  'health-learners',
  'held-in-reports',
  'indicators',
  'integrity-guide-rules',
  'integrity-rules',
  'integrity-scripted',
  'lesson-audio',
  'news',
  'openapi',
  'openapi-lint',
  'outreach-log',
  'password-cost',
  'plan-report',
  'plan-report-difficulties',
  'plan-report-sums',
  'plan-slogans',
  'plan-tracker',
  'plans',
  'registers',
  'report-docx',
  'report-narrative',
  'request-errors',
  'resident-certificates',
  'resident-consent',
  'resident-deletion',
  'resident-digital-citizen',
  'resident-recovery',
  'rollup-catch-up',
  'self-check',
  'shell-hints',
  'spot-checks',
  'staff-accounts',
  'staff-auth',
  'static',
  'static-precompressed',
  'stats',
  'stats-counters',
  'stats-openapi',
  'story-photos',
  'sync',
  'sync-batch-rollup',
  'unit-evidence',
  'unit-phone',
  'unit-records',
  'ward-import',
  'ward-import-limits',
  'ward-staff',
].map((name) => `tests/integration/${name}.test.ts`);
