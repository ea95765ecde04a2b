// Reading a printed document back as an office would get it: Chromium prints
// the page to A4 PDF, poppler (pdfinfo, pdftotext) reads the pages back; and
// before printing, what in the print layout is wider than Decree 30's
// printable width. Set REPORT_PDF_DIR to keep the PDFs for a look by eye.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A4 minus Decree 30 margins (30 mm left, 15 mm right) in CSS pixels. */
export const PRINTABLE_PX = Math.floor(((210 - 45) / 25.4) * 96);

/** Elements of the printed report (.print-report) wider than the paper, and tables that scroll. */
export async function overflows(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: PRINTABLE_PX, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  return page.evaluate((limit) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.print-report *')) {
      if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
      const r = el.getBoundingClientRect();
      if (r.right > limit + 0.5 || el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName}.${el.className}: ${Math.round(r.right)} / ${el.scrollWidth}>${el.clientWidth}`);
    }
    return found;
  }, PRINTABLE_PX);
}

export interface Printed {
  /** Each page's text, laid out as printed (pdftotext -layout). */
  pages: string[];
  text: string;
}

export async function printToPdf(page: Page, name: string): Promise<Printed> {
  const file = join(mkdtempSync(join(tmpdir(), 'hvs-report-pdf-')), `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  if (process.env.REPORT_PDF_DIR) writeFileSync(join(process.env.REPORT_PDF_DIR, `${name}.pdf`), readFileSync(file));
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').slice(0, count);
  expect(pages).toHaveLength(count);
  return { pages, text };
}
