// The city's consolidated report as a Word file: the outline of
// shared/city/report-outline.ts in the Decree 30 layout of server/documents/
// (the city's People's Committee as issuer), the table of localities with
// its heading row repeated on every page.
import { Paragraph, type Table } from 'docx';
import type { Block, CityReport } from '../../shared/city/report-outline.ts';
import { bodyParagraph, decree30Docx, heading } from '../documents/decree30.ts';
import { gridTable } from '../documents/grid-table.ts';

function render(b: Block): Paragraph | Table {
  switch (b.kind) {
    case 'heading':
      return heading(b.text);
    case 'para':
      return bodyParagraph(b.text);
    case 'blank':
      return bodyParagraph('.'.repeat(100));
    case 'table':
      // Nine columns: 11 pt, as the printed page, so no heading word breaks inside a column.
      return gridTable(b.header, b.rows, b.widths, b.textColumns, 11);
  }
}

export function cityReportDocx(r: CityReport): Promise<Buffer> {
  return decree30Docx(r.head, r.blocks.map(render));
}
