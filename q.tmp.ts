import { readdirSync, readFileSync } from 'node:fs';
import { parseLesson } from './shared/content/parse-lesson.ts';
const dist: Record<string, Record<number, number>> = {};
let variants = 0;
for (const c of readdirSync('courses').sort()) {
  let files: string[] = [];
  try { files = readdirSync('courses/' + c).filter((f) => f.endsWith(`.vi.md`)).sort(); } catch { continue; }
  for (const f of files) {
    const r = parseLesson(readFileSync(`courses/${c}/${f}`, 'utf8'));
    for (const q of r.lesson!.frontMatter.quiz) {
      const k = `${q.options.length}opt`;
      dist[k] ??= {}; dist[k][q.answer] = (dist[k][q.answer] ?? 0) + 1;
      variants += q.variants?.length ?? 0;
      if (process.argv[2] === 'list' && q.options.length === 3) console.log(c, f.slice(0,2), q.answer, q.options.map(o=>o.text.slice(0,40)).join(' | '));
    }
  }
}
console.log(JSON.stringify(dist), 'variants', variants);
