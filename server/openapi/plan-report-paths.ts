// The report to the People's Committee on a plan in the OpenAPI document.
import { API_PREFIX } from '../../shared/api.ts';
import { PLAN_ID_PATTERN } from '../../shared/plans/constants.ts';
import { planReportIssueSchema, planReportSaveSchema, planReportAnswerSchema, reportPeriodQuerySchema } from '../../shared/plans/report.ts';
import { file, inputFailures, jsonBody, pathParam, queryParams, ref, reply, schemaOf, STAFF, type Paths } from './helpers.ts';

export const planReportSchemas = {
  PlanReport: schemaOf(planReportAnswerSchema, 'output'),
  SavePlanReportText: schemaOf(planReportSaveSchema, 'input'),
  IssuePlanReport: schemaOf(planReportIssueSchema, 'input'),
};

const planId = pathParam('id', { type: 'string', pattern: PLAN_ID_PATTERN.source });
const period = queryParams(reportPeriodQuerySchema);
const readErrors = {
  '400': reply('No period, or not one like 2025-06, 2025-Q2, 2025-H1, 2025'),
  '401': reply('Not logged in'),
  '403': reply('Role not allowed (reviewer and admin only)'),
  '404': reply('No such plan'),
};
const writeErrors = { ...inputFailures, '401': reply('Not logged in'), '403': reply('Role not allowed, or cross-site request refused'), '404': reply('No such plan'), '409': reply('The report was issued; it no longer changes (report_issued)') };

export const planReportPaths: Paths = {
  [`${API_PREFIX}/plans/{id}/report`]: {
    get: {
      operationId: 'getPlanReport',
      summary: "The report on a plan for a period: its figures (as issued, once issued), the officer's parts and the issue (reviewer, admin)",
      security: STAFF,
      parameters: [planId, ...period],
      responses: { '200': reply('The report', ref('PlanReport')), ...readErrors },
    },
  },
  [`${API_PREFIX}/plans/{id}/report/text`]: {
    put: {
      operationId: 'savePlanReportText',
      summary: "Save the officer's parts of a period's report: strengths, shortcomings, directions, proposals, recipients, signer lines (reviewer, admin)",
      security: STAFF,
      parameters: [planId],
      requestBody: jsonBody('SavePlanReportText'),
      responses: { '200': reply('The report', ref('PlanReport')), ...writeErrors },
    },
  },
  [`${API_PREFIX}/plans/{id}/report/issue`]: {
    post: {
      operationId: 'issuePlanReport',
      summary: "Mark a period's report issued with its number and day; its figures are kept and the period's activities locked (reviewer, admin)",
      security: STAFF,
      parameters: [planId],
      requestBody: jsonBody('IssuePlanReport'),
      responses: { '200': reply('The issued report', ref('PlanReport')), ...writeErrors },
    },
  },
  [`${API_PREFIX}/plans/{id}/report.docx`]: {
    get: {
      operationId: 'getPlanReportDocx',
      summary: 'The report on a plan for a period as a Word file in the Decree 30/2020 layout (reviewer, admin)',
      security: STAFF,
      parameters: [planId, ...period],
      responses: { '200': file('Word file', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), ...readErrors },
    },
  },
  [`${API_PREFIX}/plans/{id}/report/annex.xlsx`]: {
    get: {
      operationId: 'getPlanReportAnnex',
      summary: "The report's annex as Excel: every activity of the period, and the units × forms counts (reviewer, admin)",
      security: STAFF,
      parameters: [planId, ...period],
      responses: { '200': file('XLSX file', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'binary'), ...readErrors },
    },
  },
};
