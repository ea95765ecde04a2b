// The workbook writer read back by an independent reader (exceljs, a test
// dependency only) and by the import's own bounded reader.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTableLimits } from '../ward/table-limits.ts';
import { readXlsxTable } from '../ward/xlsx-table.ts';
import { writeXlsx } from './xlsx-write.ts';

const SHEETS = [
  {
    name: 'Phổ cập',
    header: ['Tổ dân phố', 'Người học', 'Ghi chú'],
    rows: [
      ['Tổ 1 <Đồng Hòa> & "Lãm Hà"', 12, '=SUM(A1:A9)'],
      ['Tổ 2', null, 'tab\there\u0001'],
      ['Tổ 3', 82.9, ''],
    ],
    widths: [20, 12, 30],
  },
  { name: 'Theo tuần', header: ['Tuần'], rows: [['2025-W23']], widths: [12] },
];

describe('xlsx writer', () => {
  it('is read back cell for cell by exceljs: numbers as numbers, text never a formula, null as an empty cell', async () => {
    const book = new ExcelJS.Workbook();
    const file = writeXlsx(SHEETS, { title: 'Báo cáo', creator: 'Phường Kiến An', created: new Date('2025-06-01T03:00:00Z') });
    await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Phổ cập', 'Theo tuần']);
    expect(book.creator).toBe('Phường Kiến An');
    expect(book.title).toBe('Báo cáo');
    const s = book.worksheets[0];
    expect(s.getRow(1).values).toEqual([undefined, 'Tổ dân phố', 'Người học', 'Ghi chú']);
    expect(s.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(s.getRow(2).values).toEqual([undefined, 'Tổ 1 <Đồng Hòa> & "Lãm Hà"', 12, '=SUM(A1:A9)']);
    expect(s.getRow(2).getCell(3).formula).toBeUndefined();
    expect(s.getRow(3).getCell(2).value).toBeNull();
    expect(s.getRow(3).getCell(3).value).toBe('tab\there');
    expect(s.getRow(4).getCell(2).value).toBe(82.9);
    expect(s.getColumn(3).width).toBe(30);
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('is read back by the import reader', () => {
    const table = readXlsxTable(new Uint8Array(writeXlsx(SHEETS, { title: 't', creator: 'c', created: new Date() })), createTableLimits());
    expect(table).toEqual([
      ['Tổ dân phố', 'Người học', 'Ghi chú'],
      ['Tổ 1 <Đồng Hòa> & "Lãm Hà"', '12', '=SUM(A1:A9)'],
      ['Tổ 2', '', 'tab\there'],
      ['Tổ 3', '82.9'],
    ]);
  });
});
