// One way to reach the data on either engine. The code above builds its
// queries once, in SQLite's dialect (drizzle's query builder, or `sql`
// templates for hand-written SQL), and awaits them; the engine runs them on
// the ward's SQLite file or on a city's PostgreSQL database. The PostgreSQL
// tables are generated from the SQLite schema with the same names, columns
// and JS types (../pg/schema.generated.ts), which is what lets one dialect's
// SQL serve both: only the placeholders differ (`?` against `$1`), and the
// few spellings that differ are written out by the caller (see docs/scaling.md).
import { AsyncLocalStorage } from 'node:async_hooks';
import { drizzle, type SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { SQL } from 'drizzle-orm';
import { boundQuery, type BoundQuery } from './bound.ts';

/** A statement built once with drizzle's builder and named placeholders (`sql.placeholder`). */
export type Prepared = BoundQuery;

/**
 * Builds a statement once, for every engine: `prepared((b) => b.insert(t).values(placeholders(…)))`.
 * Drizzle's builder classifies every parameter again on each call; here that
 * is done once, and each call only reads the named values in order.
 */
export function prepared(build: (builder: AsyncDb) => { getSQL(): SQL } | { toSQL(): { sql: string; params: unknown[] } }): Prepared {
  const built = build(statementBuilder);
  return boundQuery('toSQL' in built ? built.toSQL() : render(built.getSQL()));
}

export type EngineKind = 'sqlite' | 'postgres';

/** drizzle's query builder in SQLite's dialect; every query is awaited, on either engine. */
export type AsyncDb = SqliteRemoteDatabase;

export interface RunResult {
  /** Rows the statement inserted, updated or deleted (an insert that met ON CONFLICT DO NOTHING: 0). */
  changes: number;
}

export interface TransactionOptions {
  /** Only reads: one snapshot for all of them (see Engine.transaction). */
  readOnly?: boolean;
}

export interface Engine {
  readonly kind: EngineKind;
  readonly db: AsyncDb;
  /** Every row of a hand-written query, as objects keyed by the column names it selects. */
  all<T>(query: SQL): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(query: SQL): Promise<T | undefined>;
  run(query: SQL): Promise<RunResult>;
  /** A statement prepared once (`prepared()`), with its values: for the writes of every synced record. */
  runPrepared(statement: Prepared, values: Record<string, unknown>): Promise<RunResult>;
  /** The first column of the first row of a prepared select of one field, or undefined. */
  valuePrepared<T>(statement: Prepared, values: Record<string, unknown>): Promise<T | undefined>;
  /**
   * Runs `work` in one transaction on one connection and commits when it
   * resolves (rolls back when it throws). Everything `work` awaits that
   * queries this engine runs in the transaction: through `tx`, or through the
   * engine itself and statements prepared on `engine.db`, which find the
   * open transaction of their async context (so code deep down needs no `tx`
   * handed to it). A transaction inside one is a savepoint.
   *
   * `readOnly`: a report's several reads, which must agree with each other.
   * On PostgreSQL they then share one snapshot (REPEATABLE READ READ ONLY;
   * a plain BEGIN gives each statement its own); on SQLite the one writer's
   * turn already keeps every other write out. Inside another transaction the
   * reads simply join it.
   */
  transaction<T>(work: (tx: Engine) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** The open transaction of the current async context, per engine. */
const openTransactions = new AsyncLocalStorage<{ owner: object; executor: Executor; tx: Engine; ended?: boolean }>();

/** The transaction `owner` has open in this async context, if any. */
export function openTransactionOf(owner: object): { executor: Executor; tx: Engine } | undefined {
  const open = openTransactions.getStore();
  // A callback a transaction scheduled may run after it ended: it is outside it then.
  return open?.owner === owner && !open.ended ? open : undefined;
}

/** Transactions open now, on every engine of this process. */
let open = 0;

/**
 * Runs `work` with `tx` as `owner`'s open transaction in its async context.
 * Following the context costs a hook on every promise the process makes
 * (Node 20), so it is switched on only while a transaction is open: on
 * SQLite that is the short span of a group commit, not every request.
 */
export async function withinTransaction<T>(owner: object, executor: Executor, tx: Engine, work: () => Promise<T>): Promise<T> {
  const store: { owner: object; executor: Executor; tx: Engine; ended?: boolean } = { owner, executor, tx };
  open++;
  try {
    return await openTransactions.run(store, work);
  } finally {
    store.ended = true;
    // With none open, no context holds a transaction to find.
    if (--open === 0) openTransactions.disable();
  }
}

/** How a statement's rows come back: arrays for drizzle's builder (it maps them by position), objects for hand-written SQL. */
export type RowShape = 'arrays' | 'objects';

/** Runs one statement on one connection (or the engine's pool). */
export interface Executor {
  query(text: string, params: unknown[], shape: RowShape): Promise<unknown[]>;
  run(text: string, params: unknown[]): Promise<RunResult>;
}

/** Rows a builder's write changed: `await changed(db.insert(t).values(v).onConflictDoNothing())`. */
export async function changed(query: { run(): Promise<unknown> }): Promise<number> {
  return ((await query.run()) as RunResult).changes;
}

const dialect = new SQLiteAsyncDialect();

/** A `sql` template as SQLite-dialect text and its parameters. */
export function render(query: SQL): { sql: string; params: unknown[] } {
  return dialect.sqlToQuery(query);
}

/** drizzle's builder over an executor: the proxy driver hands each built query to it. */
export function builderOver(executor: Executor): AsyncDb {
  return drizzle(async (text, params, method) => {
    if (method === 'run') return { rows: [], ...(await executor.run(text, params)) };
    const rows = await executor.query(text, params, 'arrays');
    // 'get' hands drizzle the one row itself (its values), not a list.
    return { rows: (method === 'get' ? rows[0] : rows) as unknown[] };
  });
}

/** Builds statements only (prepared()); running one of its queries is a mistake. */
const statementBuilder = builderOver({
  query: () => Promise.reject(new Error('statementBuilder only builds statements')),
  run: () => Promise.reject(new Error('statementBuilder only builds statements')),
});

/** The read and write half every engine shares, over its executor. */
export function queriesOver(executor: Executor): Pick<Engine, 'db' | 'all' | 'get' | 'run' | 'runPrepared' | 'valuePrepared'> {
  return {
    runPrepared: (statement, values) => executor.run(statement.text, statement.params(values)),
    async valuePrepared<T>(statement: Prepared, values: Record<string, unknown>) {
      const [row] = (await executor.query(statement.text, statement.params(values), 'arrays')) as unknown[][];
      return row?.[0] as T | undefined;
    },
    db: builderOver(executor),
    async all<T>(query: SQL) {
      const { sql, params } = render(query);
      return (await executor.query(sql, params, 'objects')) as T[];
    },
    async get<T>(query: SQL) {
      const { sql, params } = render(query);
      return (await executor.query(sql, params, 'objects'))[0] as T | undefined;
    },
    async run(query: SQL) {
      const { sql, params } = render(query);
      return executor.run(sql, params);
    },
  };
}
