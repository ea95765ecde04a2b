// The report on a plan as a Word file: the outline of
// shared/plans/report-outline.ts in the Decree 30 layout of server/documents/
// (the People's Committee as issuer, the number once issued, the signer
// lines the ward set).
import { Paragraph, type Table } from 'docx';
import { lines, planReportOutline, planReportSubject, type Block } from '../../shared/plans/report-outline.ts';
import type { PlanReportAnswer } from '../../shared/plans/report.ts';
import { bodyParagraph, decree30Docx, heading, run } from '../documents/decree30.ts';
import { gridTable } from '../documents/grid-table.ts';

/** "Kiến An, ngày 04 tháng 12 năm 2026" (Decree 30: leading zero for days below 10 and months 1 and 2). */
export function docPlaceDate(ward: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const place = ward.replace(/^\s*(phường|xã|thị trấn|đặc khu)\s+/i, '').replace(/\s*\(.*\)\s*$/, '') || '……';
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? `0${m}` : m} năm ${y}`;
}

/** The Vietnam calendar day (UTC+7) of an instant. */
const vnDay = (at: string) => new Date(Date.parse(at) + 7 * 3_600_000).toISOString().slice(0, 10);

const italicParagraph = (text: string) => new Paragraph({ indent: { firstLine: 567 }, spacing: { after: 120 }, children: [run(text, { italics: true })] });

function render(b: Block): Paragraph | Table {
  switch (b.kind) {
    case 'heading':
      return heading(b.text);
    case 'para':
      return b.italic ? italicParagraph(b.text) : bodyParagraph(b.text);
    case 'blank':
      return bodyParagraph('.'.repeat(100));
    case 'table':
      return gridTable(b.header, b.rows, b.widths, b.textColumns);
  }
}

export function planReportDocx(r: PlanReportAnswer): Promise<Buffer> {
  const d = r.data;
  const ward = d.wardName.toLocaleUpperCase('vi');
  return decree30Docx(
    {
      superior: '',
      issuer: ['ỦY BAN NHÂN DÂN', ward || 'PHƯỜNG'],
      number: r.issued ? `Số: ${r.issued.number}` : 'Số:        /BC-UBND',
      placeDate: docPlaceDate(d.wardName, r.issued ? r.issued.issuedOn : vnDay(d.generatedAt)),
      title: 'BÁO CÁO',
      subject: planReportSubject(d),
      recipients: lines(r.text.recipients),
      signer: lines(r.text.signer),
    },
    planReportOutline(d, r.text).map(render),
  );
}
