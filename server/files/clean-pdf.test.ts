// A scanned PDF loses its camera photo's Exif (GPS), its XMP packet and its
// document information, and stays a PDF a reader opens: read back with
// poppler's pdfinfo and pdftoppm, as the office's own viewer would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasLocation, pdfWithMetadata } from '../../tests/support/crafted-images.ts';
import { cleanFile } from './clean-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'hvs-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const saved = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const info = (path: string) => execFileSync('pdfinfo', [path], { encoding: 'utf8' });

describe('a PDF scan', () => {
  const sent = pdfWithMetadata();
  const { type, bytes } = cleanFile(sent);
  const text = Buffer.from(bytes).toString('latin1');

  it('carries the scanner’s name and the photo’s GPS before, and neither after', () => {
    expect(hasLocation(sent)).toBe(true);
    expect(info(saved('sent.pdf', sent))).toMatch(/Author:\s+Nguyen Van Quet \(to 5\) \(nha so 12\)/);
    expect(type).toBe('application/pdf');
    expect(hasLocation(bytes)).toBe(false);
    expect(text).not.toContain('Nguyen Van Quet');
    expect(text).not.toContain('D:20250601');
    const after = info(saved('clean.pdf', bytes));
    expect(after).not.toMatch(/^Author:[ \t]*\S/m);
    expect(after).not.toMatch(/^CreationDate:[ \t]*\S/m);
    expect(after).not.toMatch(/^Producer:[ \t]*\S/m);
    // The title is kept: bookmarks share its key, and it says what the document is.
    expect(after).toMatch(/Title:\s+Bien ban/);
  });

  it('keeps its length and every object where the xref table says, so it still opens and draws its page', () => {
    expect(bytes.length).toBe(sent.length);
    for (const m of Buffer.from(sent).toString('latin1').matchAll(/\d+ 0 obj/g)) expect(text.slice(m.index, m.index + m[0].length)).toBe(m[0]);
    const stderr = execFileSync('pdftoppm', ['-png', '-r', '20', '-f', '1', '-l', '1', saved('draw.pdf', bytes), join(dir, 'page')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(stderr).toBe('');
    expect(info(join(dir, 'draw.pdf'))).toMatch(/Pages:\s+1/);
  });
});
