// `npm run courses:check [-- <courses folder>]`: validates every course for
// content authors, prints each lesson's reading length, and exits 1 on any
// problem (file:line: message), the same problems that stop the build.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCourses } from './load.ts';
import { describeLesson } from './reading.ts';
import { formatContentError } from '../../shared/content/source-location.ts';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const dirArg = args.find((a) => !a.startsWith('--'));
const coursesDir = dirArg ? resolve(dirArg) : fileURLToPath(new URL('../../courses', import.meta.url));
const result = loadCourses(coursesDir);

if (!quiet) for (const l of result.lessons) console.log(describeLesson(l));
if (!quiet && result.warnings.length) {
  for (const w of result.warnings) console.log(formatContentError(w));
  console.log(`${result.warnings.length} warning(s): sources to make precise (they do not stop the build).`);
}
if (!quiet && result.markedDomains.length) {
  const hosts = new Map<string, number>();
  for (const m of result.markedDomains) hosts.set(m.host, (hosts.get(m.host) ?? 0) + 1);
  const list = [...hosts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([h, n]) => `${h} ${n}`);
  console.log(`${result.markedDomains.length} source citation(s) still name only a domain, marked as having no article on record: ${list.join(', ')}`);
}
if (result.errors.length) {
  for (const e of result.errors) console.error(formatContentError(e));
  console.error(`\n${result.errors.length} problem(s) found. Fix them and run "npm run courses:check" again.`);
  process.exit(1);
}
const lessons = result.index.courses.reduce((n, c) => n + c.lessons.length, 0);
for (const c of result.index.courses) {
  const sizes = Object.values(c.chunks).map((url) => (gzipSync(result.files.get(url.slice(1))!).length / 1024).toFixed(1));
  console.log(`${c.id}: chunks ${sizes.join(' KB / ')} KB gzip (vi / en)`);
}
if (result.selfCheck) console.log(`self-check: ${result.selfCheck.questions.length} question(s) in ${result.selfCheck.groups.length} skill group(s)`);
console.log(`OK: ${result.index.courses.length} course(s), ${lessons} lesson(s) in vi and en.`);
