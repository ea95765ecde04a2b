// The OpenAPI 3.1 description of the API, generated from the same zod
// schemas the server validates with (zod 4's z.toJSONSchema), so the
// document cannot drift from the code. Each part (resident, guide, stats,
// audit) lists its own operations with the pieces of helpers.ts.
import { bulletinPaths, bulletinSchemas } from './bulletin-paths.ts';
import {
  API_PREFIX,
  errorSchema,
  healthSchema,
  loginSchema,
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
import { planPaths, planSchemas } from './plan-paths.ts';
import { displayPaths, displaySchemas } from './display-paths.ts';
import { newsPaths, newsSchemas } from './news-paths.ts';
import { lessonAudioPaths, lessonAudioSchemas } from './lesson-audio-paths.ts';
import { registerPaths, registerSchemas } from './register-paths.ts';
import { planReportPaths, planReportSchemas } from './plan-report-paths.ts';
import { indicatorPaths, indicatorSchemas } from './indicator-paths.ts';
import { integrityPaths, integritySchemas } from './integrity-paths.ts';
import {
  batchOf,
  empty,
  inputFailures,
  jsonBody,
  LEARNER,
  PUBLIC,
  queryParams,
  ref,
  reply,
  schemaOf,
  securitySchemes,
  STAFF,
  STAFF_OR_PUBLIC,
  transportFailures,
  type Paths,
} from './helpers.ts';

/** Where the document itself is served (routes/openapi.ts); paths are absolute from the server's root. */
const OPENAPI_PATH = '/api/openapi.json';

const corePaths: Paths = {
  [OPENAPI_PATH]: {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      security: PUBLIC,
      responses: { '200': { description: 'The OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } }, ...transportFailures },
    },
  },
  [`${API_PREFIX}/health`]: {
    get: { operationId: 'getHealth', summary: 'Liveness and version', security: PUBLIC, responses: { '200': reply('Server is up', ref('Health')), ...transportFailures } },
  },
  [`${API_PREFIX}/learners`]: {
    post: {
      operationId: 'registerLearner',
      summary: 'Register a learner device identity (idempotent)',
      security: PUBLIC,
      requestBody: jsonBody('RegisterLearner'),
      responses: {
        '201': reply('Registered', ref('RegisterLearnerResponse')),
        '200': reply('Already registered with the same secret', ref('RegisterLearnerResponse')),
        '409': reply('Id already registered with another secret'),
        ...inputFailures,
      },
    },
  },
  [`${API_PREFIX}/sync`]: {
    post: {
      operationId: 'syncLearnerEvents',
      summary: 'Upload learning events; each gets accepted, duplicate or rejected',
      security: LEARNER,
      requestBody: jsonBody('SyncRequest'),
      responses: {
        '200': reply('One result per event, in request order', ref('SyncResponse')),
        '401': reply('Missing or wrong learner credentials'),
        ...inputFailures,
      },
    },
  },
  [`${API_PREFIX}/me/progress`]: {
    get: {
      operationId: 'getMyProgress',
      summary: "The learner's own completed lessons",
      security: LEARNER,
      responses: { '200': reply('Completions', ref('MyProgress')), '401': reply('Missing or wrong learner credentials') },
    },
  },
  [`${API_PREFIX}/auth/login`]: {
    post: {
      operationId: 'logIn',
      summary: 'Staff login; sets the session cookie and the device cookie (hvs_device, Path=/api/v1/auth) by which this browser is known at its next login',
      description:
        'Each attempt is counted before its password is checked. Wrong passwords lock the account for one address (10), ' +
        'for clients without its device cookie (100) and lock one address over all accounts (200), for 15 minutes; a browser ' +
        "holding the account's device cookie is counted on its own (10). Failed logins are written to the audit log.",
      security: PUBLIC,
      requestBody: jsonBody('Login'),
      responses: {
        '200': reply('Logged in', ref('Me')),
        '401': reply('Wrong username or password'),
        '403': reply('Cross-site request refused'),
        '429': reply('Locked after too many wrong passwords (too_many_requests), or too many logins being checked now (login_busy); see Retry-After'),
        ...inputFailures,
      },
    },
  },
  [`${API_PREFIX}/auth/logout`]: {
    post: {
      operationId: 'logOut',
      summary: 'End the staff session (send Content-Type: application/json)',
      security: STAFF_OR_PUBLIC,
      responses: { '204': empty('Logged out'), '403': reply('Cross-site request refused') },
    },
  },
  [`${API_PREFIX}/auth/me`]: {
    get: {
      operationId: 'getCurrentStaff',
      summary: 'The logged-in staff user',
      security: STAFF,
      responses: { '200': reply('Current user', ref('Me')), '401': reply('Not logged in') },
    },
  },
  [`${API_PREFIX}/stats/summary`]: {
    get: {
      operationId: 'getStatsSummary',
      summary: 'Ward summary (reviewer, admin); days are Vietnam calendar days, inclusive',
      security: STAFF,
      parameters: queryParams(statsQuerySchema),
      responses: {
        '200': reply('Summary', ref('StatsSummary')),
        '400': reply('Bad dates, or from after to'),
        '401': reply('Not logged in'),
        '403': reply('Role not allowed'),
      },
    },
  },
};

export function buildOpenApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Học vụ số API',
      version,
      description: 'Errors are always JSON: { "error": { "code", "message" } }.',
      // No licence has been chosen for the project yet; say so rather than guess one.
      license: { name: 'No licence chosen yet: all rights reserved', identifier: 'LicenseRef-not-chosen-yet' },
    },
    servers: [{ url: '/', description: 'The ward server that serves this document' }],
    components: {
      securitySchemes,
      schemas: {
        Error: schemaOf(errorSchema, 'output'),
        Health: schemaOf(healthSchema, 'output'),
        RegisterLearner: schemaOf(registerLearnerSchema, 'input'),
        RegisterLearnerResponse: schemaOf(registerLearnerResponseSchema, 'output'),
        Event: schemaOf(eventSchema, 'input'),
        SyncRequest: batchOf(syncRequestSchema, 'Event'),
        SyncResponse: schemaOf(syncResponseSchema, 'output'),
        MyProgress: schemaOf(myProgressSchema, 'output'),
        Login: schemaOf(loginSchema, 'input'),
        Me: schemaOf(meResponseSchema, 'output'),
        StatsSummary: schemaOf(statsSummarySchema, 'output'),
        ...residentSchemas,
        ...guideSchemas,
        ...statsSchemas,
        ...auditSchemas,
        ...planSchemas,
        ...displaySchemas,
        ...newsSchemas,
        ...bulletinSchemas,
        ...registerSchemas,
        ...planReportSchemas,
        ...indicatorSchemas,
        ...integritySchemas,
        ...lessonAudioSchemas,
      },
    },
    paths: addRateLimitReplies({ ...auditPaths, ...residentPaths, ...guidePaths, ...statsPaths, ...planPaths, ...displayPaths, ...newsPaths, ...bulletinPaths, ...registerPaths, ...planReportPaths, ...indicatorPaths, ...integrityPaths, ...lessonAudioPaths, ...corePaths }),
  };
}
