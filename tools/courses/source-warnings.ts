// Sources that name nothing a reader could look up ("vietnamplus.vn",
// "dantri.com.vn, 01/2025"): `courses:check` warns with file:line so authors
// cite the article itself. A warning, not an error: it never stops a build.
import { parseDocument, LineCounter } from 'yaml';
import { lineOfPath, type ContentError } from '../../shared/content/source-location.ts';

/** An article address: a host and a path after it. */
const ARTICLE = /https?:\/\/[^\s/]+\/[^\s)]+/;
/** A legal document's number: 69/2024/NĐ-CP, 3240/BTTTT-CĐSQG, 57-NQ/TW, 19/2023/QH15. */
const DOCUMENT = /\d+(\/\d{4})?[/-](?:[A-ZĐ]{2,}|QH\d+)/u;

export function namesSomethingToLookUp(source: string): boolean {
  return ARTICLE.test(source) || DOCUMENT.test(source);
}

/** Warnings for one lesson file's sources, each on the line of that source. */
export function sourceWarnings(file: string, text: string, sources: readonly string[]): ContentError[] {
  const weak = sources.map((s, i) => [s, i] as const).filter(([s]) => !namesSomethingToLookUp(s));
  if (weak.length === 0) return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter: counter });
  return weak.map(([source, i]) => ({
    file,
    // the front matter starts on line 2 of the file
    line: lineOfPath(doc, counter, ['sources', i]) + 1,
    message: `warning: source #${i + 1} "${source}" names no article address or document number: cite the article (https://…)`,
  }));
}
