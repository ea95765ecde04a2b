// Reads courses/self-check.yaml: validated with the shared schema, then
// checked against the courses it points to (recommended courses, the lesson
// each question comes from). Errors carry file:line like the courses'.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument } from 'yaml';
import { parseYamlWith } from '../../shared/content/parse-yaml.ts';
import { lineOfPath, type ContentError } from '../../shared/content/source-location.ts';
import { selfCheckSourceSchema, type SelfCheckBank } from '../../shared/content/self-check-schema.ts';
import type { ContentIndex } from '../../shared/content/schema.ts';

export const SELF_CHECK_FILE = 'self-check.yaml';

export function loadSelfCheck(coursesDir: string, index: ContentIndex, rel: (p: string) => string): { bank: SelfCheckBank | null; errors: ContentError[]; input: string | null } {
  const path = join(coursesDir, SELF_CHECK_FILE);
  if (!existsSync(path)) return { bank: null, errors: [], input: null };
  const file = rel(path);
  const text = readFileSync(path, 'utf8');
  const parsed = parseYamlWith(selfCheckSourceSchema, text);
  if (!parsed.value) return { bank: null, errors: parsed.errors.map((e) => ({ file, ...e })), input: path };

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (p: (string | number)[]) => lineOfPath(doc, lines, p);
  const errors: ContentError[] = [];
  const courseIds = new Set(index.courses.map((c) => c.id));
  parsed.value.groups.forEach((g, i) =>
    g.courses.forEach((c, j) => {
      if (!courseIds.has(c)) errors.push({ file, line: at(['groups', i, 'courses', j]), message: `course "${c}" does not exist in courses/` });
    }),
  );
  parsed.value.questions.forEach((q, i) => {
    if (!existsSync(join(coursesDir, `${q.from}.vi.md`))) errors.push({ file, line: at(['questions', i, 'from']), message: `lesson "${q.from}" not found: add courses/${q.from}.vi.md or fix the name` });
  });
  if (errors.length) return { bank: null, errors, input: path };

  const s = parsed.value;
  const body = {
    minutes: s.minutes,
    groups: s.groups,
    questions: s.questions.map((q) => ({ skill: q.skill, question: q.question, options: q.options, correctIndex: q.answer - 1 })),
  };
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 10);
  return { bank: { version, ...body }, errors: [], input: path };
}
