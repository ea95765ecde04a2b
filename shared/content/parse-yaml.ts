// Validates a YAML text against a zod schema, reporting errors with the line
// of the offending value so an author can find it.
import { parseDocument, LineCounter } from 'yaml';
import type { z } from 'zod';
import { lineOfKey, lineOfPath, formatPath } from './source-location.ts';

export type LineError = { line: number; message: string };
export type Parsed<T> = { value: T; errors: [] } | { value: undefined; errors: LineError[] };

export function parseYamlWith<S extends z.ZodType>(
  schema: S,
  text: string,
  lineOffset = 0,
): Parsed<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      value: undefined,
      errors: doc.errors.map((e) => ({
        line: (e.linePos?.[0]?.line ?? 1) + lineOffset,
        message: `YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { value: result.data, errors: [] };
  const errors = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      return {
        line: lineOfKey(doc, lines, issue.path, key) + lineOffset,
        message: `${issue.path.length ? formatPath(issue.path) + ': ' : ''}unknown field "${issue.keys.join('", "')}"`,
      };
    }
    // zod leaves out the input unless asked, so "missing" is read from the document itself.
    const missing = issue.code === 'invalid_type' && !doc.hasIn(issue.path as (string | number)[]);
    const where = formatPath(issue.path);
    return {
      line: lineOfPath(doc, lines, issue.path) + lineOffset,
      message: missing ? `missing field "${where}"` : `${where ? where + ': ' : ''}${issue.message}`,
    };
  });
  return { value: undefined, errors };
}
