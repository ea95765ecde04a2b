// Plausibility review in the OpenAPI document (server/routes/integrity.ts).
import { API_PREFIX } from '../../shared/api.ts';
import { anomaliesSchema, reviewDecisionSchema, reviewResultSchema } from '../../shared/integrity/api.ts';
import { jsonBody, pathParam, ref, reply, schemaOf, STAFF, type Paths } from './helpers.ts';

export const integritySchemas = {
  Anomalies: schemaOf(anomaliesSchema, 'output'),
  ReviewDecision: schemaOf(reviewDecisionSchema, 'input'),
  ReviewResult: schemaOf(reviewResultSchema, 'output'),
};

const officeErrors = { '401': reply('Not logged in, or learner credentials'), '403': reply('Role not allowed, or cross-site request refused') };

export const integrityPaths: Paths = {
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
