// The OpenAPI 3.1 description of the API, generated from the same zod
// schemas the server validates with (zod 4's z.toJSONSchema), so the
// document cannot drift from the code.
import { z } from 'zod';
import {
  API_PREFIX,
  errorSchema,
  healthSchema,
  loginSchema,
  MAX_SYNC_BATCH,
  meResponseSchema,
  myProgressSchema,
  registerLearnerResponseSchema,
  registerLearnerSchema,
  statsQuerySchema,
  statsSummarySchema,
  syncRequestSchema,
  syncResponseSchema,
} from '../../shared/api.ts';
import { eventSchema } from '../../shared/events.ts';
import { residentPaths, residentSchemas } from './resident-paths.ts';
import { guidePaths, guideSchemas } from './guide-paths.ts';
import { statsPaths, statsSchemas } from './stats-paths.ts';
import { addRateLimitReplies, auditPaths, auditSchemas } from './audit-paths.ts';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const reply = (description: string, schema?: JsonSchema) => (schema ? { description, content: json(schema) } : { description });
const failure = (description: string) => reply(description, ref('Error'));

/** Answers any JSON endpoint may give for bad input. */
const inputFailures = {
  '400': failure('Malformed JSON (invalid_json) or a body that does not match the schema (invalid_request)'),
  '413': failure('Body larger than the limit'),
  '415': failure('Content-Type is not application/json'),
};

export function buildOpenApiDocument(version: string) {
  // Documented per-event shape; the server validates each event on its own.
  const syncRequestDoc = syncRequestSchema.extend({ events: z.array(eventSchema).max(MAX_SYNC_BATCH) });
  const query = schemaOf(statsQuerySchema, 'input') as { properties: Record<string, JsonSchema> };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Học vụ số API',
      version,
      description: 'Errors are always JSON: { "error": { "code", "message" } }.',
    },
    components: {
      securitySchemes: {
        learner: { type: 'http', scheme: 'bearer', description: 'Bearer <learnerId>.<secret>' },
        staffSession: { type: 'apiKey', in: 'cookie', name: 'hvs_session', description: 'Named __Host-hvs_session when served over https' },
      },
      schemas: {
        Error: schemaOf(errorSchema, 'output'),
        Health: schemaOf(healthSchema, 'output'),
        RegisterLearner: schemaOf(registerLearnerSchema, 'input'),
        RegisterLearnerResponse: schemaOf(registerLearnerResponseSchema, 'output'),
        Event: schemaOf(eventSchema, 'input'),
        SyncRequest: schemaOf(syncRequestDoc, 'input'),
        SyncResponse: schemaOf(syncResponseSchema, 'output'),
        MyProgress: schemaOf(myProgressSchema, 'output'),
        Login: schemaOf(loginSchema, 'input'),
        Me: schemaOf(meResponseSchema, 'output'),
        StatsSummary: schemaOf(statsSummarySchema, 'output'),
        ...residentSchemas,
        ...guideSchemas,
        ...statsSchemas,
        ...auditSchemas,
      },
    },
    paths: addRateLimitReplies({
      ...auditPaths,
      ...residentPaths,
      ...guidePaths,
      ...statsPaths,
      [`${API_PREFIX}/health`]: {
        get: { summary: 'Liveness and version', responses: { '200': reply('Server is up', ref('Health')) } },
      },
      [`${API_PREFIX}/learners`]: {
        post: {
          summary: 'Register a learner device identity (idempotent)',
          requestBody: { required: true, content: json(ref('RegisterLearner')) },
          responses: {
            '201': reply('Registered', ref('RegisterLearnerResponse')),
            '200': reply('Already registered with the same secret', ref('RegisterLearnerResponse')),
            '409': failure('Id already registered with another secret'),
            ...inputFailures,
          },
        },
      },
      [`${API_PREFIX}/sync`]: {
        post: {
          summary: 'Upload learning events; each gets accepted, duplicate or rejected',
          security: [{ learner: [] }],
          requestBody: { required: true, content: json(ref('SyncRequest')) },
          responses: {
            '200': reply('One result per event, in request order', ref('SyncResponse')),
            '401': failure('Missing or wrong learner credentials'),
            ...inputFailures,
          },
        },
      },
      [`${API_PREFIX}/me/progress`]: {
        get: {
          summary: "The learner's own completed lessons",
          security: [{ learner: [] }],
          responses: { '200': reply('Completions', ref('MyProgress')), '401': failure('Missing or wrong learner credentials') },
        },
      },
      [`${API_PREFIX}/auth/login`]: {
        post: {
          summary: 'Staff login; sets the session cookie',
          requestBody: { required: true, content: json(ref('Login')) },
          responses: {
            '200': reply('Logged in', ref('Me')),
            '401': failure('Wrong username or password'),
            '403': failure('Cross-site request refused'),
            '429': failure('Too many failed attempts; see Retry-After'),
            ...inputFailures,
          },
        },
      },
      [`${API_PREFIX}/auth/logout`]: {
        post: {
          summary: 'End the staff session (send Content-Type: application/json)',
          responses: { '204': reply('Logged out'), '403': failure('Cross-site request refused') },
        },
      },
      [`${API_PREFIX}/auth/me`]: {
        get: {
          summary: 'The logged-in staff user',
          security: [{ staffSession: [] }],
          responses: { '200': reply('Current user', ref('Me')), '401': failure('Not logged in') },
        },
      },
      [`${API_PREFIX}/stats/summary`]: {
        get: {
          summary: 'Ward summary (reviewer, admin); days are Vietnam calendar days, inclusive',
          security: [{ staffSession: [] }],
          parameters: Object.entries(query.properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
          responses: {
            '200': reply('Summary', ref('StatsSummary')),
            '400': failure('Bad dates, or from after to'),
            '401': failure('Not logged in'),
            '403': failure('Role not allowed'),
          },
        },
      },
    }),
  };
}
