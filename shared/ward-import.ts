// Importing residential groups from a file the ward office already keeps
// (CSV or Excel): the request and answer shapes, and the pure rules that
// turn a table of cells into groups or into row-level errors. The server
// parses the file and applies the result in one transaction, all or nothing.
import { GROUP_ID_PATTERN } from './events/patterns.ts';
import { MAX_IMPORT_ROWS } from './ward-import-limits.ts';
import { z } from 'zod';

export { MAX_IMPORT_BYTES, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES } from './ward-import-limits.ts';

export const wardImportRequestSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  /** The file's bytes, base64 (JSON bodies keep the CSRF guard simple). Size
   * is checked after decoding (413); the request body limit caps the rest. */
  contentBase64: z.string().min(1).regex(/^[A-Za-z0-9+/=\s]+$/, 'must be base64'),
  /** Only check and preview; change nothing. */
  dryRun: z.boolean().default(false),
});
export type WardImportRequest = z.input<typeof wardImportRequestSchema>;

export type ImportField = 'id' | 'name' | 'adultPopulation' | 'households';

export interface ImportRowError {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column's title as written in the file, or the field's name when the column is missing. */
  column: string;
  message: string;
}

export interface ImportedGroup {
  id: string;
  name: string;
  adultPopulation: number | null;
  households: number | null;
  action: 'add' | 'update' | 'unchanged';
}

export interface WardImportResult {
  dryRun: boolean;
  groups: ImportedGroup[];
  /** Groups already in the profile that the file does not mention: kept as they are. */
  kept: string[];
  /** Columns of the file that were not understood (ignored). */
  ignoredColumns: string[];
}

/** Lower case, no Vietnamese diacritics, single spaces: "Số hộ" → "so ho". */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const ALIASES: Record<ImportField, string[]> = {
  id: ['ma to', 'ma', 'ma to dan pho', 'ma so', 'id', 'code', 'group id', 'group code'],
  name: ['ten to dan pho', 'ten to', 'ten', 'to dan pho', 'name', 'group', 'group name', 'residential group'],
  adultPopulation: ['dan so truong thanh', 'so nguoi truong thanh', 'dan so tu 18 tuoi', 'dan so tu 18 tuoi tro len', 'dan so', 'adult population', 'adults', 'population'],
  households: ['so ho', 'so ho gia dinh', 'ho gia dinh', 'ho', 'households', 'number of households'],
};

export function fieldOfHeader(header: string): ImportField | null {
  const h = normalizeHeader(header);
  for (const [field, names] of Object.entries(ALIASES) as Array<[ImportField, string[]]>) if (names.includes(h)) return field;
  return null;
}

/** "to-dan-pho-1" from "Tổ dân phố 1": an id for a group the file gives no code for. */
export function slugOf(name: string): string {
  return normalizeHeader(name).replace(/ /g, '-').slice(0, 40).replace(/-+$/, '');
}

/** Whole numbers as offices write them: "1234", "1.234", "1,234", "1 234". */
export function parseCount(raw: string): number | null | 'invalid' {
  const s = raw.trim();
  if (s === '') return null;
  if (/^\d+$/.test(s) || /^\d{1,3}([., \u00a0]\d{3})+$/.test(s)) {
    const n = Number(s.replace(/[., \u00a0]/g, ''));
    return n <= 1_000_000 ? n : 'invalid';
  }
  return 'invalid';
}

export interface ParsedGroups {
  groups: Array<Omit<ImportedGroup, 'action'>>;
  errors: ImportRowError[];
  ignoredColumns: string[];
}

/**
 * Checks every row of a table whose first row is the header. Rows that are
 * entirely empty are skipped. `existing` resolves a group named in a file
 * without codes to the id it already has.
 */
export function parseGroupTable(table: string[][], existing: ReadonlyArray<{ id: string; name: string }>): ParsedGroups {
  const errors: ImportRowError[] = [];
  const [header = [], ...rows] = table;
  const columns = new Map<ImportField, number>();
  const ignoredColumns: string[] = [];
  header.forEach((h, i) => {
    const field = fieldOfHeader(h);
    if (field && !columns.has(field)) columns.set(field, i);
    else if (h.trim()) ignoredColumns.push(h.trim());
  });
  if (!columns.has('name')) {
    errors.push({ row: 1, column: 'Tên tổ dân phố', message: 'Không thấy cột tên tổ dân phố (ví dụ "Tên tổ dân phố" hoặc "Name") ở dòng đầu' });
    return { groups: [], errors, ignoredColumns };
  }
  const title = (f: ImportField) => header[columns.get(f)!]?.trim() ?? f;
  const cell = (row: string[], f: ImportField) => (columns.has(f) ? (row[columns.get(f)!] ?? '').trim() : '');
  const byName = new Map(existing.map((g) => [normalizeHeader(g.name), g.id]));
  const seen = new Map<string, number>();
  const groups: ParsedGroups['groups'] = [];
  rows.forEach((row, i) => {
    const rowNo = i + 2;
    if (row.every((c) => c.trim() === '')) return;
    const fail = (f: ImportField, message: string) => errors.push({ row: rowNo, column: title(f), message });
    const name = cell(row, 'name');
    if (!name) fail('name', 'Thiếu tên tổ dân phố');
    else if (name.length > 120) fail('name', 'Tên dài quá 120 ký tự');
    let id = cell(row, 'id').toLowerCase();
    if (id && !GROUP_ID_PATTERN.test(id)) {
      fail('id', `Mã "${cell(row, 'id')}" chỉ được gồm chữ không dấu, số và dấu gạch ngang (tối đa 40 ký tự)`);
      id = '';
    } else if (!id && name) {
      id = byName.get(normalizeHeader(name)) ?? slugOf(name);
      if (!id) fail('name', 'Không tạo được mã từ tên này; hãy thêm cột "Mã tổ"');
    }
    if (id && seen.has(id)) fail(columns.has('id') ? 'id' : 'name', `Trùng với dòng ${seen.get(id)}`);
    const counts: Record<'adultPopulation' | 'households', number | null> = { adultPopulation: null, households: null };
    for (const f of ['adultPopulation', 'households'] as const) {
      const parsed = parseCount(cell(row, f));
      if (parsed === 'invalid') fail(f, `"${cell(row, f)}" không phải số nguyên từ 0 đến 1.000.000`);
      else counts[f] = parsed;
    }
    if (id && !seen.has(id)) seen.set(id, rowNo);
    if (name && id) groups.push({ id, name, ...counts });
  });
  if (rows.length > MAX_IMPORT_ROWS) errors.push({ row: MAX_IMPORT_ROWS + 2, column: '', message: `Tệp có quá ${MAX_IMPORT_ROWS} dòng` });
  if (errors.length === 0 && groups.length === 0) errors.push({ row: 2, column: title('name'), message: 'Tệp không có dòng dữ liệu nào' });
  return { groups, errors, ignoredColumns };
}
