// Plausibility review in the OpenAPI document (server/routes/integrity.ts).
import { API_PREFIX } from '../../shared/api.ts';
import { anomaliesSchema, reviewDecisionSchema, reviewResultSchema } from '../../shared/integrity/api.ts';
import { drawSpotCheckSchema, latestSpotCheckSchema, spotCheckResultSchema, spotCheckSchema } from '../../shared/integrity/spot-check.ts';
import { jsonBody, pathParam, ref, reply, schemaOf, STAFF, type Paths } from './helpers.ts';

export const integritySchemas = {
  SpotCheckLatest: schemaOf(latestSpotCheckSchema, 'output'),
  SpotCheck: schemaOf(spotCheckSchema, 'output'),
  DrawSpotCheck: schemaOf(drawSpotCheckSchema, 'input'),
  SpotCheckResult: schemaOf(spotCheckResultSchema, 'input'),
  Anomalies: schemaOf(anomaliesSchema, 'output'),
  ReviewDecision: schemaOf(reviewDecisionSchema, 'input'),
  ReviewResult: schemaOf(reviewResultSchema, 'output'),
};

const officeErrors = { '401': reply('Not logged in, or learner credentials'), '403': reply('Role not allowed, or cross-site request refused') };

const positive = { type: 'integer', minimum: 1 } as const;

export const integrityPaths: Paths = {
  [`${API_PREFIX}/integrity/spot-checks/latest`]: {
    get: {
      operationId: 'getLatestSpotCheck',
      summary: 'The latest spot-check list with its results so far, or null (reviewer, admin)',
      security: STAFF,
      responses: { '200': reply('The latest list', ref('SpotCheckLatest')), ...officeErrors },
    },
  },
  [`${API_PREFIX}/integrity/spot-checks`]: {
    post: {
      operationId: 'drawSpotCheck',
      summary: 'Draw a seeded random sample of guide-recorded completions and confirmed outcomes in a period; audited (reviewer, admin)',
      security: STAFF,
      requestBody: jsonBody('DrawSpotCheck'),
      responses: { '201': reply('The new list', ref('SpotCheck')), '400': reply('Bad dates, size or seed'), ...officeErrors },
    },
  },
  [`${API_PREFIX}/integrity/spot-checks/{id}/items/{itemNo}`]: {
    put: {
      operationId: 'recordSpotCheckResult',
      summary: 'Record whether a call or visit confirmed one item; audited (reviewer, admin)',
      security: STAFF,
      parameters: [pathParam('id', positive), pathParam('itemNo', positive)],
      requestBody: jsonBody('SpotCheckResult'),
      responses: { '200': reply('The list with the result', ref('SpotCheck')), '400': reply('Not a result'), ...officeErrors, '404': reply('No such item') },
    },
  },
  [`${API_PREFIX}/integrity/anomalies`]: {
    get: {
      operationId: 'getAnomalies',
      summary: 'Records held by a plausibility rule: counts per rule and per residential group, learners by code (reviewer, admin)',
      security: STAFF,
      responses: { '200': reply('The anomaly view', ref('Anomalies')), ...officeErrors },
    },
  },
  [`${API_PREFIX}/integrity/learners/{learnerId}/review`]: {
    post: {
      operationId: 'reviewLearner',
      summary: "Accept (count once) or dismiss (never count) every held record of a learner; written to the audit log (reviewer, admin)",
      security: STAFF,
      parameters: [pathParam('learnerId', { type: 'string', format: 'uuid' })],
      requestBody: jsonBody('ReviewDecision'),
      responses: { '200': reply('What the decision covered', ref('ReviewResult')), '400': reply('Not a learner id, or not a decision'), ...officeErrors, '404': reply('No such learner') },
    },
  },
};
