// Content schemas. Two halves:
// - source: what authors write in courses/ (course.yaml, lesson front matter);
//   The exact file format for authors is described in courses/README.md:
//   body = optional intro, then 3–8 steps as "## " headings, a warning box as
//   ":::warning ... :::" (inside a step), exactly one ":::remember ... :::" box;
//   the quiz lives in the front matter with a 1-based `answer`.
// - compiled: what the build emits for phones (content/index.json and one chunk
//   per course per language). The web app only reads the compiled half.
import { z } from 'zod';
import { SKILLS, LANGUAGES } from '../skills.ts';
import { PRACTICE_IDS } from './practice.ts';
import { localitySlugSchema } from '../localities/locality.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and dashes (e.g. "vneid-levels")');

const text = z.string().trim().min(1, 'must not be empty');
const localized = z.object({ vi: text, en: text }, { error: 'must have both "vi" and "en"' });

/** courses/<id>/course.yaml */
export const courseSourceSchema = z.strictObject({
  id: slug,
  skill: z.enum(SKILLS, { error: `must be one of: ${SKILLS.join(', ')}` }),
  order: z.number().int().min(0),
  title: localized,
  summary: localized,
  /** A local course: taught only in these localities (shared/content/local-courses.ts). Absent: city-wide. */
  localities: z
    .array(localitySlugSchema, { error: 'must be a list of locality slugs, e.g. [kien-an]' })
    .min(1, 'list at least one locality, or leave "localities" out for a city-wide course')
    .refine((l) => new Set(l).size === l.length, 'a locality is listed twice')
    .optional(),
});
export type CourseSource = z.infer<typeof courseSourceSchema>;

const quizOptionSource = z.strictObject({
  text: text,
  explain: text,
});

const quizQuestionFields = {
  question: text,
  options: z.array(quizOptionSource).min(2, 'needs at least 2 options').max(6, 'at most 6 options'),
  /** 1-based: "answer: 2" means the second option is right (written for non-programmers). */
  answer: z.number().int().min(1, 'answer is 1-based: the first option is 1'),
};

const answerInRange = (item: { answer: number; options: unknown[] }, ctx: z.RefinementCtx) => {
  if (item.answer > item.options.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['answer'],
      message: `answer ${item.answer} is out of range: this question has ${item.options.length} options`,
    });
  }
};

/** Another phrasing of the same question: a phone draws one per attempt. */
const quizVariantSource = z.strictObject(quizQuestionFields).superRefine(answerInRange);

export const quizItemSource = z
  .strictObject({
    ...quizQuestionFields,
    variants: z.array(quizVariantSource).min(1, 'leave "variants" out when there are none').max(3, 'at most 3 variants').optional(),
  })
  .superRefine(answerInRange);

/** Front matter of courses/<id>/NN-<slug>.<lang>.md */
export const lessonFrontMatterSchema = z.strictObject({
  title: text,
  goal: text,
  minutes: z.number().int().min(1).max(60),
  sources: z.array(text).min(1, 'name at least one source for the facts in this lesson'),
  quiz: z.array(quizItemSource).min(3, 'a quiz needs 3 to 5 questions').max(5, 'a quiz needs 3 to 5 questions'),
  /** A practice screen shown after the steps, before the quiz. */
  practice: z.enum(PRACTICE_IDS, { error: `must be one of: ${PRACTICE_IDS.join(', ')}` }).optional(),
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

// ---- compiled (phones read these) -------------------------------------------

const compiledQuizQuestion = {
  question: z.string(),
  options: z.array(z.object({ text: z.string(), explanation: z.string() })),
  correctIndex: z.number().int().min(0),
};
export const compiledQuizVariantSchema = z.object(compiledQuizQuestion);
export const compiledQuizItemSchema = z.object({
  ...compiledQuizQuestion,
  /** Other phrasings; the first (the item itself) is the one a guide's session uses. */
  variants: z.array(compiledQuizVariantSchema).optional(),
});

export const compiledStepSchema = z.object({
  title: z.string(),
  /** Safe HTML produced at build time. */
  html: z.string(),
});

export const compiledLessonSchema = z.object({
  id: slug,
  title: z.string(),
  goal: z.string(),
  minutes: z.number(),
  intro: z.string(),
  steps: z.array(compiledStepSchema),
  remember: z.string(),
  quiz: z.array(compiledQuizItemSchema),
  sources: z.array(z.string()),
  practice: z.enum(PRACTICE_IDS).optional(),
});

/** content/<course>.<lang>.<hash>.json */
export const courseChunkSchema = z.object({
  courseId: slug,
  lang: z.enum(LANGUAGES),
  version: z.string(),
  lessons: z.array(compiledLessonSchema),
});

export const contentIndexSchema = z.object({
  /** Changes whenever any course changes; phones compare it to offer an update. */
  version: z.string(),
  courses: z.array(
    z.object({
      id: slug,
      skill: z.enum(SKILLS),
      order: z.number(),
      title: localized,
      summary: localized,
      /** Only in these localities (a local course); absent: city-wide. */
      localities: z.array(z.string()).optional(),
      /** Content version of the course; sent with each completion. */
      version: z.string(),
      chunks: z.object({ vi: z.string(), en: z.string() }),
      lessons: z.array(
        z.object({
          id: slug,
          title: localized,
          minutes: z.number(),
          stepCount: z.number(),
          quizCount: z.number(),
        }),
      ),
    }),
  ),
});

export type CompiledQuizItem = z.infer<typeof compiledQuizItemSchema>;
export type CompiledQuizVariant = z.infer<typeof compiledQuizVariantSchema>;
export type CompiledLesson = z.infer<typeof compiledLessonSchema>;
export type CourseChunk = z.infer<typeof courseChunkSchema>;
export type ContentIndex = z.infer<typeof contentIndexSchema>;
export type ContentIndexCourse = ContentIndex['courses'][number];

/** Lesson file names: NN-<slug>.<lang>.md */
export const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.(vi|en)\.md$/;
