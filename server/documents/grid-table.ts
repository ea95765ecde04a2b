// An administrative table for a Word document: black single borders, bold
// column heads repeated on every page, no shading, inside the text area.
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { run, TEXT_WIDTH } from './decree30.ts';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** `widths` are shares of the text width (summing to 100); columns after the first `textColumns` are right-aligned figures; `size` in points (a wide table of many columns takes 11). */
export function gridTable(header: string[], rows: string[][], widths: number[], textColumns = 1, size = 12): Table {
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: Math.round((TEXT_WIDTH * widths[i]) / 100), type: WidthType.DXA },
      children: [new Paragraph({ alignment: head ? AlignmentType.CENTER : i < textColumns ? AlignmentType.LEFT : AlignmentType.RIGHT, children: [run(text, { size, bold: head })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round((TEXT_WIDTH * w) / 100)),
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}
