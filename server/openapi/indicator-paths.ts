// The movement's indicators on a plan in the OpenAPI document.
import { API_PREFIX } from '../../shared/api.ts';
import { indicatorReportSchema, indicatorTargetsAnswerSchema, indicatorTargetsSchema } from '../../shared/indicators/api.ts';
import { PLAN_ID_PATTERN } from '../../shared/plans/constants.ts';
import { reportPeriodQuerySchema } from '../../shared/plans/report.ts';
import { inputFailures, jsonBody, pathParam, queryParams, ref, reply, schemaOf, STAFF, type Paths } from './helpers.ts';

export const indicatorSchemas = {
  IndicatorReport: schemaOf(indicatorReportSchema, 'output'),
  IndicatorTargets: schemaOf(indicatorTargetsSchema, 'input'),
  IndicatorTargetsSaved: schemaOf(indicatorTargetsAnswerSchema, 'output'),
};

const planId = pathParam('id', { type: 'string', pattern: PLAN_ID_PATTERN.source });

export const indicatorPaths: Paths = {
  [`${API_PREFIX}/plans/{id}/indicators`]: {
    get: {
      operationId: 'getPlanIndicators',
      summary: "The movement's indicators on a plan for a period (default: this year): target against actual per residential group and for the ward (reviewer, admin)",
      security: STAFF,
      parameters: [planId, ...queryParams(reportPeriodQuerySchema)],
      responses: {
        '200': reply('Targets and actuals', ref('IndicatorReport')),
        '400': reply('Not a period like 2025-06, 2025-Q2, 2025-H1, 2025'),
        '401': reply('Not logged in'),
        '403': reply('Role not allowed (reviewer and admin only)'),
        '404': reply('No such plan'),
      },
    },
  },
  [`${API_PREFIX}/plans/{id}/indicators/targets`]: {
    put: {
      operationId: 'savePlanIndicatorTargets',
      summary: "Set the ward's definition of basic digital skills and the indicator targets for the ward and per residential group (reviewer, admin)",
      security: STAFF,
      parameters: [planId],
      requestBody: jsonBody('IndicatorTargets'),
      responses: {
        '200': reply('The targets as saved', ref('IndicatorTargetsSaved')),
        ...inputFailures,
        '401': reply('Not logged in'),
        '403': reply('Role not allowed, or cross-site request refused'),
        '404': reply('No such plan'),
        '422': reply('A residential group the ward profile lacks (unknown_group)'),
      },
    },
  },
};
