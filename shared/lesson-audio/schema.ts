// Guide-recorded lesson audio as records and API answers. A guide records one
// lesson screen in their own voice; the phone uploads the file first
// (PUT /lesson-audio/files/<sha256>) and then sends `audio.recorded` in the
// guide family; a reviewer (VH-XH) approves or rejects it; residents' phones
// read only approved recordings.
import { z } from 'zod';
import { sha256Schema } from '../files.ts';
import { staffEnvelope } from '../events/envelope.ts';
import { contentVersionSchema, slugSchema } from '../events/primitives.ts';
import { AUDIO_TYPES, MAX_AUDIO_BYTES, MAX_AUDIO_STEP, MAX_RECORDING_SEC } from './audio-types.ts';

export * from './audio-types.ts';

export const audioRefSchema = z.strictObject({
  /** The hash the phone sent the bytes under. */
  sha256: sha256Schema,
  type: z.enum(AUDIO_TYPES),
  bytes: z.number().int().min(1).max(MAX_AUDIO_BYTES),
});

export const LANGS = ['vi', 'en'] as const;

export const audioRecordedSchema = z.strictObject({
  ...staffEnvelope,
  type: z.literal('audio.recorded'),
  courseId: slugSchema,
  lessonId: slugSchema,
  /** The lesson screen: 0 goal and intro, 1..n steps, n + 1 the remember box. */
  step: z.number().int().min(0).max(MAX_AUDIO_STEP),
  lang: z.enum(LANGS),
  /** The course version the guide read from, so the reviewer can tell an outdated text. */
  contentVersion: contentVersionSchema,
  durationSec: z.number().int().min(1).max(MAX_RECORDING_SEC + 5),
  file: audioRefSchema,
});

export const RECORDING_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

/** The server's answer to an upload. */
export const storedAudioSchema = z.object({ sha256: sha256Schema, type: z.enum(AUDIO_TYPES), bytes: z.number(), sentSha256: sha256Schema });

/** A recording as the reviewer's list shows it. */
export const recordingSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  lessonId: z.string(),
  step: z.number(),
  lang: z.enum(LANGS),
  contentVersion: z.string(),
  durationSec: z.number(),
  type: z.enum(AUDIO_TYPES),
  bytes: z.number(),
  /** The stored file's hash. */
  sha256: sha256Schema,
  guide: z.string(),
  recordedAt: z.number(),
  status: z.enum(RECORDING_STATUSES),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.number().nullable(),
});
export type Recording = z.infer<typeof recordingSchema>;
export const recordingListSchema = z.object({ recordings: z.array(recordingSchema) });

/** What a resident's phone downloads for a course: the approved recording of each screen. */
export const courseAudioSchema = z.object({
  courseId: z.string(),
  recordings: z.array(z.object({ lessonId: z.string(), step: z.number(), lang: z.enum(LANGS), sha256: sha256Schema, type: z.enum(AUDIO_TYPES), bytes: z.number() })),
});
export type CourseAudio = z.infer<typeof courseAudioSchema>;
