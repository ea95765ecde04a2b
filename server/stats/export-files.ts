// Exported files of a dashboard view. CSV (the shared writer, server/csv.ts):
// UTF-8 with a byte-order mark, tables one after another under their titles,
// an empty line between them. Excel: one worksheet per table
// (server/files/xlsx-write.ts; server only, never shipped to phones).
import { writeXlsx } from '../files/xlsx-write.ts';
import { CSV_BOM, toCsv } from '../csv.ts';
import type { Cell, ExportTable } from './tables.ts';

/** A date cell in CSV: "2026-12-04" for a day, "2026-12-04 22:19" for a time (Vietnam time). */
const csvCell = (v: Cell): string | number | null => {
  if (!(v instanceof Date)) return v;
  const iso = v.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};

export function tablesToCsv(tables: ExportTable[]): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const t of tables) {
    if (rows.length) rows.push([]);
    rows.push([t.title], t.header, ...t.rows.map((r) => r.map(csvCell)));
  }
  return CSV_BOM + toCsv(rows);
}

/** Excel caps sheet names at 31 characters and forbids a few symbols. */
const sheetName = (title: string) => title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

export async function tablesToXlsx(tables: ExportTable[], meta: { title: string; creator: string }): Promise<Buffer> {
  const width = (t: ExportTable, i: number) =>
    Math.min(40, Math.max(12, ...[t.header[i] ?? '', ...t.rows.map((r) => (r[i] instanceof Date ? 'dd/mm/yyyy hh:mm' : String(r[i] ?? '')))].map((s) => s.length + 2)));
  const sheets = tables.map((t) => ({ name: sheetName(t.title), header: t.header, rows: t.rows, widths: t.header.map((_, i) => width(t, i)) }));
  return writeXlsx(sheets, { ...meta, created: new Date() });
}
