// The engine over a city's PostgreSQL database (node-postgres pool). Outside
// a transaction each query takes any free connection; a transaction holds one
// connection from BEGIN to COMMIT, and every query of its async context runs
// there.
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

export function postgresEngine(pool: pg.Pool): Engine {
  const owner = {};
  const onPool = executorOn(pool);
  // Outside a transaction: any connection; inside one (this async context's): its connection.
  const root: Executor = {
    query: (text, params, shape) => (openTransactionOf(owner)?.executor ?? onPool).query(text, params, shape),
    run: (text, params) => (openTransactionOf(owner)?.executor ?? onPool).run(text, params),
  };

  function scoped(executor: Executor, client: pg.PoolClient | null, depth: number): Engine {
    return {
      kind: 'postgres',
      ...queriesOver(executor),
      async transaction(work) {
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
        const own = await pool.connect();
        let broken = false;
        try {
          await own.query('BEGIN');
          try {
            const onOwn = executorOn(own);
            const tx = scoped(onOwn, own, 1);
            const result = await withinTransaction(owner, onOwn, tx, () => work(tx));
            await own.query('COMMIT');
            return result;
          } catch (error) {
            await own.query('ROLLBACK').catch(() => (broken = true));
            throw error;
          }
        } finally {
          // A connection whose ROLLBACK failed is dropped, not reused mid-transaction.
          own.release(broken);
        }
      },
      async close() {
        if (!client) await pool.end();
      },
    };
  }
  return scoped(root, null, 0);
}
