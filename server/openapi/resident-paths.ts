// The resident endpoints in the OpenAPI document: certificates, recovery
// codes and data rights, from the shared zod schemas.
import { API_PREFIX } from '../../shared/api.ts';
import { certificateListSchema, certificateSchema, claimCertificateSchema, myDataSchema, recoveryCodeResponseSchema, redeemRecoverySchema, redeemRecoveryResponseSchema } from '../../shared/resident/api.ts';
import { empty, jsonBody, LEARNER, PUBLIC, ref, reply, schemaOf, type Paths } from './helpers.ts';

const unauthorized = { '401': reply('Missing or wrong learner credentials') };

export const residentSchemas = {
  Certificate: schemaOf(certificateSchema, 'output'),
  CertificateList: schemaOf(certificateListSchema, 'output'),
  ClaimCertificate: schemaOf(claimCertificateSchema, 'input'),
  RecoveryCode: schemaOf(recoveryCodeResponseSchema, 'output'),
  RedeemRecovery: schemaOf(redeemRecoverySchema, 'input'),
  RedeemRecoveryResponse: schemaOf(redeemRecoveryResponseSchema, 'output'),
  MyData: schemaOf(myDataSchema, 'output'),
};

export const residentPaths: Paths = {
  [`${API_PREFIX}/certificates`]: {
    get: { operationId: 'listCertificates', summary: "The learner's certificates", security: LEARNER, responses: { '200': reply('Certificates', ref('CertificateList')), ...unauthorized } },
    post: {
      operationId: 'claimCertificate',
      summary: 'Issue a certificate for a course (or "digital-citizen") from the completions the server holds',
      security: LEARNER,
      requestBody: jsonBody('ClaimCertificate'),
      responses: {
        '200': reply('Issued before; same code', ref('Certificate')),
        '201': reply('Issued now', ref('Certificate')),
        '404': reply('Unknown course (unknown_course)'),
        '422': reply('Not every lesson has reached the server (not_earned)'),
        ...unauthorized,
      },
    },
  },
  [`${API_PREFIX}/recovery-codes`]: {
    post: {
      operationId: 'createRecoveryCode',
      summary: 'Make a one-time code to move this learner to another phone (cancels an unused one)',
      security: LEARNER,
      responses: { '201': reply('The code', ref('RecoveryCode')), ...unauthorized },
    },
  },
  [`${API_PREFIX}/recovery`]: {
    post: {
      operationId: 'redeemRecoveryCode',
      summary: "Redeem a recovery code with the new phone's own secret",
      security: PUBLIC,
      requestBody: jsonBody('RedeemRecovery'),
      responses: {
        '200': reply('Learner, profile and completions to restore', ref('RedeemRecoveryResponse')),
        '400': reply('Malformed or mistyped code (recovery_code_invalid)'),
        '404': reply('Unknown code (recovery_code_unknown)'),
        '410': reply('Code already used (recovery_code_used)'),
        '429': reply('Too many wrong codes from this address'),
      },
    },
  },
  [`${API_PREFIX}/me`]: {
    get: { operationId: 'getMyData', summary: 'Everything the server holds about the learner', security: LEARNER, responses: { '200': reply('The data', ref('MyData')), ...unauthorized } },
    delete: { operationId: 'eraseMyData', summary: 'Erase the learner (keeps only an anonymous count)', security: LEARNER, responses: { '204': empty('Erased'), ...unauthorized } },
  },
};
