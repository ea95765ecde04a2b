// Statements built with drizzle (typed, named placeholders) but bound
// directly on better-sqlite3. Drizzle's prepared run() classifies every
// parameter again on each call (`is(p, Placeholder)` walks the prototype
// chain), which on the sync path, several statements per record, was a
// measurable share of the ingest. Here that is done once, at prepare time;
// each call reads the named values in order and encodes them with the same
// column encoders drizzle uses. Only for hot statements: everything else
// keeps drizzle's own run().
import { Param, Placeholder, type Query } from 'drizzle-orm';
import type { RunResult } from 'better-sqlite3';
import type { Sqlite } from './open.ts';

type Bind = (values: Record<string, unknown>) => unknown;

function binder(query: Query): Bind[] {
  return query.params.map((p): Bind => {
    if (p instanceof Placeholder) return (values) => valueOf(values, p.name);
    if (p instanceof Param && p.value instanceof Placeholder) {
      const { encoder } = p;
      const name = p.value.name;
      return encoder ? (values) => encoder.mapToDriverValue(valueOf(values, name)) : (values) => valueOf(values, name);
    }
    return () => p;
  });
}

function valueOf(values: Record<string, unknown>, name: string) {
  if (!(name in values)) throw new Error(`No value for placeholder "${name}" was provided`);
  return values[name];
}

/** `run(values)` for a prepared drizzle write (`db.insert(…).values(placeholders(…)).prepare()`). */
export function directRun<V extends Record<string, unknown>>(sqlite: Sqlite, prepared: { getQuery(): Query }): (values: V) => RunResult {
  const query = prepared.getQuery();
  const stmt = sqlite.prepare(query.sql);
  const binds = binder(query);
  return (values) => stmt.run(...binds.map((bind) => bind(values)));
}

/** The first column of the first row (or undefined) of a prepared drizzle select of one field. */
export function directValue<T>(sqlite: Sqlite, prepared: { getQuery(): Query }): (values: Record<string, unknown>) => T | undefined {
  const query = prepared.getQuery();
  const stmt = sqlite.prepare(query.sql).pluck();
  const binds = binder(query);
  return (values) => stmt.get(...binds.map((bind) => bind(values))) as T | undefined;
}
