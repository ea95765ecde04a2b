// Compiles a parsed lesson to the JSON a phone renders. Markdown becomes safe
// HTML here, at build time, so no Markdown parser ships to phones. Raw HTML in
// a lesson is escaped; links must be http(s) or one of the app's own screens;
// images must be the course's own.
import { Marked, type Tokens } from 'marked';
import { LESSON_APP_LINKS } from '../resident/addresses.ts';
import type { CompiledLesson } from './schema.ts';
import { forResidents } from './source-marks.ts';
import type { ParsedLesson } from './parse-lesson.ts';
import { WARNING_START, WARNING_END } from './parse-lesson.ts';

/** An image's address and, where known, its intrinsic size (reserves its space before it loads). */
export type ResolvedImage = { url: string; width?: number; height?: number };
export type ImageResolver = (src: string, alt: string) => ResolvedImage | { error: string };
export type CompileProblem = { message: string };

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function createMarked(resolveImage: ImageResolver, problems: CompileProblem[]) {
  return new Marked({
    gfm: true,
    async: false,
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
      link(token: Tokens.Link) {
        const label = this.parser.parseInline(token.tokens);
        // A screen of this app opens in place (the router follows it), offline too.
        if (LESSON_APP_LINKS.includes(token.href)) return `<a href="${escapeHtml(token.href)}">${label}</a>`;
        if (!/^https?:\/\//.test(token.href)) {
          problems.push({ message: `link "${token.href}" must start with https:// or http://, or be one of ${LESSON_APP_LINKS.join(', ')}` });
          return label;
        }
        return `<a href="${escapeHtml(token.href)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
      },
      image(token: Tokens.Image) {
        const alt = token.text.trim();
        if (!alt) problems.push({ message: `image "${token.href}" needs alt text: ![what the picture shows](${token.href})` });
        const resolved = resolveImage(token.href, alt);
        if ('error' in resolved) {
          problems.push({ message: resolved.error });
          return '';
        }
        // Not loading="lazy": a lesson shows one step at a time, so every
        // picture in the page is on screen, and often the largest thing on it.
        const size = resolved.width && resolved.height ? ` width="${resolved.width}" height="${resolved.height}"` : '';
        return `<img src="${escapeHtml(resolved.url)}" alt="${escapeHtml(alt)}"${size} decoding="async">`;
      },
    },
  });
}

export function compileLesson(
  id: string,
  lesson: ParsedLesson,
  resolveImage: ImageResolver,
): { compiled: CompiledLesson; problems: CompileProblem[] } {
  const problems: CompileProblem[] = [];
  const marked = createMarked(resolveImage, problems);
  const block = (md: string) => (md.trim() ? (marked.parse(md) as string).trim() : '');
  const inline = (md: string) => (marked.parseInline(md) as string).trim();

  // A step's Markdown may hold warning boxes between marker lines.
  const stepHtml = (md: string) => {
    const parts: string[] = [];
    let current: string[] = [];
    let inWarning = false;
    const flush = () => {
      const html = block(current.join('\n'));
      if (html) parts.push(inWarning ? `<aside class="callout warning">${html}</aside>` : html);
      current = [];
    };
    for (const line of md.split('\n')) {
      if (line === WARNING_START || line === WARNING_END) {
        flush();
        inWarning = line === WARNING_START;
      } else current.push(line);
    }
    flush();
    return parts.join('\n');
  };

  const compileQuestion = (q: { question: string; options: { text: string; explain: string }[]; answer: number }) => ({
    question: inline(q.question),
    options: q.options.map((o) => ({ text: inline(o.text), explanation: inline(o.explain) })),
    correctIndex: q.answer - 1,
  });

  const fm = lesson.frontMatter;
  const compiled: CompiledLesson = {
    id,
    title: fm.title,
    goal: fm.goal,
    minutes: fm.minutes,
    intro: block(lesson.intro),
    steps: lesson.steps.map((s) => ({ title: inline(s.title), html: stepHtml(s.markdown) })),
    remember: block(lesson.remember),
    quiz: fm.quiz.map((q) => ({
      ...compileQuestion(q),
      ...(q.variants ? { variants: q.variants.map(compileQuestion) } : {}),
    })),
    sources: fm.sources.map((source) => inline(forResidents(source))),
    ...(fm.practice ? { practice: fm.practice } : {}),
  };
  return { compiled, problems };
}
