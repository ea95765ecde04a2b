// SQLite's positional `?` placeholders as PostgreSQL's numbered `$1, $2, …`.
// A `?` inside a string literal, a quoted identifier or a comment is text,
// not a placeholder, and stays as it is.

const cache = new Map<string, string>();
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
