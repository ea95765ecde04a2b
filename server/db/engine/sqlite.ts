// The engine over the ward's SQLite file (better-sqlite3). SQLite has one
// writer and better-sqlite3 runs each statement synchronously, so a
// transaction is a lock in this process: while one is open, every query of
// the engine from outside it waits (on the same connection it would run
// inside it), and transactions run one after another.
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../open.ts';
import { openTransactionOf, queriesOver, withinTransaction, type Engine, type Executor, type RowShape } from './engine.ts';

/** Statements prepared once per text; SQLite keeps a compiled program per statement. */
function statementCache(sqlite: Sqlite) {
  const cache = new Map<string, Statement>();
  return (text: string) => {
    let stmt = cache.get(text);
    if (!stmt) {
      stmt = sqlite.prepare(text);
      cache.set(text, stmt);
    }
    return stmt;
  };
}

function directExecutor(sqlite: Sqlite): Executor {
  const prepare = statementCache(sqlite);
  return {
    async query(text, params, shape: RowShape) {
      const stmt = prepare(text);
      return stmt.reader ? (stmt.raw(shape === 'arrays').all(...params) as unknown[]) : (stmt.run(...params), []);
    },
    async run(text, params) {
      const stmt = prepare(text);
      return { changes: stmt.run(...params).changes };
    },
  };
}

/** A queue of one: `hold()` resolves when every earlier holder has released. */
function writerLock() {
  let tail: Promise<void> = Promise.resolve();
  let held = 0;
  return {
    get held() {
      return held > 0;
    },
    /** Resolves once no transaction is open. */
    idle: () => tail,
    async hold(): Promise<() => void> {
      let release!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => (release = resolve));
      held++;
      await previous;
      return () => {
        held--;
        release();
      };
    },
  };
}

const engines = new WeakMap<Sqlite, Engine>();

/** The one engine of a connection: two would each hold their own lock, and a query of one could run inside the other's transaction. */
export function engineOfSqlite(sqlite: Sqlite): Engine {
  let engine = engines.get(sqlite);
  if (!engine) {
    engine = sqliteEngine(sqlite);
    engines.set(sqlite, engine);
  }
  return engine;
}

function sqliteEngine(sqlite: Sqlite): Engine {
  const direct = directExecutor(sqlite);
  const lock = writerLock();
  const owner = {};
  // A query from outside any transaction waits for the open one to finish; one from inside it runs at once.
  const root: Executor = {
    async query(text, params, shape) {
      if (!openTransactionOf(owner)) while (lock.held) await lock.idle();
      return direct.query(text, params, shape);
    },
    async run(text, params) {
      if (!openTransactionOf(owner)) while (lock.held) await lock.idle();
      return direct.run(text, params);
    },
  };

  function scoped(executor: Executor, depth: number): Engine {
    const engine: Engine = {
      kind: 'sqlite',
      ...queriesOver(executor),
      async transaction(work, options) {
        const open = depth === 0 ? openTransactionOf(owner) : undefined;
        if (open) return open.tx.transaction(work);
        if (depth > 0) return savepoint(depth, () => work(scoped(direct, depth + 1)));
        const release = await lock.hold();
        try {
          // Reads only: no write lock on the file (a deferred BEGIN); this process's writers still wait their turn.
          sqlite.exec(options?.readOnly ? 'BEGIN' : 'BEGIN IMMEDIATE');
          try {
            const tx = scoped(direct, 1);
            const result = await withinTransaction(owner, direct, tx, () => work(tx));
            sqlite.exec('COMMIT');
            return result;
          } catch (error) {
            if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
            throw error;
          }
        } finally {
          release();
        }
      },
      async close() {
        await lock.idle();
        sqlite.close();
      },
    };
    return engine;
  }

  async function savepoint<T>(depth: number, work: () => Promise<T>): Promise<T> {
    const name = `sp${depth}`;
    sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      sqlite.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      sqlite.exec(`ROLLBACK TO ${name}`);
      sqlite.exec(`RELEASE ${name}`);
      throw error;
    }
  }

  return scoped(root, 0);
}
