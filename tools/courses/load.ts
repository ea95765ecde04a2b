// Reads courses/ from disk, validates every file with the shared schemas and
// compiles it into what the build emits: content/index.json, one chunk per
// course per language, and the images lessons use. Errors carry file:line.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { courseSourceSchema, LESSON_FILE, type ContentIndex, type CourseChunk, type CompiledLesson } from '../../shared/content/schema.ts';
import { parseYamlWith } from '../../shared/content/parse-yaml.ts';
import { parseLesson, type ParsedLesson } from '../../shared/content/parse-lesson.ts';
import { compileLesson, type ResolvedImage } from '../../shared/content/compile-lesson.ts';
import { readingStats, type ReadingStats } from './reading.ts';
import type { ContentError } from '../../shared/content/source-location.ts';
import { LANGUAGES, type Language } from '../../shared/skills.ts';
import { imageSize } from './image-size.ts';
import { checkSources, type MarkedDomain } from './source-warnings.ts';
import { loadSelfCheck } from './self-check.ts';
import type { SelfCheckBank } from '../../shared/content/self-check-schema.ts';

/** One lesson file's figures for authors; `minutes` is what the lesson itself says. */
export type LessonReport = { file: string; minutes: number; imageBytes: number } & ReadingStats;
/** Budgets from the product: a course chunk per language, and a lesson's images. */
export const CHUNK_BUDGET_GZIP = 40 * 1024;
export const LESSON_IMAGES_BUDGET = 60 * 1024;
export type LoadResult = {
  index: ContentIndex;
  /** Output path (relative to the site root, no leading slash) → contents. */
  files: Map<string, string | Buffer>;
  errors: ContentError[];
  /** Worth fixing, never blocking: sources that cite no article (source-warnings.ts). */
  warnings: ContentError[];
  lessons: LessonReport[];
  /** Domain-only citations marked as having no article on record yet (source-citations.ts). */
  markedDomains: MarkedDomain[];
  /** Every file read, so a dev server can watch them. */
  inputs: string[];
  /** The skills self-check (courses/self-check.yaml), when present and valid. */
  selfCheck: SelfCheckBank | null;
};

const IMAGE_TYPES = /\.(svg|png|jpe?g|webp)$/i;
const hash = (data: string | Buffer, length: number) => createHash('sha256').update(data).digest('hex').slice(0, length);

export function loadCourses(coursesDir: string): LoadResult {
  const root = dirname(coursesDir);
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const markedDomains: MarkedDomain[] = [];
  const files = new Map<string, string | Buffer>();
  const lessonsReport: LessonReport[] = [];
  const inputs: string[] = [];
  const courses: ContentIndex['courses'] = [];

  const folders = existsSync(coursesDir)
    ? readdirSync(coursesDir).filter((name) => statSync(join(coursesDir, name)).isDirectory()).sort()
    : [];
  if (folders.length === 0) errors.push({ file: rel(coursesDir), line: 1, message: 'no course folders found' });

  for (const folder of folders) {
    const dir = join(coursesDir, folder);
    const courseFile = join(dir, 'course.yaml');
    if (!existsSync(courseFile)) {
      errors.push({ file: rel(dir), line: 1, message: 'a course folder needs a course.yaml' });
      continue;
    }
    inputs.push(courseFile);
    const courseText = readFileSync(courseFile, 'utf8');
    const course = parseYamlWith(courseSourceSchema, courseText);
    for (const e of course.errors) errors.push({ file: rel(courseFile), ...e });
    if (course.value && course.value.id !== folder) {
      errors.push({ file: rel(courseFile), line: 1, message: `id "${course.value.id}" must equal the folder name "${folder}"` });
    }

    // Group lesson files into vi/en twins by "NN-slug".
    const twins = new Map<string, Partial<Record<Language, string>>>();
    for (const name of readdirSync(dir).sort()) {
      if (name === 'course.yaml' || name === 'images' || name.startsWith('.')) continue;
      const m = LESSON_FILE.exec(name);
      if (!m) {
        errors.push({ file: rel(join(dir, name)), line: 1, message: 'lesson files are named NN-<slug>.vi.md and NN-<slug>.en.md (e.g. 01-what-is-vneid.vi.md)' });
        continue;
      }
      const key = `${m[1]}-${m[2]}`;
      twins.set(key, { ...twins.get(key), [m[3] as Language]: join(dir, name) });
    }

    const imageUrls = new Map<string, ResolvedImage>();
    const resolveImage = (src: string): ResolvedImage | { error: string } => {
      const m = /^images\/([A-Za-z0-9._-]+)$/.exec(src);
      if (!m || !IMAGE_TYPES.test(m[1])) return { error: `image "${src}" must be a file in this course's images/ folder (svg, png, jpg or webp)` };
      const path = join(dir, 'images', m[1]);
      if (!existsSync(path)) return { error: `image "${src}" not found: add ${rel(path)}` };
      let image = imageUrls.get(path);
      if (!image) {
        const data = readFileSync(path);
        const dot = m[1].lastIndexOf('.');
        const url = `content/images/${folder}/${m[1].slice(0, dot)}.${hash(data, 8)}${m[1].slice(dot)}`;
        files.set(url, data);
        image = { url: '/' + url, ...imageSize(m[1], data) };
        imageUrls.set(path, image);
        inputs.push(path);
      }
      return image;
    };

    const compiled: Record<Language, CompiledLesson[]> = { vi: [], en: [] };
    const seenSlugs = new Map<string, string>();
    for (const [key, pair] of [...twins].sort(([a], [b]) => a.localeCompare(b))) {
      const slug = key.slice(3);
      const clash = seenSlugs.get(slug);
      if (clash) errors.push({ file: rel(pair.vi ?? pair.en!), line: 1, message: `lesson id "${slug}" is used twice (also ${clash})` });
      seenSlugs.set(slug, key);
      const missing = LANGUAGES.filter((l) => !pair[l]);
      if (missing.length) {
        const present = (pair.vi ?? pair.en)!;
        const lang = missing[0] === 'en' ? 'English' : 'Vietnamese';
        errors.push({ file: rel(present), line: 1, message: `lesson is missing its ${lang} twin: add ${key}.${missing[0]}.md` });
        continue;
      }
      const parsed: Partial<Record<Language, ParsedLesson>> = {};
      for (const lang of LANGUAGES) {
        const file = pair[lang]!;
        inputs.push(file);
        const text = readFileSync(file, 'utf8');
        const result = parseLesson(text);
        for (const e of result.errors) errors.push({ file: rel(file), ...e });
        if (result.lesson) {
          const checked = checkSources(rel(file), text, result.lesson.frontMatter.sources);
          errors.push(...checked.errors);
          warnings.push(...checked.warnings);
          markedDomains.push(...checked.markedDomains);
        }
        parsed[lang] = result.lesson;
      }
      if (!parsed.vi || !parsed.en) continue;
      errors.push(...checkParity(rel(pair.vi!), parsed.vi, rel(pair.en!), parsed.en));
      for (const lang of LANGUAGES) {
        const used = new Set<string>();
        const { compiled: lesson, problems } = compileLesson(slug, parsed[lang]!, (src) => {
          const resolved = resolveImage(src);
          if ('url' in resolved) used.add(resolved.url.slice(1));
          return resolved;
        });
        const imageBytes = [...used].reduce((n, url) => n + (files.get(url)?.length ?? 0), 0);
        if (imageBytes > LESSON_IMAGES_BUDGET) {
          problems.push({ message: `images total ${Math.round(imageBytes / 1024)} KB; a lesson's images must stay under ${LESSON_IMAGES_BUDGET / 1024} KB` });
        }
        for (const p of problems) errors.push({ file: rel(pair[lang]!), line: 1, message: p.message });
        compiled[lang].push(lesson);
        lessonsReport.push({ file: rel(pair[lang]!), ...readingStats(lesson), minutes: lesson.minutes, imageBytes });
      }
    }
    if (twins.size === 0) errors.push({ file: rel(courseFile), line: 1, message: 'this course has no lessons yet' });
    if (!course.value || compiled.vi.length === 0) continue;

    const c = course.value;
    const version = hash(JSON.stringify([c, compiled]), 10);
    const chunks = {} as Record<Language, string>;
    for (const lang of LANGUAGES) {
      const chunk: CourseChunk = { courseId: c.id, lang, version, lessons: compiled[lang] };
      const json = JSON.stringify(chunk);
      const path = `content/${c.id}.${lang}.${hash(json, 8)}.json`;
      const gzipped = gzipSync(json).length;
      if (gzipped > CHUNK_BUDGET_GZIP) {
        errors.push({ file: rel(courseFile), line: 1, message: `the ${lang} chunk is ${Math.round(gzipped / 1024)} KB gzip; a course must stay under ${CHUNK_BUDGET_GZIP / 1024} KB per language (split it into two courses)` });
      }
      files.set(path, json);
      chunks[lang] = '/' + path;
    }
    courses.push({
      id: c.id,
      skill: c.skill,
      order: c.order,
      title: c.title,
      summary: c.summary,
      ...(c.localities ? { localities: c.localities } : {}),
      version,
      chunks,
      lessons: compiled.vi.map((l, i) => ({
        id: l.id,
        title: { vi: l.title, en: compiled.en[i].title },
        minutes: l.minutes,
        stepCount: l.steps.length,
        quizCount: l.quiz.length,
      })),
    });
  }

  courses.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const index: ContentIndex = { version: hash(courses.map((c) => c.version).join(','), 10), courses };
  files.set('content/index.json', JSON.stringify(index));
  const selfCheck = loadSelfCheck(coursesDir, index, rel);
  errors.push(...selfCheck.errors);
  if (selfCheck.input) inputs.push(selfCheck.input);
  errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { index, files, errors, warnings, markedDomains, lessons: lessonsReport, inputs, selfCheck: selfCheck.bank };
}

/** The English twin must teach the same steps and ask the same quiz. */
function checkParity(viFile: string, vi: ParsedLesson, enFile: string, en: ParsedLesson): ContentError[] {
  const errors: ContentError[] = [];
  if (vi.steps.length !== en.steps.length) {
    errors.push({
      file: enFile,
      line: en.steps[Math.min(vi.steps.length, en.steps.length)]?.line ?? 1,
      message: `has ${en.steps.length} steps but ${viFile} has ${vi.steps.length}: twins must have the same steps`,
    });
  }
  if (vi.frontMatter.practice !== en.frontMatter.practice) {
    errors.push({ file: enFile, line: 1, message: `practice "${en.frontMatter.practice ?? '(none)'}" differs from ${viFile} ("${vi.frontMatter.practice ?? '(none)'}")` });
  }
  const qv = vi.frontMatter.quiz;
  const qe = en.frontMatter.quiz;
  if (qv.length !== qe.length) {
    errors.push({ file: enFile, line: 1, message: `quiz has ${qe.length} questions but ${viFile} has ${qv.length}` });
  }
  for (let i = 0; i < Math.min(qv.length, qe.length); i++) {
    if (qv[i].options.length !== qe[i].options.length || qv[i].answer !== qe[i].answer) {
      errors.push({
        file: enFile,
        line: 1,
        message: `quiz #${i + 1}: options or answer differ from ${viFile} (vi: ${qv[i].options.length} options, answer ${qv[i].answer}; en: ${qe[i].options.length} options, answer ${qe[i].answer})`,
      });
    }
    const vv = qv[i].variants ?? [];
    const ve = qe[i].variants ?? [];
    if (vv.length !== ve.length) {
      errors.push({ file: enFile, line: 1, message: `quiz #${i + 1}: has ${ve.length} variants but ${viFile} has ${vv.length}` });
      continue;
    }
    vv.forEach((v, j) => {
      if (v.options.length !== ve[j].options.length || v.answer !== ve[j].answer) {
        errors.push({ file: enFile, line: 1, message: `quiz #${i + 1} variant ${j + 1}: options or answer differ from ${viFile}` });
      }
    });
  }
  return errors;
}
