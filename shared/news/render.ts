// A story's Markdown to safe HTML with the lessons' renderer
// (shared/content/compile-lesson.ts): raw HTML escaped, only http(s) links
// and the app's own screens. The server renders once when a story is saved,
// so residents' phones get HTML and no Markdown parser; the staff editor's
// preview runs the same function. Pictures are not placed in the text: a
// story's photos are a separate list (sha256 + alt) shown below it.
import { createMarked, type CompileProblem } from '../content/compile-lesson.ts';

export function renderStoryMarkdown(markdown: string): { html: string; problems: string[] } {
  const problems: CompileProblem[] = [];
  const marked = createMarked((src) => ({ error: `picture "${src}" cannot be placed in the text; add it to the story's photos` }), problems);
  const html = markdown.trim() ? (marked.parse(markdown) as string).trim() : '';
  return { html, problems: problems.map((p) => p.message) };
}
