import { readdirSync, readFileSync } from 'node:fs';
import { parseLesson } from './shared/content/parse-lesson.ts';
for (const c of process.argv.slice(2)) {
  for (const f of readdirSync('courses/' + c).filter((f) => f.endsWith('.vi.md')).sort()) {
    const vi = parseLesson(readFileSync(`courses/${c}/${f}`, 'utf8')).lesson!.frontMatter.quiz;
    const en = parseLesson(readFileSync(`courses/${c}/${f.replace('.vi.', '.en.')}`, 'utf8')).lesson!.frontMatter.quiz;
    vi.forEach((q, i) => {
      if (q.variants) return;
      console.log(`## ${c}/${f.slice(0, -6)} Q${i + 1} ans=${q.answer}`);
      console.log(`  vi: ${q.question} | ${q.options.map((o) => o.text).join(' | ')}`);
      console.log(`  en: ${en[i].question} | ${en[i].options.map((o) => o.text).join(' | ')}`);
    });
  }
}
