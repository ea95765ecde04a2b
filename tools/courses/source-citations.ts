// Citations inside one `sources:` entry. An entry may cite several things,
// separated by ";" ("Luật 19/2023/QH15 (…); tapchicongthuong.vn"). A citation
// that starts with a bare domain ("cafef.vn, 02/2024 (…)", "https://sbv.gov.vn/")
// names no article a reader could open, so the build refuses it unless it is
// marked as one of:
// - "[chưa có địa chỉ bài]" / "[no article address yet]": the article is not
//   on record yet; counted by `courses:check` so the list can shrink (a note
//   for authors: residents read the source without it);
// - "[trang chính thức]" / "[official page]": the body's own site is the source
//   (e.g. the 5656 reporting service's page).
// A citation of a body that no longer exists (a former ministry, a merged
// province's department) must also say so: "tư liệu cũ" / "historical".

import { UNRESOLVED, UNRESOLVED_MARK } from '../../shared/content/source-marks.ts';

export { UNRESOLVED_MARK };
export const OFFICIAL_PAGE_MARK = { vi: '[trang chính thức]', en: '[official page]' } as const;
const OFFICIAL_PAGE = /\[(?:trang chính thức|official page)\]/iu;
const HISTORICAL = /tư liệu cũ|historical/iu;

/** A citation's leading host, when the citation opens with one. */
const LEADING_HOST = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(\/\S*)?/iu;

/**
 * Hosts of bodies that no longer exist (content review 2026-12): the former
 * Ministry of Information and Communications (merged into the Ministry of
 * Science and Technology in 3/2025), the provincial information and
 * communications departments (stttt.*), and provinces merged in 6/2025
 * (Quảng Bình, Tiền Giang).
 */
export function isDefunctHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  return (
    h === 'mic.gov.vn' ||
    h.endsWith('.mic.gov.vn') ||
    h.startsWith('stttt.') ||
    /(^|\.)(quangbinh|tiengiang)\.gov\.vn$/.test(h)
  );
}

/** The entry split at ";" outside parentheses. */
export function citationsOf(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      out.push(source.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(source.slice(start).trim());
  return out.filter(Boolean);
}

export type CitationFinding =
  | { kind: 'bare-domain'; host: string }
  | { kind: 'marked-domain'; host: string }
  | { kind: 'official-page'; host: string }
  | { kind: 'defunct-unflagged'; host: string };

/** What each citation of an entry is, as far as the build cares. */
export function examineSource(source: string): CitationFinding[] {
  const findings: CitationFinding[] = [];
  for (const citation of citationsOf(source)) {
    const hosts = [...citation.matchAll(/(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})/giu)].map((m) => m[1]);
    const defunct = hosts.find(isDefunctHost);
    if (defunct && !HISTORICAL.test(citation)) findings.push({ kind: 'defunct-unflagged', host: defunct });
    const lead = LEADING_HOST.exec(citation);
    if (!lead) continue;
    const [, host, path] = lead;
    const hasPath = path !== undefined && path.replace(/^\/+/, '').replace(/[,.]$/, '') !== '';
    if (hasPath) continue;
    if (OFFICIAL_PAGE.test(citation)) findings.push({ kind: 'official-page', host });
    else if (UNRESOLVED.test(citation)) findings.push({ kind: 'marked-domain', host });
    else findings.push({ kind: 'bare-domain', host });
  }
  return findings;
}

/** Whether an entry carries any of the marks above (it is then not a plain warning). */
export const isMarked = (source: string) => UNRESOLVED.test(source) || OFFICIAL_PAGE.test(source);

export function findingMessage(f: CitationFinding, index: number): string | null {
  const where = `source #${index + 1}`;
  if (f.kind === 'bare-domain') {
    return `${where}: "${f.host}" is only a domain: cite the article (https://…), or if no article is on record, write "${UNRESOLVED_MARK.vi}" / "${UNRESOLVED_MARK.en}" after it`;
  }
  if (f.kind === 'defunct-unflagged') {
    return `${where}: "${f.host}" belongs to a body that no longer exists: mark the citation "tư liệu cũ" / "historical"`;
  }
  return null;
}
