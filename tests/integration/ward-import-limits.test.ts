// The ward import against hostile files, built here byte by byte: a zip bomb
// (a worksheet of hundreds of MB packed into a few hundred KB, deflated as a
// stream so the test stays light), a size header that lies, too many rows,
// cells or files in the zip, an overlong cell, files that are not workbooks,
// and random damage to a good workbook. Every refusal is a 4xx JSON error
// whose code names the limit, and nothing is written.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_CELL_CHARS, MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_XLSX_ENTRIES } from '../../shared/ward-import.ts';
import { craftXlsx, craftZip, repeatedRows, row } from '../support/crafted-xlsx.ts';
import { createStaff, login, ORIGIN, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Record<string, string>;
beforeEach(async () => {
  t = setupTestApp();
  await createStaff(t, 'boss', 'admin');
  admin = { cookie: await login(t, 'boss', 'correct horse battery'), origin: ORIGIN };
});
afterEach(() => t.close());

const MB = 1024 * 1024;
const HEADER = row(1, ['Mã tổ', 'Tên tổ dân phố', 'Số hộ']);

/** `mb` rows of one 1 MB cell each: the same bytes every row (row numbers are optional), packed about 1,000 to 1. */
function* bombRows(mb: number): Iterable<string> {
  const piece = `<row><c t="inlineStr"><is><t>${'A'.repeat(MB)}</t></is></c></row>`;
  for (let i = 0; i < mb; i++) yield piece;
}

const post = (fileName: string, bytes: Uint8Array | string) =>
  t.postJson('/api/v1/ward/import', { fileName, contentBase64: Buffer.from(bytes).toString('base64'), dryRun: false }, admin);

/** The groups and the audit log as they are: a refused import must leave both alone. */
const state = async () => ({ groups: (await (await t.request('/api/v1/ward/admin', { headers: admin })).json()).groups, audit: await t.count('audit_log') });

async function refused(fileName: string, bytes: Uint8Array | string, status: number, code: string) {
  const before = await state();
  const res = await post(fileName, bytes);
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(await state()).toEqual(before);
  return body.error.message as string;
}

describe('ward import limits', () => {
  it('a good crafted workbook imports, so the refusals below are about their limits', async () => {
    const res = await post('ok.xlsx', craftXlsx(() => [HEADER, row(2, ['tdp-9', 'Tổ dân phố 9 & "Lãm Hà"', 120])]));
    expect(res.status).toBe(200);
    expect((await res.json()).groups).toEqual([{ id: 'tdp-9', name: 'Tổ dân phố 9 & "Lãm Hà"', adultPopulation: null, households: 120, action: 'add' }]);
  });

  it('a zip bomb (a worksheet of 200 MB in a file of a few hundred KB) is refused before it is unpacked', async () => {
    const bomb = craftXlsx(() => bombRows(200));
    expect(bomb.length).toBeLessThan(512 * 1024);
    expect(await refused('bomb.xlsx', bomb, 413, 'unpacked_too_large')).toMatch(/8 MB/);
  });

  it('the same bomb whose size header claims 2 KB: the unpacking stops at the claim', async () => {
    const liar = craftXlsx(function* () {
      yield HEADER;
      yield* bombRows(100);
    }, 2048);
    expect(await refused('liar.xlsx', liar, 413, 'unpacked_too_large')).toMatch(/more than it declares/);
  });

  it('too many rows, counted by the rows written and by a row number far down the sheet', async () => {
    const many = craftXlsx(() => [HEADER, ...repeatedRows(MAX_IMPORT_ROWS + 1, 1, 'x', 2)]);
    expect(await refused('rows.xlsx', many, 413, 'too_many_rows')).toMatch(new RegExp(`${MAX_IMPORT_ROWS}`));
    const far = craftXlsx(() => [HEADER, row(1_048_576, ['tdp-9', 'Tổ 9'])]);
    await refused('far.xlsx', far, 413, 'too_many_rows');
    const csv = `Mã tổ,Tên tổ\n${'tdp-1,A\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    await refused('rows.csv', csv, 413, 'too_many_rows');
  });

  it('too many filled cells, in a workbook and in a CSV', async () => {
    const cols = Math.ceil(MAX_IMPORT_CELLS / MAX_IMPORT_ROWS) + 1;
    const wide = craftXlsx(() => repeatedRows(MAX_IMPORT_ROWS, cols, 'x'));
    expect(await refused('cells.xlsx', wide, 413, 'too_many_cells')).toMatch(/20000|20,000/);
    const csv = `${Array.from({ length: cols }, (_, i) => `c${i}`).join(',')}\n${`${'1,'.repeat(cols - 1)}1\n`.repeat(MAX_IMPORT_ROWS)}`;
    await refused('cells.csv', csv, 413, 'too_many_cells');
  });

  it('a cell longer than the limit, as an inline string, a shared string (a workbook Excel-style) and in a CSV', async () => {
    const long = 'Tổ dân phố '.repeat(Math.ceil(MAX_IMPORT_CELL_CHARS / 10));
    const inline = craftXlsx(() => [HEADER, row(2, ['tdp-9', long])]);
    expect(await refused('long.xlsx', inline, 413, 'cell_too_long')).toMatch(/row 2, column 2/);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('TDP');
    sheet.addRow(['Mã tổ', 'Tên tổ dân phố']);
    sheet.addRow(['tdp-9', long]);
    await refused('shared.xlsx', new Uint8Array(await book.xlsx.writeBuffer()), 413, 'cell_too_long');

    await refused('long.csv', `Mã tổ,Tên tổ\ntdp-9,${long}\n`, 413, 'cell_too_long');
  });

  it('a zip with more files than any workbook has', async () => {
    const entries = Array.from({ length: MAX_XLSX_ENTRIES + 1 }, (_, i) => ({ name: `x/${i}.xml`, content: '<a/>' }));
    await refused('many.xlsx', craftZip(entries), 413, 'too_many_files');
  });

  it('files that are not workbooks: not a zip, a zip of something else, a cut-off workbook', async () => {
    await refused('x.xlsx', 'Mã tổ,Tên tổ\ntdp-1,A\n', 400, 'invalid_file');
    await refused('notes.xlsx', craftZip([{ name: 'notes.txt', content: 'hello' }]), 400, 'invalid_file');
    const good = craftXlsx(() => [HEADER, row(2, ['tdp-9', 'Tổ 9'])]);
    await refused('cut.xlsx', good.subarray(0, good.length - 30), 400, 'invalid_file');
  });

  it('random damage to a good workbook: always 200 or a 4xx JSON error, and a refusal writes nothing', async () => {
    const good = craftXlsx(() => [HEADER, row(2, ['tdp-9', 'Tổ 9', 12]), row(3, ['tdp-10', 'Tổ 10', 30])]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat(good.length), async (flips, cut) => {
        const bytes = good.slice(0, Math.max(4, cut));
        for (const [at, value] of flips) if (at >= 4 && at < bytes.length) bytes[at] = value;
        const before = await state();
        const res = await post('damaged.xlsx', bytes);
        const body = await res.json();
        expect(res.status === 200 || (res.status >= 400 && res.status < 500), `${res.status} ${JSON.stringify(body)}`).toBe(true);
        if (res.status !== 200) {
          expect(body.error.code).toEqual(expect.any(String));
          expect(await state()).toEqual(before);
        }
      }),
      { numRuns: 150, seed: 20_261_204 },
    );
  });
});
