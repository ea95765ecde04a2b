// The one CSV writer of every export (the dashboard's tables, the team
// report): RFC 4180 fields and CRLF lines, and one rule against formula
// injection. A text cell that a spreadsheet would run as a formula (it starts
// with = + - @, or with a tab or carriage return, which some programs drop
// before they look for a formula) gets a leading apostrophe and quotes, so it
// shows as the text it is. Numbers are written as numbers: a negative figure
// is a value, not a formula.

/** Spreadsheets take a file with this mark as UTF-8, so Vietnamese text survives. */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return text !== cell || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text, each line ended by CRLF; an empty row is an empty line. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
