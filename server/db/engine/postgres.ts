// The engine over a city's PostgreSQL database (node-postgres pool). Outside
// a transaction each query takes any free connection; a transaction holds one
// connection from BEGIN to COMMIT, and every query of its async context runs
// there. An engine may be bound to one schema (a locality's, see
// ../pg/locality-schema.ts): every connection it takes has that schema as its
// search_path, so its queries, written without a schema, reach that
// locality's tables and no other's. Engines of several schemas share one pool.
// With a read pool (a streaming replica, DATABASE_READ_URL), a read-only
// transaction at the top (a report's reads) runs there; everything else, and
// a read-only transaction inside another, runs on the primary's pool.
import type pg from 'pg';
import { numberedPlaceholders } from './placeholders.ts';
import { openTransactionOf, queriesOver, withinTransaction, type Engine, type Executor, type RowShape } from './engine.ts';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

function executorOn(target: Queryable): Executor {
  return {
    async query(text, params, shape: RowShape) {
      const config = { text: numberedPlaceholders(text), values: params };
      return shape === 'arrays' ? (await target.query({ ...config, rowMode: 'array' })).rows : (await target.query(config)).rows;
    },
    async run(text, params) {
      const result = await target.query(numberedPlaceholders(text), params);
      return { changes: result.rowCount ?? 0 };
    },
  };
}

/** The schema each pooled connection was last set to (absent: the server's default search_path). */
const searchPathOf = new WeakMap<pg.PoolClient, string>();

/** A double-quoted identifier. */
export const quotedName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A connection from the pool whose search_path is `schema` (undefined: the default); one SET only when it changes. */
async function connectTo(pool: pg.Pool, schema: string | undefined): Promise<pg.PoolClient> {
  const client = await pool.connect();
  if (searchPathOf.get(client) === schema) return client;
  try {
    await client.query(schema === undefined ? 'RESET search_path' : `SET search_path TO ${quotedName(schema)}`);
  } catch (error) {
    client.release(true);
    throw error;
  }
  if (schema === undefined) searchPathOf.delete(client);
  else searchPathOf.set(client, schema);
  return client;
}

/** One statement on a connection of `schema`, given back to the pool after it. */
function executorOnSchema(pool: pg.Pool, schema: string | undefined): Executor {
  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await connectTo(pool, schema);
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  return {
    query: (text, params, shape) => withClient((client) => executorOn(client).query(text, params, shape)),
    run: (text, params) => withClient((client) => executorOn(client).run(text, params)),
  };
}

export interface PostgresEngineOptions {
  /** The schema this engine's queries reach (a locality's); default: the server's search_path. */
  schema?: string;
  /** The pool serves other engines too (one per locality): close() leaves it open for them. */
  sharedPool?: boolean;
  /** A replica's pool for top-level read-only transactions (closed with the engine unless sharedPool). */
  readPool?: pg.Pool;
  /** The replica could not be reached: the transaction ran on the primary instead (for the log). */
  onReadFallback?: (error: Error) => void;
}

/** A connection of `schema` with BEGIN sent; a connection BEGIN failed on is dropped. */
async function begun(pool: pg.Pool, schema: string | undefined, begin: string): Promise<pg.PoolClient> {
  const client = await connectTo(pool, schema);
  try {
    await client.query(begin);
  } catch (error) {
    client.release(true);
    throw error;
  }
  return client;
}

export function postgresEngine(pool: pg.Pool, { schema, sharedPool = false, readPool, onReadFallback }: PostgresEngineOptions = {}): Engine {
  const owner = {};
  /**
   * A report's reads go to the replica when there is one. A replica that
   * cannot be reached (stopped, restarting, its connection gone) does not
   * stop the dashboard: the reads run on the primary, which holds the same
   * data and newer, and the operator is told. Only reaching it falls back:
   * an error in the reads themselves is the request's error, as on the primary.
   */
  const beginReading = async (begin: string): Promise<pg.PoolClient> => {
    if (!readPool) return begun(pool, schema, begin);
    try {
      return await begun(readPool, schema, begin);
    } catch (error) {
      onReadFallback?.(error as Error);
      return begun(pool, schema, begin);
    }
  };
  const onPool = executorOnSchema(pool, schema);
  // Outside a transaction: any connection; inside one (this async context's): its connection.
  const root: Executor = {
    query: (text, params, shape) => (openTransactionOf(owner)?.executor ?? onPool).query(text, params, shape),
    run: (text, params) => (openTransactionOf(owner)?.executor ?? onPool).run(text, params),
  };

  function scoped(executor: Executor, client: pg.PoolClient | null, depth: number): Engine {
    return {
      kind: 'postgres',
      ...queriesOver(executor),
      async transaction(work, options) {
        const open = client ? undefined : openTransactionOf(owner);
        if (open) return open.tx.transaction(work);
        if (client) {
          const name = `sp${depth}`;
          await client.query(`SAVEPOINT ${name}`);
          try {
            const result = await work(scoped(executor, client, depth + 1));
            await client.query(`RELEASE SAVEPOINT ${name}`);
            return result;
          } catch (error) {
            await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
            throw error;
          }
        }
        const own = options?.readOnly ? await beginReading('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY') : await begun(pool, schema, 'BEGIN');
        let broken = false;
        try {
          const onOwn = executorOn(own);
          const tx = scoped(onOwn, own, 1);
          const result = await withinTransaction(owner, onOwn, tx, () => work(tx));
          await own.query('COMMIT');
          return result;
        } catch (error) {
          await own.query('ROLLBACK').catch(() => (broken = true));
          throw error;
        } finally {
          // A connection whose ROLLBACK failed is dropped, not reused mid-transaction.
          own.release(broken);
        }
      },
      async close() {
        if (!client && !sharedPool) await Promise.all([pool.end(), readPool?.end()]);
      },
    };
  }
  return scoped(root, null, 0);
}
