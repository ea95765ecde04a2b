// Guide mode in the OpenAPI document: the guide's own endpoints (cookie
// session, role guide), the public session look-up residents use before
// checking in, and the admin's staff accounts — from the shared zod schemas.
import { GROUP_ID_PATTERN } from '../../shared/events/patterns.ts';
import { z } from 'zod';
import { API_PREFIX } from '../../shared/api.ts';
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
import { batchOf, file, jsonBody, pathParam, PUBLIC, queryParams, ref, reply, schemaOf, STAFF, type Paths } from './helpers.ts';

export const guideSchemas = {
  GuideEvent: schemaOf(guideEventSchema, 'input'),
  GuideSyncRequest: batchOf(guideSyncRequestSchema, 'GuideEvent'),
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

const notGuide = {
  '401': reply('Not logged in (a learner credential is never accepted here)'),
  '403': reply('Not a guide, or a residential group the guide is not assigned to'),
};
const notAdmin = { '401': reply('Not logged in'), '403': reply('Not an admin') };
const cookieWrite = { '403': reply('Not a guide, or cross-site request refused (send Origin and Content-Type: application/json)') };
const groupParam = pathParam('groupId', { type: 'string', pattern: GROUP_ID_PATTERN.source });
const rangeParams = queryParams(reportQuerySchema);
const rangeErrors = { '400': reply('Bad dates, or from after to'), '401': reply('Not logged in') };

export const guidePaths: Paths = {
  [`${API_PREFIX}/guide/me`]: {
    get: {
      operationId: 'getCurrentGuide',
      summary: 'The logged-in guide, their residential groups and when the login ends',
      security: STAFF,
      responses: { '200': reply('Guide', ref('GuideMe')), ...notGuide },
    },
  },
  [`${API_PREFIX}/guide/sync`]: {
    post: {
      operationId: 'syncGuideEvents',
      summary: "Upload events recorded on a guide's phone (sessions, assisted learners, completions, outcomes, households); each gets accepted, duplicate or rejected, in order",
      security: STAFF,
      requestBody: jsonBody('GuideSyncRequest'),
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
    get: {
      operationId: 'listGuideSessions',
      summary: "The guide's sessions (latest 200) with rosters, in assigned groups",
      security: STAFF,
      responses: { '200': reply('Sessions', ref('SessionList')), ...notGuide },
    },
  },
  [`${API_PREFIX}/guide/sessions/{id}`]: {
    get: {
      operationId: 'getGuideSession',
      summary: 'One session: roster, attendees (names of assisted learners only) and totals, self and assisted apart',
      security: STAFF,
      parameters: [pathParam('id', { type: 'string', format: 'uuid' })],
      responses: { '200': reply('Session summary', ref('SessionSummary')), '400': reply('Not a session id'), '404': reply('No such session (it may not be synced yet)'), ...notGuide },
    },
  },
  [`${API_PREFIX}/guide/groups/{groupId}/follow-up`]: {
    get: {
      operationId: 'getGroupFollowUp',
      summary: 'Learners of the group who started a course 14+ days ago and did not finish, and who were inactive 30 days',
      security: STAFF,
      parameters: [groupParam],
      responses: { '200': reply('Follow-up lists', ref('FollowUp')), '400': reply('Malformed group id'), ...notGuide },
    },
  },
  [`${API_PREFIX}/guide/groups/{groupId}/households`]: {
    get: {
      operationId: 'listGroupHouseholds',
      summary: 'Households of the group, members, and whether someone finished the five basic skills',
      security: STAFF,
      parameters: [groupParam],
      responses: { '200': reply('Households', ref('HouseholdList')), '400': reply('Malformed group id'), ...notGuide },
    },
  },
  [`${API_PREFIX}/guide/report`]: {
    get: {
      operationId: 'getTeamReport',
      summary: 'Team report (guide, reviewer, admin): sessions, attendees, self and assisted completions, outcomes per guide and per team',
      security: STAFF,
      parameters: rangeParams,
      responses: { '200': reply('Report', ref('TeamReport')), ...rangeErrors },
    },
  },
  [`${API_PREFIX}/guide/report.csv`]: {
    get: {
      operationId: 'exportTeamReportCsv',
      summary: 'The team report as CSV (UTF-8 with BOM)',
      security: STAFF,
      parameters: rangeParams,
      responses: { '200': file('CSV file', 'text/csv'), ...rangeErrors },
    },
  },
  [`${API_PREFIX}/sessions/{code}`]: {
    get: {
      operationId: 'getPublicSession',
      summary: 'Public look-up of a session by its 8-character code before checking in (rate-limited per address)',
      security: PUBLIC,
      parameters: [pathParam('code')],
      responses: {
        '200': reply('Session and whether check-ins are open', ref('PublicSession')),
        '404': reply('No session with this code (unknown_session)'),
        '429': reply('Too many wrong codes from this address; see Retry-After'),
      },
    },
  },
  [`${API_PREFIX}/staff`]: {
    get: { operationId: 'listStaffAccounts', summary: 'Staff accounts (admin)', security: STAFF, responses: { '200': reply('Accounts', ref('StaffList')), ...notAdmin } },
    post: {
      operationId: 'createStaffAccount',
      summary: 'Create a staff account (admin); the generated password is returned once',
      security: STAFF,
      requestBody: jsonBody('CreateStaff'),
      responses: { '201': reply('Created', ref('CreateStaffResponse')), '400': reply('Invalid input or unknown group'), ...notAdmin, '409': reply('Username taken') },
    },
  },
  [`${API_PREFIX}/staff/{username}/groups`]: {
    put: {
      operationId: 'setGuideGroups',
      summary: "Replace a guide's residential groups (admin); takes effect at once",
      security: STAFF,
      parameters: [pathParam('username')],
      requestBody: jsonBody('SetGroups'),
      responses: { '200': reply('Account', ref('StaffAccount')), '400': reply('Invalid input or unknown group'), ...notAdmin, '404': reply('No such guide') },
    },
  },
};
