// Every course shipped in courses/ passes the same checks as the build.
import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { loadCourses } from '../../tools/courses/load.ts';
import { formatContentError } from '../../shared/content/source-location.ts';
import { BASIC_SKILLS, SKILLS } from '../../shared/skills.ts';

const result = loadCourses(fileURLToPath(new URL('../../courses', import.meta.url)));

describe('shipped courses', () => {
  it('have no content errors', () => {
    expect(result.errors.map(formatContentError)).toEqual([]);
  });

  it('include the public-services course with at least 4 lessons, each with steps and a quiz', () => {
    const course = result.index.courses.find((c) => c.id === 'public-services');
    expect(course?.skill).toBe(BASIC_SKILLS[0]);
    expect(course!.lessons.length).toBeGreaterThanOrEqual(4);
    for (const lesson of course!.lessons) {
      expect(lesson.stepCount).toBeGreaterThanOrEqual(3);
      expect(lesson.quizCount).toBeGreaterThanOrEqual(3);
    }
  });

  it('include the AI and the health-insurance courses, 4 to 6 lessons each, every source naming an article address', () => {
    for (const id of ['ai-deepfakes', 'health-insurance']) {
      const course = result.index.courses.find((c) => c.id === id);
      expect(course, id).toBeDefined();
      expect(course!.lessons.length).toBeGreaterThanOrEqual(4);
      expect(course!.lessons.length).toBeLessThanOrEqual(6);
      for (const lang of ['vi', 'en'] as const) {
        for (const lesson of JSON.parse(String(result.files.get(course!.chunks[lang].slice(1)))).lessons) {
          expect(lesson.quiz.length, `${id}/${lesson.id}`).toBeGreaterThanOrEqual(3);
          // an article, not a bare domain: https://host/some-path
          for (const source of lesson.sources) expect(source, `${id}/${lesson.id} (${lang})`).toMatch(/https:\/\/[^\s/]+\/[^\s]+/);
        }
      }
    }
  });

  it('include the young-people, national-platform, shop-2026 and finding-information courses, each source naming an article or page address', () => {
    const expected = { 'young-people': 'young-people', 'national-platform': 'resolution-57', 'shop-2026': 'business', 'finding-information': 'device-basics' };
    for (const [id, skill] of Object.entries(expected)) {
      const course = result.index.courses.find((c) => c.id === id);
      expect(course, id).toBeDefined();
      // none of them may join the five basic skills: that would change the household rule and the certificate
      expect(course!.skill, id).toBe(skill);
      expect(BASIC_SKILLS as readonly string[]).not.toContain(course!.skill);
      expect(course!.lessons.length, id).toBeGreaterThanOrEqual(3);
      for (const lang of ['vi', 'en'] as const) {
        for (const lesson of JSON.parse(String(result.files.get(course!.chunks[lang].slice(1)))).lessons) {
          for (const source of lesson.sources) expect(source, `${id}/${lesson.id} (${lang})`).toMatch(/https?:\/\/[^\s/]+\/[^\s]+/);
        }
      }
    }
  });

  it('include the report-and-get-help course: protecting yourself online, 4 to 6 lessons, the 5656 practice, every source an article or page address', () => {
    const course = result.index.courses.find((c) => c.id === 'report-and-get-help');
    expect(course).toBeDefined();
    // one of the five basic skills, like ai-deepfakes: the Công dân số certificate now asks for it too
    expect(course!.skill).toBe('cyber-safety');
    expect(course!.lessons.length).toBeGreaterThanOrEqual(4);
    expect(course!.lessons.length).toBeLessThanOrEqual(6);
    for (const lang of ['vi', 'en'] as const) {
      const lessons = JSON.parse(String(result.files.get(course!.chunks[lang].slice(1)))).lessons;
      expect(lessons.map((l: { practice?: string }) => l.practice), lang).toContain('report-5656');
      for (const lesson of lessons) {
        expect(lesson.quiz.length, `${lesson.id} (${lang})`).toBeGreaterThanOrEqual(3);
        for (const source of lesson.sources) expect(source, `${lesson.id} (${lang})`).toMatch(/https?:\/\/[^\s/]+\/[^\s]+/);
      }
    }
  });

  it('do not put the right answer in a predictable place: a guide\'s session shows the options as written', () => {
    // Alone, a resident gets the options shuffled; in a guide's session everyone
    // sees them in the authored order, so the files themselves must spread the
    // right answers (a third option added after the right one, every time, would
    // teach "never the last one").
    const byCount = new Map<number, number[]>();
    for (const course of result.index.courses) {
      const perCourse = [0, 0, 0];
      for (const lesson of JSON.parse(String(result.files.get(course.chunks.vi.slice(1)))).lessons) {
        for (const item of lesson.quiz) {
          for (const q of [item, ...(item.variants ?? [])] as { options: unknown[]; correctIndex: number }[]) {
            const n = q.options.length;
            const tally = byCount.get(n) ?? Array(n).fill(0);
            tally[q.correctIndex]++;
            byCount.set(n, tally);
            if (n === 3) perCourse[q.correctIndex]++;
          }
        }
      }
      const total = perCourse.reduce((a, b) => a + b, 0);
      if (total >= 6) expect(Math.min(...perCourse), `${course.id}: right answers by place ${perCourse.join('/')}`).toBeGreaterThan(0);
    }
    const three = byCount.get(3)!;
    const total = three.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(100);
    // each of the three places holds at least a fifth of the right answers (a third if spread evenly)
    for (const [place, count] of three.entries()) expect(count / total, `place ${place + 1}: ${three.join('/')}`).toBeGreaterThanOrEqual(0.2);
    // and of two-option questions, neither place holds more than two thirds
    const two = byCount.get(2)!;
    for (const [place, count] of two.entries()) expect(count / (two[0] + two[1]), `two options, place ${place + 1}: ${two.join('/')}`).toBeLessThanOrEqual(2 / 3);
  });

  it('address every resident as living in a phường or a xã, never in a phường only', () => {
    // Since 1/7/2025 the commune level is phường, xã or đặc khu. Sources (quoting
    // an article) and words inside “quotes” (what someone else says) are left as written.
    const coursesDir = fileURLToPath(new URL('../../courses', import.meta.url));
    const found: string[] = [];
    for (const course of readdirSync(coursesDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const name of readdirSync(`${coursesDir}/${course.name}`).filter((n) => n.endsWith('.vi.md'))) {
        readFileSync(`${coursesDir}/${course.name}/${name}`, 'utf8').split('\n').forEach((line, i) => {
          if (/^ {2}- "/.test(line)) return; // a source (quiz items start "  - question:")
          const unquoted = line.replace(/“[^”]*”/g, '“…”');
          if (/(?<!xã, )phường(?!, xã| hoặc xã|\/xã| và xã)/.test(unquoted)) found.push(`${course.name}/${name}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(found).toEqual([]);
  });

  it('name sources for every lesson', () => {
    for (const [path, body] of result.files) {
      if (!/^content\/[a-z0-9-]+\.(vi|en)\.[0-9a-f]+\.json$/.test(path)) continue;
      for (const lesson of JSON.parse(String(body)).lessons) expect(lesson.sources.length, `${path} ${lesson.id}`).toBeGreaterThan(0);
    }
  });
});

describe('content budgets', () => {
  it('keeps every lesson\'s images under 60 KB and every course chunk under 40 KB gzip per language', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(result.lessons.length).toBeGreaterThanOrEqual(100); // 50+ lessons × 2 languages
    for (const lesson of result.lessons) expect(lesson.imageBytes, lesson.file).toBeLessThanOrEqual(60 * 1024);
    for (const course of result.index.courses) {
      for (const url of Object.values(course.chunks)) {
        expect(gzipSync(result.files.get(url.slice(1))!).length, url).toBeLessThanOrEqual(40 * 1024);
      }
    }
  });

  it('covers the five basic skills and every track with at least 50 lessons, each illustrated', () => {
    expect(new Set(result.index.courses.map((c) => c.skill)).size).toBe(SKILLS.length);
    expect(result.index.courses.reduce((n, c) => n + c.lessons.length, 0)).toBeGreaterThanOrEqual(50);
    for (const lesson of result.lessons) expect(lesson.imageBytes, `${lesson.file} has no illustration`).toBeGreaterThan(0);
  });
});
