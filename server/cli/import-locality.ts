// `npm run import-locality -- --from <ward sqlite file> --locality <slug> [--files <ward's files folder>] [--kind ward|commune|special-zone]`:
// brings a single-ward deployment's database into this deployment (DATABASE_URL,
// or DATA_DIR's SQLite) as one locality (server/localities/import.ts), and the
// evidence files its rows name into the locality's files folder (FILES_DIR/
// localities/<slug>, else DATA_DIR/localities/<slug>/files). --files defaults
// to `files/` beside the ward's file. Prints each table's rows in the ward's
// file and in the locality's store, and the files named and present; exits 1
// when they differ, when a named file is missing or damaged (nothing is then
// written), when the file is from a newer version, or on any error. Running it
// again changes nothing.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALITY_KINDS, localitySlugSchema, type LocalityKind } from '../../shared/localities/locality.ts';
import type { Engine } from '../db/engine/engine.ts';
import { engineOfSqlite } from '../db/engine/sqlite.ts';
import { postgresEngine } from '../db/engine/postgres.ts';
import { openDb } from '../db/open.ts';
import { loadEnv } from '../env.ts';
import { localityFilesDir } from '../city/deployment.ts';
import { importLocality } from '../localities/import.ts';
import { createLocalityRegistry } from '../localities/registry.ts';
import { localityStores, type LocalityStoresOn } from '../localities/stores.ts';

const USAGE = 'Usage: npm run import-locality -- --from path/to/hoc-vu-so.sqlite --locality <slug> [--files path/to/ward/files] [--kind ward|commune|special-zone]';

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { from: { type: 'string' }, locality: { type: 'string' }, files: { type: 'string' }, kind: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return void console.log(USAGE), 0;
  if (!values.from || !values.locality) throw new Error('--from and --locality are both needed');
  if (!localitySlugSchema.safeParse(values.locality).success) throw new Error(`--locality "${values.locality}": ${localitySlugSchema.safeParse(values.locality).error!.issues[0]!.message}`);
  if (values.kind && !(LOCALITY_KINDS as readonly string[]).includes(values.kind)) throw new Error(`--kind must be one of ${LOCALITY_KINDS.join(', ')}`);

  const env = loadEnv();
  let city: Engine;
  let on: LocalityStoresOn;
  let closeCity: () => Promise<void>;
  if (env.DATABASE_URL) {
    const { openPg } = await import('../db/pg/open.ts');
    const { pool } = await openPg(env.DATABASE_URL);
    city = postgresEngine(pool, { sharedPool: true });
    on = { kind: 'postgres', pool };
    closeCity = () => pool.end();
  } else {
    city = engineOfSqlite(openDb(env.DATA_DIR).sqlite);
    on = { kind: 'sqlite', dataDir: env.DATA_DIR };
    closeCity = () => city.close();
  }
  const from = resolve(values.from);
  const besideFile = join(dirname(from), 'files');
  const filesFrom = values.files ? resolve(values.files) : existsSync(besideFile) ? besideFile : undefined;
  if (values.files && !existsSync(filesFrom!)) throw new Error(`--files ${filesFrom}: no such folder`);
  const filesTo = localityFilesDir({ dataDir: env.DATA_DIR, filesRoot: env.FILES_DIR }, values.locality);
  const stores = localityStores(on);
  try {
    const report = await importLocality({ from, slug: values.locality, kind: values.kind as LocalityKind | undefined, registry: createLocalityRegistry(city), stores, files: { from: filesFrom, to: filesTo }, now: Date.now() });
    console.log(`${report.created ? 'Added' : 'Into'} locality ${report.locality.slug} (${report.locality.name})`);
    console.log(['table'.padEnd(32), 'in the file'.padStart(12), 'in the locality'.padStart(16), 'new'.padStart(8)].join(''));
    for (const t of report.tables) console.log([t.table.padEnd(32), String(t.source).padStart(12), String(t.target).padStart(16), String(t.added).padStart(8)].join(''));
    const f = report.files;
    console.log(`evidence files: ${f.named} named by the records, ${f.present} in ${filesTo} (${f.copied} copied now, ${(f.bytesCopied / 1_048_576).toFixed(1)} MB)`);
    // Every row of the file is written on its key, so the locality holds at least the file's rows.
    // More is the locality's own (its staff's logins and their audit entries after a first import,
    // its first admin): kept, and said. Fewer would mean a row did not arrive.
    const missing = report.tables.filter((t) => t.target < t.source);
    if (missing.length > 0) {
      console.error(`Rows of the ward's file are missing in the locality for ${missing.map((t) => t.table).join(', ')}: nothing acknowledged may be lost, so check these tables before serving the locality.`);
      return 1;
    }
    const own = report.tables.filter((t) => t.target > t.source);
    if (own.length > 0) console.log(`Kept the locality's own rows beside the ward's: ${own.map((t) => `${t.table} +${t.target - t.source}`).join(', ')}.`);
    if (f.present !== f.named) {
      console.error(`${f.named - f.present} evidence files changed in the ward's folder while they were copied: run the import again.`);
      return 1;
    }
    console.log(`All ${report.tables.length} tables hold every row of the ward's file, and all ${f.named} evidence files match. The dashboard's figures are rebuilt from the records when the locality's app first starts.`);
    return 0;
  } finally {
    await stores.close();
    await closeCity();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(1);
  },
);
