// Turns a zod issue on a YAML document into the line an author must fix.
import { LineCounter, isNode, type Document } from 'yaml';

export type ContentError = { file: string; line: number; message: string };

export function formatContentError(e: ContentError): string {
  return `${e.file}:${e.line}: ${e.message}`;
}

/** Line (1-based, within the YAML text) of the deepest node that exists along `path`. */
export function lineOfPath(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

/** Line of a key inside the map at `path` (for unknown or misspelt keys). */
export function lineOfKey(doc: Document, lines: LineCounter, path: readonly PropertyKey[], key: string): number {
  const map = path.length === 0 ? doc.contents : doc.getIn(path as (string | number)[], true);
  const items = (map as { items?: { key?: unknown }[] } | null)?.items ?? [];
  for (const pair of items) {
    const k = pair.key as { value?: unknown; range?: [number, number, number] } | undefined;
    if (k?.value === key && k.range) return lines.linePos(k.range[0]).line;
  }
  return lineOfPath(doc, lines, path);
}

/** Author-facing path: list items count from 1, like the 1-based quiz answer ("quiz #2 › answer"). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += ` #${part + 1}`;
    else out += (out ? ' › ' : '') + String(part);
  }
  return out;
}
