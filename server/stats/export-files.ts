// Exported files of a dashboard view. CSV: UTF-8 with a byte-order mark (so
// Excel opens Vietnamese text correctly), RFC 4180 quoting, tables one after
// another under their titles. Excel: one worksheet per table (exceljs; server
// only, never shipped to phones).
import ExcelJS from 'exceljs';
import type { Cell, ExportTable } from './tables.ts';

const BOM = '\uFEFF';

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  // Quote what CSV needs quoted, and what a spreadsheet would run as a formula.
  const guarded = /^[=+\-@]/.test(s) && typeof v === 'string' && s !== '<5' ? `'${s}` : s;
  return /[",\r\n]/.test(guarded) || guarded !== s ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function tablesToCsv(tables: ExportTable[]): string {
  const lines: string[] = [];
  for (const t of tables) {
    if (lines.length) lines.push('');
    lines.push(csvCell(t.title));
    lines.push(t.header.map(csvCell).join(','));
    for (const row of t.rows) lines.push(row.map(csvCell).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/** Excel caps sheet names at 31 characters and forbids a few symbols. */
const sheetName = (title: string) => title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

export async function tablesToXlsx(tables: ExportTable[], meta: { title: string; creator: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = meta.creator;
  book.title = meta.title;
  book.created = new Date();
  for (const t of tables) {
    const sheet = book.addWorksheet(sheetName(t.title));
    const header = sheet.addRow(t.header);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    for (const row of t.rows) sheet.addRow(row.map((v) => (v === null ? '' : v)));
    sheet.columns.forEach((col, i) => {
      col.width = Math.min(40, Math.max(12, ...[t.header[i] ?? '', ...t.rows.map((r) => String(r[i] ?? ''))].map((s) => s.length + 2)));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
