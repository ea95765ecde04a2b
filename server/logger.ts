// Tiny JSON-lines logger. It only ever writes the fields it is given, so
// callers pass safe fields explicitly: never a request's headers, cookies,
// Authorization, passwords or learner secrets.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
}

/** Keys whose values must never reach a log line, whatever a caller passes. */
const SECRET_KEY = /pass|secret|token|cookie|authorization|hash|recovery/i;
/** A resident's personal details (profile, assisted learner, household),
 * also redacted at any depth: a caller that logs a whole event or body by
 * mistake still leaks nothing. */
const PERSONAL_KEY = /^(display_?name|name|full_?name|birth_?year|gender|phone|phone_?number|email|address|unit|label|profile)$/i;

/** The query builder's errors say "Failed query: … params: <the values>": the values (a learner's id, a secret's digest) never reach a log. */
const QUERY_VALUES = /(\bparams: )[^\n]*/g;
const withoutQueryValues = (text: string) => text.replace(QUERY_VALUES, '$1[redacted]');

function scrubValue(value: unknown, depth: number): unknown {
  // The cause too: the query builder wraps the database's own message ("no such table…") in its own error.
  if (value instanceof Error) return { name: value.name, message: withoutQueryValues(value.message), ...(value.cause === undefined ? {} : { cause: scrubValue(value.cause, depth + 1) }) };
  if (typeof value === 'string') return withoutQueryValues(value); // a stack repeats the message
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[nested]'; // unchecked, so not written
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  return scrub(value as Fields, depth + 1);
}

function scrub(fields: Fields, depth = 0): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = SECRET_KEY.test(key) || PERSONAL_KEY.test(key) ? '[redacted]' : scrubValue(value, depth);
  }
  return out;
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields: Fields = {}) => {
    if (RANK[lvl] < RANK[level]) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...scrub(fields) })}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = createLogger('silent');
