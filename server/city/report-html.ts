// The city's consolidated report as a page to print from the browser: the
// outline of shared/city/report-outline.ts (the same words as the Word file)
// in the Decree 30 layout on A4 (margins 20/15/20/30 mm, Times New Roman or
// its metric twin, page numbers at the top from page 2), the table of
// localities repeating its heading row on every page. Self-contained: no app
// code, no script, inline styles only. On a phone the head and foot stack
// and the table scrolls in its own box; the paper layout is unchanged.
import type { Block, CityReport } from '../../shared/city/report-outline.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const p = (text: string, cls = '') => `<p${cls ? ` class="${cls}"` : ''}>${esc(text)}</p>`;

const SERIF = "'Times New Roman', Tinos, 'Liberation Serif', serif";

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font-family: ${SERIF}; font-size: 13pt; } }
@page :first { @top-center { content: none; } }
html { -webkit-text-size-adjust: 100%; }
body { font-family: ${SERIF}; font-size: 13pt; line-height: 1.3; color: #000; background: #fff; margin: 0; }
p { margin: 0; }
.bar { font-family: system-ui, sans-serif; font-size: 15px; background: #eef3f8; border-bottom: 1px solid #0b4f8a; padding: .5rem .75rem; }
.bar p { margin: .15rem 0; } .bar .en { color: #444; font-size: 13px; } .bar a { color: #0b4f8a; }
.print-report { max-width: 165mm; margin: 1rem auto; padding: 0 .75rem; }
table.frame { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.frame td { vertical-align: top; text-align: center; padding: 0; }
td.issuer { width: 40%; } td.nation { width: 60%; }
.doc-head p { font-size: 12pt; } .doc-head .motto { font-size: 13pt; } .doc-head .date { font-size: 13pt; }
.pre { white-space: pre; } .strong { font-weight: 700; } .italic { font-style: italic; } .nowrap { white-space: nowrap; }
hr { border: 0; border-top: 1px solid #000; margin: 2pt auto 6pt; }
hr.short { width: 35%; } hr.motto-rule { width: 58%; }
.title { text-align: center; font-weight: 700; margin-top: 12pt; }
.subject { text-align: center; font-weight: 700; }
/* Padding, not margin: a margin is dropped at the top of a page, and the stacked marks of "Ố" would then paint at the foot of the page before. */
h2, h3 { font-size: 13pt; margin: 4pt 0; padding-top: 4pt; line-height: 1.4; break-after: avoid; }
.body { text-align: justify; text-indent: 1cm; margin-bottom: 6pt; }
.scroll { margin-bottom: 6pt; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 11pt; }
table.grid th, table.grid td { border: 1px solid #000; padding: 1pt 3pt; vertical-align: top; overflow-wrap: break-word; }
table.grid th { font-weight: 700; text-align: center; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
table.grid td.num { text-align: right; } table.grid td.stt { text-align: center; }
table.grid tr.total td { font-weight: 700; }
.doc-foot { margin-top: 12pt; break-inside: avoid; }
.doc-foot td.recipients { width: 45%; text-align: left; } .doc-foot td.signature { width: 55%; }
.recipients .label { font-size: 12pt; } .recipients .line { font-size: 11pt; }
.signature .space { height: 25mm; }
@media print { .bar { display: none; } .print-report { max-width: none; margin: 0; padding: 0; } }
@media screen and (max-width: 40rem) {
  table.frame td, .doc-foot td.recipients, .doc-foot td.signature { display: block; width: auto; margin-bottom: .75rem; }
  .doc-head .nowrap { white-space: normal; }
  .scroll { overflow-x: auto; }
  table.grid { min-width: 38rem; }
}`;

function head(r: CityReport): string {
  const h = r.head;
  return `<table class="frame doc-head" role="presentation"><tbody><tr>
<td class="issuer">${h.superior ? p(h.superior) : ''}${h.issuer.map((l) => p(l, 'strong')).join('')}<hr class="short"></td>
<td class="nation">${p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'strong nowrap')}${p('Độc lập - Tự do - Hạnh phúc', 'strong nowrap motto')}<hr class="motto-rule"></td>
</tr><tr><td class="issuer">${p(h.number, 'date pre')}</td><td class="nation">${p(h.placeDate, 'italic date')}</td></tr></tbody></table>
${p(h.title, 'title')}${h.subject.map((s) => p(s, 'subject')).join('')}<hr class="short">`;
}

function table(b: Extract<Block, { kind: 'table' }>): string {
  const cols = b.widths.map((w) => `<col style="width:${w}%">`).join('');
  const last = b.rows.length - 1;
  const row = (cells: string[], i: number) =>
    `<tr${i === last ? ' class="total"' : ''}>${cells.map((v, j) => `<td class="${j === 0 ? 'stt' : j < b.textColumns ? 'name' : 'num'}">${esc(v)}</td>`).join('')}</tr>`;
  return `<div class="scroll"><table class="grid" data-testid="${esc(b.testId)}"><colgroup>${cols}</colgroup><thead><tr>${b.header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map(row).join('')}</tbody></table></div>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return /^[IVX]+\. /.test(b.text) ? `<h2>${esc(b.text)}</h2>` : `<h3>${esc(b.text)}</h3>`;
    case 'para':
      return p(b.text, b.italic ? 'body italic' : 'body');
    case 'blank':
      return p('.'.repeat(100), 'body');
    case 'table':
      return table(b);
  }
}

function foot(r: CityReport): string {
  const h = r.head;
  return `<table class="frame doc-foot" role="presentation" data-testid="report-signature"><tbody><tr>
<td class="recipients">${p('Nơi nhận:', 'strong italic label')}${h.recipients.map((l) => p(l, 'line')).join('')}</td>
<td class="signature">${h.signer.map((l) => p(l, 'strong')).join('')}${h.signHint ? p(h.signHint, 'italic') : ''}<div class="space"></div></td>
</tr></tbody></table>`;
}

/** The whole page; `docxHref` is the Word copy of the same report (same period). */
export function cityReportHtml(r: CityReport, docxHref: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(`${r.head.title} ${r.head.subject.join(' – ')}`)}</title>
<style>${STYLE}</style></head><body>
<div class="bar"><p>Bản in báo cáo tổng hợp: dùng lệnh In của trình duyệt, khổ A4, lề mặc định, tắt “Đầu trang và chân trang”. <a href="${esc(docxHref)}">Tải bản Word (.docx)</a></p>
<p class="en">The consolidated report for printing: use the browser's Print command, A4, default margins, “Headers and footers” off. <a href="${esc(docxHref)}">Download the Word copy (.docx)</a></p></div>
<main class="print-report">${head(r)}${r.blocks.map(block).join('\n')}${foot(r)}</main>
</body></html>`;
}
