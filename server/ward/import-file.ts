// Reads the table out of an uploaded ward file: an Excel workbook (first
// worksheet, xlsx-table.ts) or UTF-8 CSV with or without a byte-order mark,
// separated by commas, semicolons (Excel with Vietnamese regional settings)
// or tabs. Anything else is refused with a 400 before any rule runs; a table
// past a limit (rows, cells, cell length, unpacked size) with a 413 that
// names it, while it is read.
import { apiError } from '../http/errors.ts';
import { createTableLimits, type TableLimits } from './table-limits.ts';
import { readXlsxTable } from './xlsx-table.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function readTable(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  if (/\.xlsx$/i.test(fileName) || isZip) {
    if (!isZip) throw apiError(400, 'invalid_file', 'This is not an Excel (.xlsx) workbook');
    return readXlsxTable(bytes, createTableLimits());
  }
  if (/\.xls$/i.test(fileName)) throw apiError(400, 'invalid_file', 'Old Excel (.xls) files are not supported; save as .xlsx or CSV');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw apiError(400, 'invalid_file', 'The file is neither UTF-8 text (CSV) nor an Excel workbook');
  }
  if (text.includes('\u0000')) throw apiError(400, 'invalid_file', 'The file is not a text (CSV) file');
  return parseCsv(text.replace(/^\uFEFF/, ''), createTableLimits());
}

/** RFC 4180 with the separator guessed from the header line. */
export function parseCsv(text: string, limits: TableLimits): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = [';', '\t', ','].reduce((best, s) => (firstLine.split(s).length > firstLine.split(best).length ? s : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    limits.cell(cell, () => `row ${rows.length + 1}, column ${row.length + 1}`);
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push(row), (row = []);
      limits.row(rows.length);
    } else cell += ch;
  }
  if (cell !== '' || row.length) endCell(), rows.push(row);
  return rows;
}
