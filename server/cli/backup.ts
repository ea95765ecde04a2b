// `npm run backup [-- --out FILE]`: a consistent copy of DATA_DIR's database,
// taken while the server keeps serving, in DATA_DIR/backups/ unless told
// otherwise, and the evidence files it names in `files/` beside the copy.
// Prints where it went, its size and what it holds; exits 1 with a message
// when the copy cannot be made, fails its integrity check, or a file it names
// cannot be copied.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, defaultBackupPath, refuseOnPostgres } from '../db/backup.ts';
import { backupFilesDir, copyNamedFiles } from '../db/backup-files.ts';
import { DB_FILE_NAME } from '../db/open.ts';
import { filesDirOf, loadEnv } from '../env.ts';

const USAGE = 'Usage: npm run backup [-- --out path/to/copy.sqlite]';

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return void console.log(USAGE);
  const env = loadEnv();
  refuseOnPostgres(env);
  const source = resolve(env.DATA_DIR, DB_FILE_NAME);
  const dest = resolve(values.out ?? defaultBackupPath(env.DATA_DIR, new Date()));
  const started = Date.now();
  const summary = await backupDatabase(source, dest);
  const mb = (summary.bytes / 1_048_576).toFixed(1);
  console.log(`Backup written: ${dest}`);
  const files = copyNamedFiles(dest, filesDirOf(env), backupFilesDir(dest));
  console.log(`  ${mb} MB, integrity ok, ${summary.events} learner events, ${summary.guideEvents} guide events, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  ${files.named} evidence files in ${backupFilesDir(dest)} (${files.copied} new)`);
  if (files.missing.length > 0) {
    throw new Error(`${files.missing.length} evidence files the database names are missing or damaged in ${filesDirOf(env)}: ${files.missing.slice(0, 5).join(', ')}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(1);
});
