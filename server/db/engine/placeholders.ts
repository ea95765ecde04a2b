// SQLite-dialect text as PostgreSQL takes it: positional `?` placeholders
// become numbered `$1, $2, …` (a `?` inside a string literal, a quoted
// identifier or a comment is text, and stays), and the conflict target
// drizzle's SQLite dialect writes with table-qualified columns
// (`on conflict ("devices"."id", …)`, which PostgreSQL refuses) loses the
// table name.

const cache = new Map<string, string>();
const CONFLICT_TARGET = /on conflict \(((?:"[^"]*"\.)?"[^"]*"(?:, (?:"[^"]*"\.)?"[^"]*")*)\)/gi;
const QUALIFIER = /"[^"]*"\./g;
const CACHE_LIMIT = 2_000;

export function numberedPlaceholders(text: string): string {
  const known = cache.get(text);
  if (known !== undefined) return known;
  let out = '';
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const end = closing(text, i, ch);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop);
      i = stop;
    } else if (ch === '?') {
      out += `$${++n}`;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  out = out.replace(CONFLICT_TARGET, (_, columns: string) => `on conflict (${columns.replace(QUALIFIER, '')})`);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

/** Index just past the quote that closes the one at `start` (a doubled quote is part of the text). */
function closing(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}
