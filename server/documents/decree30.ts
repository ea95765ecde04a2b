// A Vietnamese administrative document (Decree 30/2020/NĐ-CP, Phụ lục I) as a
// Word file: A4 portrait, margins 20/15/20/30 mm, Times New Roman (named, not
// embedded), the header as a borderless two-column table (issuing body and
// number on the left; national title, motto, place and date on the right),
// title and subject, the caller's body, then "Nơi nhận" beside the signature
// block; page numbers centred at the top from page 2. Any report (the ward's
// participation report, the propagation plan) passes its own body.
import { AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import type { DocumentHead } from '../../shared/documents/document-head.ts';

export type { DocumentHead };

export const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
/** Text area width: 210 mm less 30 mm left and 15 mm right margins. */
export const TEXT_WIDTH = Math.round(165 * MM);

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

export const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean } = {}) => new TextRun({ text, font: FONT, size: (o.size ?? 14) * 2, bold: o.bold, italics: o.italics });

export const centred = (children: ParagraphChild[], o: { after?: number; rule?: boolean } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: o.after ?? 0 }, children, border: o.rule ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } : undefined });

/** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
export const bodyParagraph = (text: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { after: 120, line: 312 }, children: [run(text)] });

/** "I. TÌNH HÌNH CHUNG" or "1. …": bold, left. */
export const heading = (text: string) => new Paragraph({ spacing: { before: 120, after: 120 }, keepNext: true, children: [run(text, { bold: true })] });

const issuerLines = (h: DocumentHead) => (Array.isArray(h.issuer) ? h.issuer : [h.issuer]);

const cell = (children: Paragraph[], widthPct: number) => new TableCell({ children, borders: NO_BORDERS, width: { size: Math.round((TEXT_WIDTH * widthPct) / 100), type: WidthType.DXA } });

function headBlock(h: DocumentHead): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...(h.superior ? [centred([run(h.superior, { size: 12 })])] : []),
              ...issuerLines(h).map((line, i, all) => centred([run(line, { size: 12, bold: true })], i === all.length - 1 ? { rule: true, after: 120 } : {})),
              centred([run(h.number, { size: 13 })]),
            ],
            40,
          ),
          cell(
            [
              centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true })]),
              centred([run('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true })], { rule: true, after: 120 }),
              centred([run(h.placeDate, { size: 13, italics: true })]),
            ],
            60,
          ),
        ],
      }),
    ],
  });
}

function footBlock(h: DocumentHead): Table {
  const recipients = [new Paragraph({ children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }), ...h.recipients.map((r) => new Paragraph({ children: [run(r, { size: 11 })] }))];
  const signature = [...h.signer.map((s) => centred([run(s, { bold: true })])), ...(h.signHint ? [centred([run(h.signHint, { italics: true })])] : [])];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(recipients, 45), cell(signature, 55)] })],
  });
}

/** The whole document as .docx bytes. */
export async function decree30Docx(head: DocumentHead, body: Array<Paragraph | Table>): Promise<Buffer> {
  const doc = new Document({
    creator: issuerLines(head).join(' '),
    title: `${head.title} ${head.subject.join(' ')}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: Math.round(210 * MM), height: Math.round(297 * MM) }, margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) } },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: 28, children: [PageNumber.CURRENT] })] })] }),
        },
        footers: { first: new Footer({ children: [new Paragraph({ children: [] })] }) },
        children: [
          headBlock(head),
          centred([run(head.title, { bold: true })], { after: 0 }),
          ...head.subject.map((s, i) => centred([run(s, { bold: true })], { rule: i === head.subject.length - 1, after: 240 })),
          ...body,
          footBlock(head),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
