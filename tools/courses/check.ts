// `npm run courses:check`: validates every course for content authors and
// prints a reading-length figure per lesson. Exit code 1 on any problem.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadCourses } from './load.ts';
import { formatContentError } from '../../shared/content/source-location.ts';

const coursesDir = fileURLToPath(new URL('../../courses', import.meta.url));
const result = loadCourses(coursesDir);
const quiet = process.argv.includes('--quiet');

if (!quiet) {
  for (const l of result.lessons) {
    console.log(`${l.file}: ${l.characters} characters, about ${l.minutes} min${l.imageBytes ? `, images ${(l.imageBytes / 1024).toFixed(1)} KB` : ''}`);
  }
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
console.log(`OK: ${result.index.courses.length} course(s), ${lessons} lesson(s) in vi and en.`);
