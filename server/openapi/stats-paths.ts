// The ward dashboard, its exports and the ward profile (with the file
// import) in the OpenAPI document, from the shared zod schemas.
import { GROUP_ID_PATTERN } from '../../shared/events/patterns.ts';
import { z } from 'zod';
import { API_PREFIX, wardProfileSchema } from '../../shared/api.ts';
import { dashboardQuerySchema } from '../../shared/stats/api.ts';
import { dashboardSchema, officialKindsSaveSchema, sectionSchemas } from '../../shared/stats/schemas.ts';
import { narrativeSaveSchema, narrativeSchema } from '../../shared/stats/narrative.ts';
import { adminWardSchema, updateWardSchema, upsertGroupSchema } from '../../shared/ward-admin.ts';
import { wardImportRequestSchema } from '../../shared/ward-import.ts';
import { selfCheckSummarySchema } from '../../shared/stats/self-check.ts';
import { file, jsonBody, pathParam, PUBLIC, queryParams, ref, reply, schemaOf, STAFF, transportFailures, type Paths } from './helpers.ts';

const importRowsSchema = z.object({
  error: z.object({
    code: z.literal('invalid_rows'),
    message: z.string(),
    rows: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  }),
});
const importResultSchema = z.object({
  dryRun: z.boolean(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), adultPopulation: z.number().int().nullable(), households: z.number().int().nullable(), action: z.enum(['add', 'update', 'unchanged']) })),
  kept: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  ward: adminWardSchema,
});

const sectionNames = Object.keys(sectionSchemas) as Array<keyof typeof sectionSchemas>;
const title = (s: string) => s[0].toUpperCase() + s.slice(1);

export const statsSchemas = {
  Dashboard: schemaOf(dashboardSchema, 'output'),
  ...Object.fromEntries(sectionNames.map((s) => [`Stats${title(s)}`, schemaOf(sectionSchemas[s], 'output')])),
  ReportNarrative: schemaOf(narrativeSchema, 'output'),
  SelfCheckSummary: schemaOf(selfCheckSummarySchema, 'output'),
  OfficialKinds: schemaOf(officialKindsSaveSchema, 'input'),
  SaveReportNarrative: schemaOf(narrativeSaveSchema, 'input'),
  WardProfile: schemaOf(wardProfileSchema, 'output'),
  AdminWard: schemaOf(adminWardSchema, 'output'),
  UpdateWard: schemaOf(updateWardSchema, 'input'),
  UpsertGroup: schemaOf(upsertGroupSchema, 'input'),
  WardImportRequest: schemaOf(wardImportRequestSchema, 'input'),
  WardImportResult: schemaOf(importResultSchema, 'output'),
  WardImportRows: schemaOf(importRowsSchema, 'output'),
};

const rangeParams = queryParams(dashboardQuerySchema);
const readErrors = {
  '400': reply('Bad dates, from after to, a range over ten years (invalid_range), an unknown group (unknown_group)'),
  '401': reply('Not logged in, or learner credentials'),
  '403': reply('Role not allowed'),
};
const exportParams = [...rangeParams, { name: 'lang', in: 'query' as const, required: false, schema: { type: 'string', enum: ['vi', 'en'], default: 'vi' } }];
const adminErrors = { '401': reply('Not logged in'), '403': reply('Not an admin, or cross-site request refused') };
const groupParam = pathParam('id', { type: 'string', pattern: GROUP_ID_PATTERN.source });

const sectionPaths: Paths = Object.fromEntries(
  sectionNames.map((s) => [
    `${API_PREFIX}/stats/${s}`,
    {
      get: {
        operationId: `getDashboard${title(s)}`,
        summary: `Dashboard section "${s}" (guide, reviewer, admin); counts of 1–4 people are "<5"`,
        security: STAFF,
        parameters: s === 'freshness' ? [] : rangeParams,
        responses: { '200': reply(title(s), ref(`Stats${title(s)}`)), ...readErrors },
      },
    },
  ]),
);

export const statsPaths: Paths = {
  [`${API_PREFIX}/stats/dashboard`]: {
    get: {
      operationId: 'getDashboard',
      summary: 'Every dashboard section for a range (guide, reviewer, admin); Vietnam calendar days, inclusive; default the 30 days ending today',
      security: STAFF,
      parameters: rangeParams,
      responses: { '200': reply('The dashboard', ref('Dashboard')), ...readErrors },
    },
  },
  ...sectionPaths,
  [`${API_PREFIX}/stats/self-check`]: {
    get: {
      operationId: 'getSelfCheckSummary',
      summary: 'The skills self-check: first against latest attempts of learners who took it again, per residential group and skill group (guide, reviewer, admin); counts of 1–4 people are "<5", averages only for 5 or more',
      security: STAFF,
      parameters: [],
      responses: { '200': reply('First and latest results', ref('SelfCheckSummary')), '400': reply('A query parameter was given'), '401': reply('Not logged in, or learner credentials'), '403': reply('Role not allowed') },
    },
  },
  [`${API_PREFIX}/stats/report`]: {
    get: {
      operationId: 'getPrintableReport',
      summary: 'The figures of the printable report (reviewer, admin)',
      security: STAFF,
      parameters: rangeParams,
      responses: { '200': reply('The dashboard', ref('Dashboard')), ...readErrors },
    },
  },
  [`${API_PREFIX}/stats/official-kinds`]: {
    put: {
      operationId: 'saveOfficialKinds',
      summary: "Which kinds of figure (verified, self-reported, outcomes) the ward's official figures use; written to the audit log (admin)",
      security: STAFF,
      requestBody: jsonBody('OfficialKinds'),
      responses: { '200': reply('The kinds now official', ref('OfficialKinds')), '400': reply('Not a list of kinds'), ...adminErrors },
    },
  },
  [`${API_PREFIX}/stats/report/narrative`]: {
    get: {
      operationId: 'getReportNarrative',
      summary: "The officer's text of the report for a period and group; empty parts until saved (reviewer, admin)",
      security: STAFF,
      parameters: rangeParams,
      responses: { '200': reply('The text', ref('ReportNarrative')), ...readErrors },
    },
    put: {
      operationId: 'saveReportNarrative',
      summary: "Save the officer's text (situation, results, shortcomings, proposals; each at most 4000 characters) with the report's period (reviewer, admin)",
      security: STAFF,
      requestBody: jsonBody('SaveReportNarrative'),
      responses: { '200': reply('The saved text', ref('ReportNarrative')), ...readErrors, '403': reply('Role not allowed, or cross-site request refused') },
    },
  },
  [`${API_PREFIX}/stats/report.docx`]: {
    get: {
      operationId: 'getReportDocx',
      summary: 'The printable report with the saved text as a Word file in the Decree 30/2020 layout (reviewer, admin)',
      security: STAFF,
      parameters: rangeParams,
      responses: { '200': file('Word file', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), ...readErrors },
    },
  },
  [`${API_PREFIX}/stats/export.csv`]: {
    get: {
      operationId: 'exportDashboardCsv',
      summary: 'The current view as CSV, UTF-8 with BOM, tables one after another (reviewer, admin)',
      security: STAFF,
      parameters: exportParams,
      responses: { '200': file('CSV file', 'text/csv'), ...readErrors },
    },
  },
  [`${API_PREFIX}/stats/export.xlsx`]: {
    get: {
      operationId: 'exportDashboardXlsx',
      summary: 'The current view as an Excel workbook, one sheet per table (reviewer, admin)',
      security: STAFF,
      parameters: exportParams,
      responses: { '200': file('XLSX file', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'binary'), ...readErrors },
    },
  },
  [`${API_PREFIX}/ward`]: {
    get: {
      operationId: 'getWardProfile',
      summary: 'The public ward profile (no figures)',
      security: PUBLIC,
      responses: { '200': reply('Ward profile', ref('WardProfile')), ...transportFailures },
    },
    put: {
      operationId: 'updateWardProfile',
      summary: 'Replace the ward name and public channels (admin)',
      security: STAFF,
      requestBody: jsonBody('UpdateWard'),
      responses: { '200': reply('Profile with figures', ref('AdminWard')), '400': reply('Body does not match the schema'), ...adminErrors },
    },
  },
  [`${API_PREFIX}/ward/admin`]: {
    get: { operationId: 'getAdminWard', summary: 'The ward profile with figures (admin)', security: STAFF, responses: { '200': reply('Profile with figures', ref('AdminWard')), ...adminErrors } },
  },
  [`${API_PREFIX}/ward/admin/poster`]: {
    get: {
      operationId: 'getPosterFacts',
      summary: 'What outreach posters print: the public origin (null when not configured) and the ward name (admin)',
      security: STAFF,
      responses: { '200': reply('Poster facts', schemaOf(z.object({ publicOrigin: z.string().nullable(), wardName: z.string() }), 'output')), ...adminErrors },
    },
  },
  [`${API_PREFIX}/ward/groups/{id}`]: {
    put: {
      operationId: 'upsertResidentialGroup',
      summary: 'Create or replace one residential group (admin)',
      security: STAFF,
      parameters: [groupParam],
      requestBody: jsonBody('UpsertGroup'),
      responses: { '200': reply('Profile with figures', ref('AdminWard')), '400': reply('Bad id or body'), ...adminErrors },
    },
    delete: {
      operationId: 'deleteResidentialGroup',
      summary: 'Delete a residential group nothing refers to yet (admin)',
      security: STAFF,
      parameters: [groupParam],
      responses: { '200': reply('Profile with figures', ref('AdminWard')), '404': reply('No such group'), '409': reply('Guides, sessions, learners or households refer to it (group_in_use)'), ...adminErrors },
    },
  },
  [`${API_PREFIX}/ward/import`]: {
    post: {
      operationId: 'importResidentialGroups',
      summary: 'Import residential groups from a CSV (UTF-8) or XLSX file, all rows or none; dryRun previews (admin)',
      security: STAFF,
      requestBody: jsonBody('WardImportRequest'),
      responses: {
        '200': reply('Imported (or previewed)', ref('WardImportResult')),
        '400': reply('Not a CSV or XLSX file, or an empty one (invalid_file)'),
        '413': reply('File larger than 512 KB (file_too_large), or a limit hit while it is read: more than 1,000 rows (too_many_rows), 20,000 filled cells (too_many_cells), 1,000 characters in a cell (cell_too_long), a workbook that unpacks to more than 8 MB (unpacked_too_large) or holds more than 200 files (too_many_files)'),
        '422': reply('Rows with problems; nothing was imported', ref('WardImportRows')),
        ...adminErrors,
      },
    },
  },
};
