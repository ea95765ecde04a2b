// The first worksheet of an Excel (.xlsx) workbook as a table of cell texts,
// read within fixed bounds. A workbook is a zip of XML parts: the zip's
// directory is checked before anything is unpacked (entry count, declared
// sizes), only the parts needed are unpacked (workbook, its relationships,
// shared strings, the first sheet) under one byte budget that a lying header
// cannot pass, and rows, cells and cell lengths are counted as the sheet is
// read (table-limits.ts). The parts are read with a few patterns rather than
// a full XML parser: SpreadsheetML cells are flat, the tags are found in one
// linear pass, and only ever in text the budget already bounded.
import { MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES } from '../../shared/ward-import.ts';
import { readZipDirectory, unzipEntry, ZipRefused, type ZipEntry } from '../files/zip.ts';
import { apiError } from '../http/errors.ts';
import { MAX_IMPORT_COLUMNS, type TableLimits } from './table-limits.ts';

const invalid = (message: string) => apiError(400, 'invalid_file', message);

function refusal(err: ZipRefused) {
  if (err.reason === 'too_many_entries') return apiError(413, 'too_many_files', `The workbook is not an ordinary Excel file: ${err.message}`);
  if (err.reason === 'too_large') return apiError(413, 'unpacked_too_large', `The workbook unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB (${err.message})`);
  return invalid(`The Excel workbook could not be read: ${err.message}`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? all;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attributes(tag: string): Record<string, string> {
  if (tag.length > 4096) throw invalid('The Excel workbook has a tag too long to be an ordinary file');
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1].replace(/^[\w.-]+:/, '')] = unescapeXml(m[2] ?? m[3]);
  return out;
}

/** "BC12" → 55 (1-based column number). */
function columnNumber(ref: string): number {
  const letters = /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Parts of the workbook, unpacked under one shared byte budget. */
function partReader(bytes: Uint8Array) {
  let entries: Map<string, ZipEntry>;
  try {
    entries = readZipDirectory(bytes, MAX_XLSX_ENTRIES);
  } catch (err) {
    throw err instanceof ZipRefused ? refusal(err) : err;
  }
  let budget = MAX_XLSX_UNPACKED_BYTES;
  return {
    has: (name: string) => entries.has(name),
    read(name: string): string {
      const entry = entries.get(name);
      if (!entry) throw invalid(`The Excel workbook has no ${name}`);
      try {
        const out = unzipEntry(bytes, entry, budget);
        budget -= out.length;
        return new TextDecoder().decode(out);
      } catch (err) {
        throw err instanceof ZipRefused ? refusal(err) : err;
      }
    },
  };
}

/** The attributes of every opening tag with this name. */
function tagAttributes(xml: string, tagName: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  scanTags(xml, (name, closing, _self, attrs) => {
    if (name === tagName && !closing) out.push(attributes(attrs));
  });
  return out;
}

/** A relationship target is relative to the xl/ folder unless it starts with "/". */
const partName = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/[^/]+\/\.\.\//g, '');

export function readXlsxTable(bytes: Uint8Array, limits: TableLimits): string[][] {
  const parts = partReader(bytes);
  const sheets = tagAttributes(parts.read('xl/workbook.xml'), 'sheet');
  if (!sheets.length) throw invalid('The Excel workbook has no worksheet');
  const sheetRel = sheets[0].id;
  const rels = tagAttributes(parts.read('xl/_rels/workbook.xml.rels'), 'Relationship');
  const sheetTarget = rels.find((r) => r.Id === sheetRel)?.Target;
  if (!sheetTarget) throw invalid('The Excel workbook does not say where its first worksheet is');
  const stringsTarget = rels.find((r) => r.Type?.endsWith('/sharedStrings'))?.Target;
  const stringsPart = stringsTarget ? partName(stringsTarget) : 'xl/sharedStrings.xml';
  const shared = parts.has(stringsPart) ? readSharedStrings(parts.read(stringsPart)) : [];
  return readSheet(parts.read(partName(sheetTarget)), shared, limits);
}

/** Every tag in order, in one pass with indexOf: each character is looked at
 * a bounded number of times, so no file (unclosed tags, runs of "<") costs
 * more than linear time. Comments and declarations are skipped. */
function scanTags(xml: string, onTag: (name: string, closing: boolean, selfClosing: boolean, attrs: string, start: number, end: number) => void) {
  let close = -1;
  for (let i = xml.indexOf('<'); i >= 0; ) {
    const next = xml.indexOf('<', i + 1);
    if (close < i) close = xml.indexOf('>', i);
    if (close < 0) return;
    if (next >= 0 && next < close) {
      i = next;
      continue;
    }
    const body = xml.slice(i + 1, close);
    const m = /^(\/?)(?:[\w.-]+:)?([\w.-]+)/.exec(body);
    if (m) {
      const selfClosing = body.endsWith('/');
      onTag(m[2], m[1] === '/', selfClosing, body.slice(m[0].length, selfClosing ? -1 : undefined), i, close + 1);
    }
    i = next;
  }
}

/** Text of <t> elements (not inside a phonetic run) and of <v> elements, by element, for one item at a time. */
function textCollector(xml: string) {
  let t = '';
  let v: string | undefined;
  let from = -1;
  let phonetic = false;
  return {
    reset: () => ((t = ''), (v = undefined)),
    get t() {
      return t;
    },
    get v() {
      return v;
    },
    tag(name: string, closing: boolean, selfClosing: boolean, start: number, end: number) {
      if (name === 'rPh') phonetic = !closing && !selfClosing;
      else if ((name === 't' || name === 'v') && !selfClosing) {
        if (!closing) from = end;
        else if (from >= 0) {
          const text = unescapeXml(xml.slice(from, start));
          if (name === 'v') v = text;
          else if (!phonetic) t += text;
          from = -1;
        }
      }
    },
  };
}

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const text = textCollector(xml);
  scanTags(xml, (name, closing, selfClosing, _attrs, start, end) => {
    if (name === 'si') {
      if (selfClosing) out.push('');
      else if (!closing) text.reset();
      else out.push(text.t);
    } else text.tag(name, closing, selfClosing, start, end);
  });
  return out;
}

function cellText(type: string | undefined, t: string, value: string | undefined, shared: string[]): string {
  switch (type) {
    case 'inlineStr':
      return t;
    case 's':
      return shared[Number(value)] ?? '';
    case 'b':
      return value === undefined ? '' : value === '1' ? 'true' : 'false';
    case 'e':
      return '';
    case 'd':
      return (value ?? '').slice(0, 10);
    default:
      return value ?? '';
  }
}

function readSheet(xml: string, shared: string[], limits: TableLimits): string[][] {
  const table: string[][] = [];
  const text = textCollector(xml);
  let rowNumber = 0;
  let column = 0;
  let cellType: string | undefined;
  let cells: string[] = [];
  const endRow = () => {
    if (cells.length) table[rowNumber - 1] = Array.from(cells, (v) => v ?? '');
    cells = [];
  };
  const endCell = () => {
    const value = cellText(cellType, text.t, text.v, shared);
    if (value === '') return;
    limits.row(rowNumber);
    limits.cell(value, () => `row ${rowNumber}, column ${column}`);
    if (column <= MAX_IMPORT_COLUMNS) cells[column - 1] = value;
  };
  scanTags(xml, (name, closing, selfClosing, attrs, start, end) => {
    if (name === 'row') {
      if (!closing) {
        rowNumber = Number(attributes(attrs).r) || rowNumber + 1;
        column = 0;
      }
      if (closing || selfClosing) endRow();
    } else if (name === 'c') {
      if (!closing) {
        const a = attributes(attrs);
        column = (a.r && columnNumber(a.r)) || column + 1;
        cellType = a.t;
        text.reset();
      }
      if (closing) endCell();
    } else text.tag(name, closing, selfClosing, start, end);
  });
  return Array.from(table, (row) => row ?? []);
}
