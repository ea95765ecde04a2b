// The integration test files that read the database through `t.engine` and
// hold on both engines: `npm run test:integration:pg` (vitest.pg.config.ts)
// runs these on PostgreSQL; the default suite runs every file on SQLite.
//
// Also listed: files that start the real server or its command-line tools
// (accounts-cli, server-process, log-privacy): on PostgreSQL they give them a
// fresh database of the file's cluster as DATABASE_URL (server-database.ts).
//
// Not listed, each saying why at its top:
// - SQLite only by nature: clamp-far-past-migration and
//   display-hours-unrecorded (SQLite's own migration history), backup-files,
//   backup-restore and file-modes (the SQLite file, its backups and their
//   modes on disk);
// - PostgreSQL itself: pg-engine, locality-schemas; no database at all:
//   fault-proxy; both engines in the file itself: the *-engines tests,
//   engine-contract, hold-table and database-url;
// - not yet on PostgreSQL: sync-faults (it reads the server's SQLite file
//   directly to count what was stored).
export const PG_INTEGRATION_FILES = [
  'accounts-cli',
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
  'fuzz-routes',
  'guide',
  'guide-households',
  'health-learners',
  'held-in-reports',
  'indicators',
  'integrity-catalogue',
  'integrity-guide-rules',
  'integrity-rules',
  'integrity-scripted',
  'lesson-audio',
  'log-privacy',
  'login-guessing',
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
  'request-limits',
  'resident-certificates',
  'resident-consent',
  'resident-deletion',
  'resident-digital-citizen',
  'resident-recovery',
  'rights',
  'rollup-catch-up',
  'secure-headers',
  'self-check',
  'server-process',
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
  'unit-demo',
  'unit-evidence',
  'unit-phone',
  'unit-records',
  'ward-import',
  'ward-import-limits',
  'ward-staff',
].map((name) => `tests/integration/${name}.test.ts`);
