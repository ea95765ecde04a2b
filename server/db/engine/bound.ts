// A built query's parameters bound by name once: each placeholder becomes a
// reader of the named value, passed through the column's encoder where the
// builder gave one (a boolean column's true → 1), so a call costs a lookup
// per parameter and no more.
import { Param, Placeholder } from 'drizzle-orm';

type Bind = (values: Record<string, unknown>) => unknown;

export interface BoundQuery {
  text: string;
  params(values: Record<string, unknown>): unknown[];
}

export function boundQuery(query: { sql: string; params: unknown[] }): BoundQuery {
  const binds = query.params.map((p): Bind => {
    if (p instanceof Placeholder) return (values) => valueOf(values, p.name);
    if (p instanceof Param && p.value instanceof Placeholder) {
      const { encoder } = p;
      const name = p.value.name;
      return encoder ? (values) => encoder.mapToDriverValue(valueOf(values, name)) : (values) => valueOf(values, name);
    }
    return () => p;
  });
  return { text: query.sql, params: (values) => binds.map((bind) => bind(values)) };
}

function valueOf(values: Record<string, unknown>, name: string) {
  if (!(name in values)) throw new Error(`No value for placeholder "${name}" was provided`);
  return values[name];
}
