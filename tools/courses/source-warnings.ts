// Checks of a lesson's `sources:` for `courses:check` and the build, each on
// the line of the source in the file:
// - errors (the build stops): a citation that is only a domain and is not
//   marked, or a citation of a body that no longer exists that does not say
//   so (source-citations.ts);
// - warnings (worth fixing, never blocking): a source that names nothing a
//   reader could look up, neither an article address nor a document number;
// - counted: domain-only citations marked as having no article on record.
import { parseDocument, LineCounter } from 'yaml';
import { lineOfPath, type ContentError } from '../../shared/content/source-location.ts';
import { examineSource, findingMessage, isMarked } from './source-citations.ts';

/** An article address: a host and a path after it. */
const ARTICLE = /https?:\/\/[^\s/]+\/[^\s)]+/;
/** A legal document's number: 69/2024/NĐ-CP, 3240/BTTTT-CĐSQG, 57-NQ/TW, 19/2023/QH15. */
const DOCUMENT = /\d+(\/\d{4})?[/-](?:[A-ZĐ]{2,}|QH\d+)/u;

export function namesSomethingToLookUp(source: string): boolean {
  return ARTICLE.test(source) || DOCUMENT.test(source);
}

/** A domain-only citation left in a lesson, marked: which file, which source, which host. */
export type MarkedDomain = { file: string; source: number; host: string };
export type SourceChecks = { errors: ContentError[]; warnings: ContentError[]; markedDomains: MarkedDomain[] };

/** Line in the file of each source (the front matter starts on line 2). */
function sourceLines(text: string, count: number): number[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter: counter });
  return Array.from({ length: count }, (_, i) => lineOfPath(doc, counter, ['sources', i]) + 1);
}

export function checkSources(file: string, text: string, sources: readonly string[]): SourceChecks {
  const out: SourceChecks = { errors: [], warnings: [], markedDomains: [] };
  // parsing the YAML again for lines is slow: only done when something is reported
  let lines: number[] | null = null;
  const lineOf = (i: number) => (lines ??= sourceLines(text, sources.length))[i];
  sources.forEach((source, i) => {
    for (const f of examineSource(source)) {
      const message = findingMessage(f, i);
      if (message) out.errors.push({ file, line: lineOf(i), message });
      else if (f.kind === 'marked-domain') out.markedDomains.push({ file, source: i + 1, host: f.host });
    }
    if (!namesSomethingToLookUp(source) && !isMarked(source)) {
      out.warnings.push({
        file,
        line: lineOf(i),
        message: `warning: source #${i + 1} "${source}" names no article address or document number: cite the article (https://…)`,
      });
    }
  });
  return out;
}

/** Warnings only, for one lesson file's sources. */
export const sourceWarnings = (file: string, text: string, sources: readonly string[]): ContentError[] =>
  checkSources(file, text, sources).warnings;
