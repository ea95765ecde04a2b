// Hand-built .xlsx files for the import's limits: a minimal workbook around
// one worksheet whose XML is produced piece by piece and deflated piece by
// piece, so a "bomb" that unpacks to hundreds of MB costs the test a few
// hundred KB of memory. An entry's size header can be made to lie.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface CraftedEntry {
  name: string;
  /** The entry's text, or a generator of its text in pieces (never held whole). */
  content: string | (() => Iterable<string>);
  /** Write this as the uncompressed size in both headers instead of the truth. */
  declaredSize?: number;
}

interface Packed {
  name: Buffer;
  data: Buffer;
  crc: number;
  size: number;
}

/** Each piece is deflated on its own and ends on a full flush, so the pieces'
 * outputs simply follow one another, and a piece that repeats the one
 * before costs nothing: a bomb of one repeated megabyte is packed once. */
function pack(entry: CraftedEntry): Packed {
  const name = Buffer.from(entry.name, 'utf8');
  const pieces = typeof entry.content === 'string' ? [entry.content] : entry.content();
  const out: Buffer[] = [];
  let last = { piece: '', data: Buffer.alloc(0) };
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const raw = Buffer.from(piece, 'utf8');
    crc = crc32(raw, crc);
    size += raw.length;
    if (piece !== last.piece) last = { piece, data: deflateRawSync(raw, { finishFlush: constants.Z_FULL_FLUSH }) };
    out.push(last.data);
  }
  out.push(deflateRawSync(Buffer.alloc(0)));
  return { name, data: Buffer.concat(out), crc, size };
}

/** A zip archive (deflate, no data descriptors) of the given entries. */
export function craftZip(entries: CraftedEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const p = pack(entry);
    const size = entry.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(p.name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(p.name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, p.name, p.data);
    central.push(dir, p.name);
    offset += local.length + p.name.length + p.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dirBytes, end]));
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export const columnName = (n: number): string => (n > 26 ? columnName(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

/** An inline-string or number cell at a reference such as "B3". */
export const cell = (ref: string, v: string | number) =>
  typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`;
export const row = (r: number, cells: Array<string | number>) => `<row r="${r}">${cells.map((v, i) => cell(`${columnName(i + 1)}${r}`, v)).join('')}</row>`;

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** A workbook whose first worksheet is the given rows (XML pieces from `row`). */
export function craftXlsx(rows: () => Iterable<string>, sheetSize?: number): Uint8Array {
  return craftZip([
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="TDP" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      content: function* () {
        yield SHEET_HEAD;
        yield* rows();
        yield SHEET_TAIL;
      },
      declaredSize: sheetSize,
    },
  ]);
}

/** `rows` rows from row `first`, each of `cols` cells of the same text, given in batches of rows. */
export function* repeatedRows(rows: number, cols: number, text = 'Tổ dân phố', first = 1): Iterable<string> {
  let batch = '';
  for (let r = first; r < first + rows; r++) {
    batch += row(r, Array.from({ length: cols }, () => text));
    if (batch.length > 1 << 20) yield batch, (batch = '');
  }
  if (batch) yield batch;
}
