// Parses one lesson file (front matter + Markdown body) into its parts, with
// line numbers for every error. Pure: no file system, no Markdown rendering.
import { lessonFrontMatterSchema, type LessonFrontMatter } from './schema.ts';
import { parseYamlWith, type LineError } from './parse-yaml.ts';

export const MIN_STEPS = 3;
export const MAX_STEPS = 8;

export type LessonSection = { title: string; markdown: string; line: number };
export type ParsedLesson = {
  frontMatter: LessonFrontMatter;
  intro: string;
  steps: LessonSection[];
  remember: string;
};

type Box = 'remember' | 'warning';

/** Marker lines left in a step's Markdown where a warning box starts and ends. */
export const WARNING_START = '\u0000warning-start';
export const WARNING_END = '\u0000warning-end';

export function parseLesson(text: string): { lesson?: ParsedLesson; errors: LineError[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    return { errors: [{ line: 1, message: 'a lesson must start with front matter: a line "---", the fields, then "---"' }] };
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return { errors: [{ line: 1, message: 'front matter is not closed: add a line "---" after the fields' }] };

  // Front matter starts on line 2 of the file.
  const fm = parseYamlWith(lessonFrontMatterSchema, lines.slice(1, end).join('\n'), 1);
  const errors: LineError[] = [...fm.errors];
  const body = parseBody(lines, end + 1, errors);
  if (errors.length > 0 || !fm.value) return { errors };
  return { lesson: { frontMatter: fm.value, ...body }, errors };
}

function parseBody(lines: string[], start: number, errors: LineError[]) {
  let intro: string[] = [];
  const steps: { title: string; body: string[]; line: number }[] = [];
  const remember: string[] = [];
  let rememberCount = 0;
  let box: { kind: Box; line: number } | undefined;

  const target = () => (steps.length ? steps[steps.length - 1].body : intro);

  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    const fence = /^:::\s*(\S*)\s*$/.exec(line.trim());
    if (fence) {
      const name = fence[1];
      if (!box) {
        const kind: Box = name === 'remember' ? 'remember' : 'warning';
        if (name !== kind) {
          // Reported, then read as a warning so its closing ":::" is not a second error.
          errors.push({ line: lineNo, message: `unknown box ":::${name}" (use ":::remember" or ":::warning")` });
        }
        box = { kind, line: lineNo };
        if (kind === 'remember') rememberCount++;
        else target().push(WARNING_START);
      } else if (name === '') {
        if (box.kind === 'warning') target().push(WARNING_END);
        box = undefined;
      } else {
        errors.push({ line: lineNo, message: `":::${name}" opened inside the box opened on line ${box.line}: close that one first with ":::"` });
      }
      continue;
    }
    if (box?.kind === 'remember') {
      remember.push(line);
      continue;
    }
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading && !box) {
      steps.push({ title: heading[1], body: [], line: lineNo });
      continue;
    }
    if (/^#\s/.test(line)) {
      errors.push({ line: lineNo, message: 'use "## " for step headings; the lesson title belongs in the front matter' });
      continue;
    }
    target().push(line);
  }

  if (box) errors.push({ line: box.line, message: `box ":::${box.kind}" is never closed: add a line ":::" after it` });
  const bodyLine = start + 1;
  if (steps.length < MIN_STEPS || steps.length > MAX_STEPS) {
    errors.push({
      line: steps[MAX_STEPS]?.line ?? bodyLine,
      message: `a lesson needs ${MIN_STEPS} to ${MAX_STEPS} steps ("## " headings); this one has ${steps.length}`,
    });
  }
  for (const s of steps) {
    if (s.body.join('').trim() === '') errors.push({ line: s.line, message: `step "${s.title}" has no text` });
  }
  if (rememberCount !== 1) {
    errors.push({ line: bodyLine, message: `a lesson needs exactly one ":::remember" box; this one has ${rememberCount}` });
  }

  intro = trimBlank(intro);
  return {
    intro: intro.join('\n'),
    steps: steps.map((s) => ({ title: s.title, markdown: trimBlank(s.body).join('\n'), line: s.line })),
    remember: trimBlank(remember).join('\n'),
  };
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return lines.slice(a, b);
}
