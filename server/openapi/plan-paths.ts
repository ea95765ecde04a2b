// Plans, units and the units' outreach log in the OpenAPI document.
import { z } from 'zod';
import { API_PREFIX, syncResponseSchema } from '../../shared/api.ts';
import { unitEventSchema } from '../../shared/events.ts';
import { PLAN_ID_PATTERN, UNIT_ID_PATTERN } from '../../shared/plans/constants.ts';
import { planImportErrorSchema, planImportResponseSchema, planImportSchema, planInputSchema, planListSchema, planSchema, unitInputSchema, unitListSchema, unitSchema } from '../../shared/plans/schema.ts';
import { activityListSchema, activityQuerySchema, createUnitSchema, trackerQuerySchema, trackerSchema, unitMeSchema, unitSyncRequestSchema } from '../../shared/units/api.ts';
import { planIssuesSchema } from '../../shared/plans/refusal.ts';
import { MAX_STORED_FILE_BYTES, SHA256_PATTERN, storedFileSchema } from '../../shared/files.ts';
import { batchOf, inputFailures, jsonBody, pathParam, queryParams, ref, reply, schemaOf, STAFF, type Paths } from './helpers.ts';

export const planSchemas = {
  Plan: schemaOf(planSchema, 'output'),
  PlanInput: schemaOf(planInputSchema, 'input'),
  PlanList: schemaOf(planListSchema, 'output'),
  PlanImport: schemaOf(planImportSchema, 'input'),
  PlanImportResponse: schemaOf(planImportResponseSchema, 'output'),
  PlanImportErrors: schemaOf(z.object({ error: z.object({ code: z.string(), message: z.string(), errors: z.array(planImportErrorSchema) }) }), 'output'),
  PlanRefusal: schemaOf(z.object({ error: z.object({ code: z.string(), message: z.string(), issues: planIssuesSchema.optional() }) }), 'output'),
  Unit: schemaOf(unitSchema, 'output'),
  UnitList: schemaOf(unitListSchema, 'output'),
  CreateUnit: schemaOf(createUnitSchema, 'input'),
  UnitInput: schemaOf(unitInputSchema, 'input'),
  UnitMe: schemaOf(unitMeSchema, 'output'),
  UnitEvent: schemaOf(unitEventSchema, 'input'),
  UnitSyncRequest: batchOf(unitSyncRequestSchema, 'UnitEvent'),
  UnitSyncResponse: schemaOf(syncResponseSchema, 'output'),
  ActivityList: schemaOf(activityListSchema, 'output'),
  Tracker: schemaOf(trackerSchema, 'output'),
  StoredFile: schemaOf(storedFileSchema, 'output'),
};

const planId = pathParam('id', { type: 'string', pattern: PLAN_ID_PATTERN.source });
const unitId = pathParam('id', { type: 'string', pattern: UNIT_ID_PATTERN.source });
const fileHash = pathParam('sha256', { type: 'string', pattern: SHA256_PATTERN.source });
const fileTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
const notAllowed = { '401': reply('Not logged in'), '403': reply('Role not allowed, or cross-site request refused') };

export const planPaths: Paths = {
  [`${API_PREFIX}/plans`]: {
    get: { operationId: 'listPlans', summary: 'The ward\'s plans (reviewer, admin, unit officer)', security: STAFF, responses: { '200': reply('Plans', ref('PlanList')), ...notAllowed } },
    post: {
      operationId: 'createPlan',
      summary: 'Add a plan (admin)',
      security: STAFF,
      requestBody: jsonBody('PlanInput'),
      responses: { '201': reply('The plan', ref('Plan')), ...notAllowed, ...inputFailures, '400': reply('Malformed JSON (invalid_json), or a plan the schema refuses (invalid_request): each problem with its part (issues)', ref('PlanRefusal')), '422': reply('A duty, task or target names a unit the ward does not have (unknown_unit), with each one (issues)', ref('PlanRefusal')) },
    },
  },
  [`${API_PREFIX}/plans/import`]: {
    post: {
      operationId: 'importPlan',
      summary: 'Add or replace a plan from a YAML file (admin); dryRun only checks it',
      security: STAFF,
      requestBody: jsonBody('PlanImport'),
      responses: {
        '200': reply('Checked (dryRun) or replaced', ref('PlanImportResponse')),
        '201': reply('Added', ref('PlanImportResponse')),
        ...notAllowed,
        '404': reply('No plan to replace'),
        '422': reply('Every problem in the file, each as file:line: message', ref('PlanImportErrors')),
        ...inputFailures,
      },
    },
  },
  [`${API_PREFIX}/plans/{id}`]: {
    get: { operationId: 'getPlan', summary: 'One plan (reviewer, admin, unit officer)', security: STAFF, parameters: [planId], responses: { '200': reply('The plan', ref('Plan')), ...notAllowed, '404': reply('No such plan') } },
    put: {
      operationId: 'replacePlan',
      summary: 'Replace a plan (admin); the shipped sample becomes the ward\'s own',
      security: STAFF,
      parameters: [planId],
      requestBody: jsonBody('PlanInput'),
      responses: { '200': reply('The plan', ref('Plan')), ...notAllowed, '404': reply('No such plan'), ...inputFailures, '400': reply('Malformed JSON (invalid_json), or a plan the schema refuses (invalid_request): each problem with its part (issues)', ref('PlanRefusal')), '422': reply('A duty, task or target names a unit the ward does not have (unknown_unit), with each one (issues)', ref('PlanRefusal')) },
    },
  },
  [`${API_PREFIX}/plans/{id}/tracker`]: {
    get: {
      operationId: 'getPlanTracker',
      summary: "Units × forms counts, each unit's last activity and the content items served, for a span of days (reviewer, admin; a unit officer sees their own unit)",
      security: STAFF,
      parameters: [planId, ...queryParams(trackerQuerySchema)],
      responses: { '200': reply('The tracker', ref('Tracker')), '400': reply('Bad dates, from after to, or a period over five years'), ...notAllowed, '404': reply('No such plan') },
    },
  },
  [`${API_PREFIX}/units`]: {
    get: { operationId: 'listUnits', summary: 'Units with duties in plans (reviewer, admin, unit officer)', security: STAFF, responses: { '200': reply('Units', ref('UnitList')), ...notAllowed } },
    post: {
      operationId: 'createUnit',
      summary: 'Add a unit (admin); its id is made from the short name when not given',
      security: STAFF,
      requestBody: jsonBody('CreateUnit'),
      responses: { '201': reply('The unit', ref('Unit')), ...notAllowed, '409': reply('The id is taken'), ...inputFailures },
    },
  },
  [`${API_PREFIX}/units/me`]: {
    get: {
      operationId: 'getMyUnit',
      summary: "A unit officer's unit and the plans they record against",
      security: STAFF,
      responses: { '200': reply('Unit and plans', ref('UnitMe')), '401': reply('Not logged in'), '403': reply('Not a unit officer, or not bound to a unit') },
    },
  },
  [`${API_PREFIX}/units/sync`]: {
    post: {
      operationId: 'syncUnitRecords',
      summary: "Upload a unit officer's outreach records; each gets accepted, duplicate or rejected, in order",
      security: STAFF,
      requestBody: jsonBody('UnitSyncRequest'),
      responses: { '200': reply('One result per record, in request order (forbidden, not_in_plan, unknown_activity, … per record)', ref('UnitSyncResponse')), ...notAllowed, ...inputFailures, '429': reply('Too many requests from this login or address (rate_limited); wait Retry-After seconds') },
    },
  },
  [`${API_PREFIX}/units/{id}`]: {
    put: {
      operationId: 'updateUnit',
      summary: 'Rename a unit (admin)',
      security: STAFF,
      parameters: [unitId],
      requestBody: jsonBody('UnitInput'),
      responses: { '200': reply('The unit', ref('Unit')), ...notAllowed, '404': reply('No such unit'), ...inputFailures },
    },
  },
  [`${API_PREFIX}/unit-files/{sha256}`]: {
    put: {
      operationId: 'uploadUnitFile',
      summary: `Upload an evidence photo or scan (unit officer) under the SHA-256 of the bytes sent, before the record naming it. JPEG, PNG, WebP or PDF by their first bytes, at most ${MAX_STORED_FILE_BYTES / 1024 / 1024} MB; photos lose their location metadata. Sending the same bytes again stores nothing new`,
      security: STAFF,
      parameters: [fileHash],
      requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        '201': reply('Stored (new for the unit); sha256 is of the stored, cleaned bytes', ref('StoredFile')),
        '200': reply('Already stored: nothing new', ref('StoredFile')),
        '400': reply('Not a SHA-256 (invalid_request), the bytes do not match it (hash_mismatch), an empty file (empty_file) or a damaged one (invalid_file)'),
        ...notAllowed,
        '413': reply('Larger than the limit (file_too_large); the connection is closed'),
        '415': reply('Not a JPEG, PNG, WebP or PDF file (unsupported_type)'),
        '429': reply('Too many uploads from this login (rate_limited); wait Retry-After seconds'),
      },
    },
    get: {
      operationId: 'readUnitFile',
      summary: "An evidence file (the unit's own officers, reviewer, admin); photos inline, a PDF as a download",
      security: STAFF,
      parameters: [fileHash],
      responses: {
        '200': { description: 'The stored file', content: Object.fromEntries(fileTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) },
        '400': reply('Not a SHA-256'),
        ...notAllowed,
        '404': reply('No such file'),
      },
    },
  },
  [`${API_PREFIX}/units/{id}/activities`]: {
    get: {
      operationId: 'listUnitActivities',
      summary: "A unit's activities, newest first (its own officers, reviewer, admin)",
      security: STAFF,
      parameters: [unitId, ...queryParams(activityQuerySchema)],
      responses: { '200': reply('Activities', ref('ActivityList')), '400': reply('Bad dates, or from after to'), ...notAllowed, '404': reply('No such unit') },
    },
  },
};
