// Guide mode in the OpenAPI document: the guide's own endpoints (cookie
// session, role guide), the public session look-up residents use before
// checking in, and the admin's staff accounts — from the shared zod schemas.
import { z } from 'zod';
import { API_PREFIX, MAX_SYNC_BATCH } from '../../shared/api.ts';
import { guideEventSchema } from '../../shared/events.ts';
import {
  createStaffResponseSchema,
  createStaffSchema,
  followUpSchema,
  guideMeSchema,
  guideSyncRequestSchema,
  householdListSchema,
  publicSessionSchema,
  reportQuerySchema,
  sessionSummarySchema,
  setGroupsSchema,
  staffAccountSchema,
  teamReportSchema,
} from '../../shared/guide/api.ts';

type JsonSchema = Record<string, unknown>;
const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

export const guideSchemas = {
  GuideEvent: schemaOf(guideEventSchema, 'input'),
  // Documented per-event shape; the server validates each event on its own.
  GuideSyncRequest: schemaOf(guideSyncRequestSchema.extend({ events: z.array(guideEventSchema).max(MAX_SYNC_BATCH) }), 'input'),
  GuideMe: schemaOf(guideMeSchema, 'output'),
  PublicSession: schemaOf(publicSessionSchema, 'output'),
  SessionSummary: schemaOf(sessionSummarySchema, 'output'),
  SessionList: schemaOf(z.object({ sessions: z.array(sessionSummarySchema) }), 'output'),
  FollowUp: schemaOf(followUpSchema, 'output'),
  HouseholdList: schemaOf(householdListSchema, 'output'),
  TeamReport: schemaOf(teamReportSchema, 'output'),
  CreateStaff: schemaOf(createStaffSchema, 'input'),
  CreateStaffResponse: schemaOf(createStaffResponseSchema, 'output'),
  StaffAccount: schemaOf(staffAccountSchema, 'output'),
  StaffList: schemaOf(z.object({ accounts: z.array(staffAccountSchema) }), 'output'),
  SetGroups: schemaOf(setGroupsSchema, 'input'),
};

type Name = keyof typeof guideSchemas | 'Error' | 'SyncResponse';
const ref = (name: Name) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const reply = (description: string, schema: JsonSchema = ref('Error')) => ({ description, content: json(schema) });
const staff = [{ staffSession: [] }];
const notGuide = {
  '401': reply('Not logged in (a learner credential is never accepted here)'),
  '403': reply('Not a guide, or a residential group the guide is not assigned to'),
};
const cookieWrite = { '403': reply('Not a guide, or cross-site request refused (send Origin and Content-Type: application/json)') };
const groupParam = { name: 'groupId', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' } };
const rangeParams = Object.entries((schemaOf(reportQuerySchema, 'input') as { properties: Record<string, JsonSchema> }).properties).map(([name, schema]) => ({
  name,
  in: 'query',
  required: false,
  schema,
}));

export const guidePaths = {
  [`${API_PREFIX}/guide/me`]: {
    get: { summary: 'The logged-in guide, their residential groups and when the login ends', security: staff, responses: { '200': reply('Guide', ref('GuideMe')), ...notGuide } },
  },
  [`${API_PREFIX}/guide/sync`]: {
    post: {
      summary: "Upload events recorded on a guide's phone (sessions, assisted learners, completions, outcomes, households); each gets accepted, duplicate or rejected, in order",
      security: staff,
      requestBody: { required: true, content: json(ref('GuideSyncRequest')) },
      responses: {
        '200': reply('One result per event, in request order (forbidden, unknown_household, code_taken, … per event)', ref('SyncResponse')),
        '400': reply('Malformed JSON or body'),
        '401': reply('Not logged in'),
        ...cookieWrite,
        '413': reply('Body larger than the limit'),
        '415': reply('Content-Type is not application/json'),
      },
    },
  },
  [`${API_PREFIX}/guide/sessions`]: {
    get: { summary: "The guide's sessions (latest 200) with rosters, in assigned groups", security: staff, responses: { '200': reply('Sessions', ref('SessionList')), ...notGuide } },
  },
  [`${API_PREFIX}/guide/sessions/{id}`]: {
    get: {
      summary: 'One session: roster, attendees (names of assisted learners only) and totals, self and assisted apart',
      security: staff,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { '200': reply('Session summary', ref('SessionSummary')), '400': reply('Not a session id'), '404': reply('No such session (it may not be synced yet)'), ...notGuide },
    },
  },
  [`${API_PREFIX}/guide/groups/{groupId}/follow-up`]: {
    get: {
      summary: 'Learners of the group who started a course 14+ days ago and did not finish, and who were inactive 30 days',
      security: staff,
      parameters: [groupParam],
      responses: { '200': reply('Follow-up lists', ref('FollowUp')), '400': reply('Malformed group id'), ...notGuide },
    },
  },
  [`${API_PREFIX}/guide/groups/{groupId}/households`]: {
    get: {
      summary: 'Households of the group, members, and whether someone finished the five basic skills',
      security: staff,
      parameters: [groupParam],
      responses: { '200': reply('Households', ref('HouseholdList')), '400': reply('Malformed group id'), ...notGuide },
    },
  },
  [`${API_PREFIX}/guide/report`]: {
    get: {
      summary: 'Team report (guide, reviewer, admin): sessions, attendees, self and assisted completions, outcomes per guide and per team',
      security: staff,
      parameters: rangeParams,
      responses: { '200': reply('Report', ref('TeamReport')), '400': reply('Bad dates, or from after to'), '401': reply('Not logged in') },
    },
  },
  [`${API_PREFIX}/guide/report.csv`]: {
    get: {
      summary: 'The team report as CSV (UTF-8 with BOM)',
      security: staff,
      parameters: rangeParams,
      responses: { '200': { description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } }, '400': reply('Bad dates, or from after to'), '401': reply('Not logged in') },
    },
  },
  [`${API_PREFIX}/sessions/{code}`]: {
    get: {
      summary: 'Public look-up of a session by its 8-character code before checking in (rate-limited per address)',
      parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': reply('Session and whether check-ins are open', ref('PublicSession')),
        '404': reply('No session with this code (unknown_session)'),
        '429': reply('Too many wrong codes from this address; see Retry-After'),
      },
    },
  },
  [`${API_PREFIX}/staff`]: {
    get: { summary: 'Staff accounts (admin)', security: staff, responses: { '200': reply('Accounts', ref('StaffList')), '401': reply('Not logged in'), '403': reply('Not an admin') } },
    post: {
      summary: 'Create a staff account (admin); the generated password is returned once',
      security: staff,
      requestBody: { required: true, content: json(ref('CreateStaff')) },
      responses: { '201': reply('Created', ref('CreateStaffResponse')), '400': reply('Invalid input or unknown group'), '401': reply('Not logged in'), '403': reply('Not an admin'), '409': reply('Username taken') },
    },
  },
  [`${API_PREFIX}/staff/{username}/groups`]: {
    put: {
      summary: "Replace a guide's residential groups (admin); takes effect at once",
      security: staff,
      parameters: [{ name: 'username', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, content: json(ref('SetGroups')) },
      responses: { '200': reply('Account', ref('StaffAccount')), '400': reply('Invalid input or unknown group'), '401': reply('Not logged in'), '403': reply('Not an admin'), '404': reply('No such guide') },
    },
  },
};
