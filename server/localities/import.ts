// Moving a ward in: a single-ward deployment's SQLite file becomes one
// locality of a city (`npm run import-locality`). The file is read from a
// consistent copy (the ward's server may still be running), brought to this
// version's schema on the copy, and every table is written into the
// locality's own store row by row, keyed by its primary key: a row already
// there is set to the ward's values, so running the import again changes
// nothing. The sample rows every new store is seeded with (profile, groups,
// units, the sample plan) give way to the ward's own. The dashboard's rollups
// are not copied: the locality's app rebuilds them from the records on its
// first start. A file from a newer version of the app is refused. The
// evidence files the rows name are checked before anything is written and
// copied into the locality's files folder before the rows (import-files.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Locality, LocalityKind } from '../../shared/localities/locality.ts';
import type { Engine } from '../db/engine/engine.ts';
import { openDb, type Sqlite } from '../db/open.ts';
import { MIGRATIONS_DIR } from '../paths.ts';
import { checkWardFiles, copyWardFiles, namedFiles, type FilesCount } from './import-files.ts';
import type { LocalityRegistry } from './registry.ts';
import type { LocalityStores } from './stores.ts';

export class ImportRefusedError extends Error {}

/** Rows per INSERT: well under both engines' limits on parameters. */
const BATCH = 200;

/** Tables not copied: rebuilt or kept by the locality's own app (rollups, counters, shared counts, its count of changes) or the city's. */
const NOT_COPIED = (name: string) => name.startsWith('stats_') || ['localities', 'city_targets', 'shared_windows', 'recent_registrations', 'figure_changes'].includes(name);

/** Tables every new store is seeded with sample rows: rows the ward's file does not have are removed. */
const SEEDED = ['ward_profile', 'residential_groups', 'units', 'plans'];

export interface TableCount {
  table: string;
  /** Rows in the ward's file. */
  source: number;
  /** Rows in the locality's store after the import. */
  target: number;
  /** Rows that were not in the store before (0 on a second run). */
  added: number;
}

export interface ImportReport {
  locality: Locality;
  /** The locality was added to the city's list by this import. */
  created: boolean;
  tables: TableCount[];
  /** The evidence files the rows name, in the locality's files folder. */
  files: FilesCount;
}

interface Column {
  name: string;
  pk: number;
}

/** The migrations this version knows, by the time each was written. */
function knownMigrations(): Set<number> {
  return new Set(readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).map((m) => m.folderMillis));
}

/** Refuses a file that is not a ward's database, or one written by a newer version. */
function checkSchema(file: Sqlite, from: string): void {
  const hasJournal = file.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!hasJournal) throw new ImportRefusedError(`${from} is not a Học vụ số ward database (it has no migration journal)`);
  const known = knownMigrations();
  const unknown = (file.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as Array<{ at: number }>).map((r) => Number(r.at)).filter((at) => !known.has(at));
  if (unknown.length > 0) {
    const newest = new Date(Math.max(...unknown)).toISOString().slice(0, 10);
    throw new ImportRefusedError(`${from} was written by a newer version of Học vụ số (a schema change of ${newest} this server does not have): update this server first, then import again`);
  }
}

/** Parents before children, from the file's foreign keys. */
function inDependencyOrder(file: Sqlite, tables: string[]): string[] {
  const parents = new Map(tables.map((t) => [t, (file.prepare('SELECT "table" AS parent FROM pragma_foreign_key_list(?)').all(t) as Array<{ parent: string }>).map((r) => r.parent).filter((p) => p !== t && tables.includes(p))]));
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t)) return;
    if (path.has(t)) throw new Error(`foreign keys form a cycle through ${t}`);
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    path.delete(t);
    ordered.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return ordered;
}

const ident = (name: string) => sql.identifier(name);
const count = async (engine: Engine, table: string) => Number((await engine.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(table)}`))!.n);

/** One batch of rows as an upsert on the primary key: a row already there takes the ward's values. */
function upsert(table: string, columns: Column[], rows: unknown[][]): SQL {
  const names = sql.join(columns.map((c) => ident(c.name)), sql`, `);
  const values = sql.join(rows.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`), sql`, `)})`), sql`, `);
  const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const rest = columns.filter((c) => c.pk === 0);
  const onConflict = rest.length === 0 ? sql`DO NOTHING` : sql`DO UPDATE SET ${sql.join(rest.map((c) => sql`${ident(c.name)} = excluded.${ident(c.name)}`), sql`, `)}`;
  return sql`INSERT INTO ${ident(table)} (${names}) VALUES ${values} ON CONFLICT (${sql.join(keys.map((c) => ident(c.name)), sql`, `)}) ${onConflict}`;
}

/** After explicit keys were written, PostgreSQL's identity sequences must start past them. */
async function advanceIdentities(engine: Engine): Promise<void> {
  if (engine.kind !== 'postgres') return;
  const identities = await engine.all<{ table: string; column: string }>(
    sql`SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table, column } of identities) {
    await engine.run(sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), coalesce((SELECT max(${ident(column)}) FROM ${ident(table)}), 0) + 1, false)`);
  }
}

export interface ImportOptions {
  /** The ward's SQLite file. */
  from: string;
  slug: string;
  /** For a locality not yet in the city's list: its kind (default ward); its name is the ward profile's. */
  kind?: LocalityKind;
  registry: LocalityRegistry;
  stores: LocalityStores;
  /** The ward's files folder (absent: the ward has none) and the locality's (server/city/deployment.ts localityFilesDir). */
  files: { from?: string; to: string };
  now: number;
}

export async function importLocality({ from, slug, kind = 'ward', registry, stores, files, now }: ImportOptions): Promise<ImportReport> {
  let original: Sqlite;
  try {
    original = new Database(from, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ImportRefusedError(`Cannot open ${from}: ${(error as Error).message}`);
  }
  const work = mkdtempSync(join(tmpdir(), 'hvs-import-'));
  try {
    try {
      checkSchema(original, from);
      // A consistent copy, then this version's schema on the copy: the ward's file is never written.
      await original.backup(join(work, 'hoc-vu-so.sqlite'));
    } finally {
      original.close();
    }
    const { sqlite: file } = openDb(work);
    try {
      const named = namedFiles(file);
      const faults = checkWardFiles(named, files.from);
      if (faults.length > 0) {
        const shown = faults.slice(0, 20).join('\n  ');
        const more = faults.length > 20 ? `\n  … and ${faults.length - 20} more` : '';
        throw new ImportRefusedError(
          `${faults.length} of the ${named.length} evidence files the ward's records name are missing or damaged in ${files.from ?? '(no files folder given)'}:\n  ${shown}${more}\nNothing was imported. Give the ward's files folder with --files (its FILES_DIR, else DATA_DIR/files).`,
        );
      }
      const found = await registry.find(slug);
      const name = (file.prepare('SELECT name FROM ward_profile ORDER BY id LIMIT 1').get() as { name: string } | undefined)?.name ?? slug;
      const locality = found ?? (await registry.add({ slug, name, kind }, now));
      const engine = await stores.engineOf(slug);

      const tables = (file.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`).all() as Array<{ name: string }>)
        .map((r) => r.name)
        .filter((t) => !NOT_COPIED(t));
      const ordered = inDependencyOrder(file, tables);
      // The files before the rows that name them: a crash in between leaves files nobody names yet, never a record without its file.
      const fileCount = copyWardFiles(named, files.from, files.to);
      const counts: TableCount[] = [];
      await engine.transaction(async (tx) => {
        for (const table of ordered) {
          const columns = file.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as Column[];
          if (!columns.some((c) => c.pk > 0)) throw new Error(`table ${table} has no primary key, so its rows cannot be written exactly once`);
          const before = await count(tx, table);
          const select = file.prepare(`SELECT ${columns.map((c) => `"${c.name}"`).join(', ')} FROM "${table}" ORDER BY rowid`).raw(true);
          let batch: unknown[][] = [];
          for (const row of select.iterate() as Iterable<unknown[]>) {
            batch.push(row);
            if (batch.length === BATCH) {
              await tx.run(upsert(table, columns, batch));
              batch = [];
            }
          }
          if (batch.length > 0) await tx.run(upsert(table, columns, batch));
          counts.push({ table, source: Number((file.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n), target: 0, added: 0 - before });
        }
        // The samples the ward removed go too, children first.
        for (const table of [...ordered].reverse().filter((t) => SEEDED.includes(t))) {
          const keys = (file.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as Column[]).filter((c) => c.pk > 0).map((c) => c.name);
          const kept = file.prepare(`SELECT ${keys.map((k) => `"${k}"`).join(', ')} FROM "${table}"`).raw(true).all() as unknown[][];
          const keyOf = (row: unknown[]) => JSON.stringify(row.map(String));
          const wanted = new Set(kept.map(keyOf));
          const present = await tx.all<Record<string, unknown>>(sql`SELECT ${sql.join(keys.map(ident), sql`, `)} FROM ${ident(table)}`);
          for (const row of present) {
            const values = keys.map((k) => row[k]);
            if (wanted.has(keyOf(values))) continue;
            await tx.run(sql`DELETE FROM ${ident(table)} WHERE ${sql.join(keys.map((k, i) => sql`${ident(k)} = ${values[i]}`), sql` AND `)}`);
          }
        }
        for (const c of counts) {
          c.target = await count(tx, c.table);
          c.added += c.target;
        }
        await advanceIdentities(tx);
      });
      return { locality, created: !found, tables: counts, files: fileCount };
    } finally {
      file.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
