// Reads the table out of an uploaded ward file: an Excel workbook (first
// worksheet, read with exceljs) or UTF-8 CSV with or without a byte-order
// mark, separated by commas, semicolons (Excel with Vietnamese regional
// settings) or tabs. Anything else is refused with a 400 before any rule runs.
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS } from '../../shared/ward-import.ts';
import { apiError } from '../http/errors.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function readTable(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  if (/\.xlsx$/i.test(fileName) || isZip) {
    if (!isZip) throw apiError(400, 'invalid_file', 'This is not an Excel (.xlsx) workbook');
    return readXlsx(bytes);
  }
  if (/\.xls$/i.test(fileName)) throw apiError(400, 'invalid_file', 'Old Excel (.xls) files are not supported; save as .xlsx or CSV');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw apiError(400, 'invalid_file', 'The file is neither UTF-8 text (CSV) nor an Excel workbook');
  }
  if (text.includes('\u0000')) throw apiError(400, 'invalid_file', 'The file is not a text (CSV) file');
  return parseCsv(text.replace(/^\uFEFF/, ''));
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw apiError(400, 'invalid_file', 'The Excel workbook could not be read');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw apiError(400, 'invalid_file', 'The Excel workbook has no worksheet');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) throw apiError(400, 'invalid_file', `The worksheet has more than ${MAX_IMPORT_ROWS} rows`);
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 50); c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  }
  return table;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((p) => p.text).join('');
  if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return '';
}

/** RFC 4180 with the separator guessed from the header line. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = [';', '\t', ','].reduce((best, s) => (firstLine.split(s).length > firstLine.split(best).length ? s : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
      if (rows.length > MAX_IMPORT_ROWS + 1) throw apiError(400, 'invalid_file', `The file has more than ${MAX_IMPORT_ROWS} rows`);
    } else cell += ch;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}
