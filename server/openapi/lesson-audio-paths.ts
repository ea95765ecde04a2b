// Guide-recorded lesson audio in the OpenAPI document: the guide's upload, the
// reviewer's list, listening and decisions, and what anyone may read (approved only).
import { courseAudioSchema, MAX_AUDIO_BYTES, recordingListSchema, recordingSchema, storedAudioSchema } from '../../shared/lesson-audio/schema.ts';
import { pathParam, PUBLIC, ref, reply, schemaOf, STAFF, type Operation, type Paths } from './helpers.ts';

export const lessonAudioSchemas = {
  StoredAudio: schemaOf(storedAudioSchema, 'output'),
  Recording: schemaOf(recordingSchema, 'output'),
  RecordingList: schemaOf(recordingListSchema, 'output'),
  CourseAudio: schemaOf(courseAudioSchema, 'output'),
};

const P = '/api/v1/lesson-audio';
const hash = pathParam('sha256', { type: 'string', pattern: '^[0-9a-f]{64}$' });
const id = pathParam('id', { type: 'string', format: 'uuid' });
const notAllowed = { '401': reply('Not logged in'), '403': reply('Role not allowed, or cross-site request refused') };
const audio = { description: 'The recording', content: Object.fromEntries(['audio/webm', 'audio/mp4', 'audio/ogg'].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) };

const decide = (operationId: string, summary: string): Operation => ({
  operationId,
  summary,
  security: STAFF,
  parameters: [id],
  responses: { '200': reply('The recording (unchanged when it already had this status)', ref('Recording')), ...notAllowed, '404': reply('No such recording') },
});

export const lessonAudioPaths: Paths = {
  [`${P}/files/{sha256}`]: {
    put: {
      operationId: 'uploadLessonAudio',
      summary: `Upload a lesson recording (guide) under the SHA-256 of its bytes, before the audio.recorded record naming it. WebM, Ogg or MP4 by their first bytes, at most ${MAX_AUDIO_BYTES / 1024 / 1024} MB; sending the same bytes again stores nothing new`,
      security: STAFF,
      parameters: [hash],
      requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        '201': reply('Stored (new for this guide)', ref('StoredAudio')),
        '200': reply('Already stored: nothing new', ref('StoredAudio')),
        '400': reply('Not a SHA-256 (invalid_request), the bytes do not match it (hash_mismatch), an empty file (empty_file) or a damaged one (invalid_file)'),
        ...notAllowed,
        '413': reply('Larger than the limit (file_too_large); the connection is closed'),
        '415': reply('Not a WebM, Ogg or MP4 recording (unsupported_type)'),
      },
    },
    get: {
      operationId: 'readApprovedLessonAudio',
      summary: 'An approved recording (anyone); a file no approved recording uses is 404',
      security: PUBLIC,
      parameters: [hash],
      responses: { '200': audio, '400': reply('Not a SHA-256'), '404': reply('No such approved recording') },
    },
  },
  [`${P}/courses/{courseId}`]: {
    get: {
      operationId: 'courseLessonAudio',
      summary: "The newest approved recording of each screen of a course, in every language (anyone): what a resident's phone downloads",
      security: PUBLIC,
      parameters: [pathParam('courseId', { type: 'string' })],
      responses: { '200': reply('Approved recordings', ref('CourseAudio')), '400': reply('Not a course id') },
    },
  },
  [`${P}/recordings`]: {
    get: {
      operationId: 'listLessonRecordings',
      summary: 'Recordings newest first, optionally of one status: submitted, approved or rejected (reviewer, admin)',
      security: STAFF,
      parameters: [{ name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['submitted', 'approved', 'rejected'] } }],
      responses: { '200': reply('Recordings', ref('RecordingList')), '400': reply('Unknown status'), ...notAllowed },
    },
  },
  [`${P}/recordings/{id}/audio`]: {
    get: { operationId: 'listenLessonRecording', summary: 'A recording in any status, to listen before deciding (reviewer, admin)', security: STAFF, parameters: [id], responses: { '200': audio, ...notAllowed, '404': reply('No such recording') } },
  },
  [`${P}/recordings/{id}/approve`]: { post: decide('approveLessonRecording', 'Approve a recording: residents may download it (reviewer, admin; audited)') },
  [`${P}/recordings/{id}/reject`]: { post: decide('rejectLessonRecording', 'Reject a recording, or withdraw an approved one (reviewer, admin; audited)') },
};
