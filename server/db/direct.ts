// Statements built with drizzle (typed, named placeholders) but bound
// directly on better-sqlite3. Drizzle's prepared run() classifies every
// parameter again on each call (`is(p, Placeholder)` walks the prototype
// chain), which on the sync path, several statements per record, was a
// measurable share of the ingest. Here that is done once, at prepare time;
// each call reads the named values in order and encodes them with the same
// column encoders drizzle uses. Only for hot statements: everything else
// keeps drizzle's own run().
import type { Query } from 'drizzle-orm';
import { boundQuery } from './engine/bound.ts';
import type { RunResult } from 'better-sqlite3';
import type { Sqlite } from './open.ts';

/** `run(values)` for a prepared drizzle write (`db.insert(…).values(placeholders(…)).prepare()`). */
export function directRun<V extends Record<string, unknown>>(sqlite: Sqlite, prepared: { getQuery(): Query }): (values: V) => RunResult {
  const query = boundQuery(prepared.getQuery());
  const stmt = sqlite.prepare(query.text);
  return (values) => stmt.run(...query.params(values));
}

/** The first column of the first row (or undefined) of a prepared drizzle select of one field. */
export function directValue<T>(sqlite: Sqlite, prepared: { getQuery(): Query }): (values: Record<string, unknown>) => T | undefined {
  const query = boundQuery(prepared.getQuery());
  const stmt = sqlite.prepare(query.text).pluck();
  return (values) => stmt.get(...query.params(values)) as T | undefined;
}
