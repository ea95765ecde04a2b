// `npm run restore -- FILE`: puts a backup back as DATA_DIR's database. The
// server must be stopped first (the command checks, by trying SQLite's
// exclusive lock on the live file). The backup is checked before anything is
// touched, and the database it replaces is kept beside it as
// hoc-vu-so.sqlite.<time>.before-restore. The evidence files it names are
// copied from `files/` beside the backup into FILES_DIR (DATA_DIR/files/; existing ones
// are kept: a file's name is its content's hash).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, refuseOnPostgres, restoreDatabase } from '../db/backup.ts';
import { DB_FILE_NAME } from '../db/open.ts';
import { backupFilesDir, copyNamedFiles } from '../db/backup-files.ts';
import { filesDirOf, loadEnv } from '../env.ts';

const USAGE = 'Usage: npm run restore -- path/to/backup.sqlite   (stop the server first)';

function main(): void {
  const { positionals, values } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { help: { type: 'boolean' } } });
  if (values.help) return void console.log(USAGE);
  if (positionals.length !== 1) throw new BackupError('Give exactly one backup file to restore.');
  const env = loadEnv();
  refuseOnPostgres(env);
  const backup = resolve(positionals[0]);
  const { restored, previous } = restoreDatabase(resolve(env.DATA_DIR), backup);
  console.log(`Restored ${backup}`);
  console.log(`  integrity ok, ${restored.events} learner events, ${restored.guideEvents} guide events`);
  if (previous) console.log(`  the database it replaced is kept as ${previous}`);
  const files = copyNamedFiles(join(env.DATA_DIR, DB_FILE_NAME), backupFilesDir(backup), filesDirOf(env));
  console.log(`  ${files.named} evidence files (${files.copied} copied from ${backupFilesDir(backup)})`);
  if (files.missing.length > 0) {
    process.stderr.write(`Warning: ${files.missing.length} evidence files are in neither place; their records show no picture: ${files.missing.slice(0, 5).join(', ')}\n`);
  }
  console.log('Start the server again; it brings the schema up to date on start.');
}

try {
  main();
} catch (error) {
  const known = error instanceof BackupError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  process.stderr.write(`${known ? (error as Error).message : String(error)}\n${USAGE}\n`);
  process.exit(1);
}
