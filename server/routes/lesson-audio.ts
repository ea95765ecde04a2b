// Guide-recorded lesson audio. A guide's phone uploads each recording before
// the record that names it (PUT /lesson-audio/files/<sha256 of the bytes>; a
// resend finds the stored copy). Reviewers (VH-XH) and admins list the
// recordings, listen to any of them and approve or reject (audited). Anyone
// may read what is approved: the course's list and the approved files; a
// file no approved recording uses is 404 to the public, whoever uploaded it.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SHA256_PATTERN } from '../../shared/files.ts';
import { MAX_AUDIO_BYTES, RECORDING_STATUSES, type RecordingStatus } from '../../shared/lesson-audio/schema.ts';
import { SLUG_PATTERN, UUID_PATTERN } from '../../shared/events/patterns.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError, jsonError } from '../http/errors.ts';
import { FileRefused } from '../files/file-store.ts';
import type { LessonAudio } from '../lesson-audio/store.ts';

const audioBodyLimit = bodyLimit({
  maxSize: MAX_AUDIO_BYTES,
  onError: (c) => jsonError(c, 413, 'file_too_large', `The recording is larger than ${MAX_AUDIO_BYTES / 1024 / 1024} MB`, { Connection: 'close' }),
});
const AUDIT = { approve: 'lesson_audio.approved', reject: 'lesson_audio.rejected' } as const;
const STATUS = { approve: 'approved', reject: 'rejected' } as const;

export function lessonAudioRoutes(ctx: AppContext, audio: LessonAudio) {
  const guide = requireStaff(ctx, ['guide']);
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  const hashParam = (raw: string) => {
    if (!SHA256_PATTERN.test(raw)) throw apiError(400, 'invalid_request', 'The address must end in the SHA-256 of the file, in lower-case hex');
    return raw;
  };
  const recordingOf = async (raw: string) => {
    const found = UUID_PATTERN.test(raw) ? await audio.get(raw) : undefined;
    if (!found) throw apiError(404, 'not_found', 'No such recording');
    return found;
  };
  const serve = async (c: Context<AppEnv>, sha256: string) => {
    const file = await audio.read(sha256);
    if (!file) throw apiError(404, 'not_found', 'No such recording');
    c.header('Content-Type', file.info.type);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Content-Disposition', 'inline');
    return c.body(file.body as Uint8Array<ArrayBuffer>);
  };
  const review = (action: keyof typeof STATUS) => async (c: Context<AppEnv>) => {
    const me = c.get('staff');
    const before = await recordingOf(c.req.param('id') ?? '');
    const { recording, changed } = (await audio.review(before.id, STATUS[action], me.id))!;
    if (changed) await ctx.audit.record(me, AUDIT[action], { type: 'lesson_audio', id: recording.id }, { courseId: recording.courseId, lessonId: recording.lessonId, step: recording.step, lang: recording.lang });
    return c.json(recording);
  };

  return new Hono<AppEnv>()
    .put('/files/:sha256', guide, audioBodyLimit, async (c) => {
      const sent = hashParam(c.req.param('sha256'));
      const me = c.get('staff');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      try {
        const { file, linked } = await audio.upload(me.id, bytes, sent);
        return c.json(file, linked ? 201 : 200);
      } catch (err) {
        if (err instanceof FileRefused) throw apiError(err.code === 'unsupported_type' ? 415 : 400, err.code, err.message);
        throw err;
      }
    })
    // Public: only what a reviewer approved.
    .get('/files/:sha256', async (c) => {
      const sha256 = hashParam(c.req.param('sha256'));
      if (!(await audio.isApproved(sha256))) throw apiError(404, 'not_found', 'No such recording');
      return serve(c, sha256);
    })
    .get('/courses/:courseId', async (c) => {
      const courseId = c.req.param('courseId');
      if (!SLUG_PATTERN.test(courseId) || courseId.length > 80) throw apiError(400, 'invalid_request', 'Not a course id');
      return c.json(await audio.approvedOf(courseId));
    })
    .get('/recordings', office, async (c) => {
      const status = c.req.query('status');
      if (status !== undefined && !RECORDING_STATUSES.includes(status as RecordingStatus)) throw apiError(400, 'invalid_request', `status must be one of ${RECORDING_STATUSES.join(', ')}`);
      return c.json({ recordings: await audio.list(status as RecordingStatus | undefined) });
    })
    .get('/recordings/:id/audio', office, async (c) => serve(c, (await recordingOf(c.req.param('id'))).sha256))
    .post('/recordings/:id/approve', office, review('approve'))
    .post('/recordings/:id/reject', office, review('reject'));
}
