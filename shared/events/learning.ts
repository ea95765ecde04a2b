// Lesson events a resident's phone records while learning.
import { z } from 'zod';
import { learnerEnvelope } from './envelope.ts';
import { contentVersionSchema, durationSecSchema, scoreSchema, slugSchema } from './primitives.ts';

export const lessonStartedSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('lesson.started'),
  courseId: slugSchema,
  lessonId: slugSchema,
});

export const lessonCompletedSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('lesson.completed'),
  courseId: slugSchema,
  lessonId: slugSchema,
  contentVersion: contentVersionSchema,
  /** Share of quiz questions right on the first try, 0–100. */
  score: scoreSchema,
  durationSec: durationSecSchema,
});

export const learningEventSchemas = [lessonStartedSchema, lessonCompletedSchema] as const;
