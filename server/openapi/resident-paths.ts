// The resident endpoints in the OpenAPI document: certificates, recovery
// codes and data rights, from the shared zod schemas.
import { z } from 'zod';
import { API_PREFIX } from '../../shared/api.ts';
import { certificateListSchema, certificateSchema, claimCertificateSchema, myDataSchema, recoveryCodeResponseSchema, redeemRecoverySchema, redeemRecoveryResponseSchema } from '../../shared/resident/api.ts';

type JsonSchema = Record<string, unknown>;
const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};
const error = { $ref: '#/components/schemas/Error' };
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const reply = (description: string, schema: JsonSchema = error) => ({ description, content: json(schema) });
const learner = [{ learner: [] }];
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

const ref = (name: keyof typeof residentSchemas) => ({ $ref: `#/components/schemas/${name}` });

export const residentPaths = {
  [`${API_PREFIX}/certificates`]: {
    get: { summary: "The learner's certificates", security: learner, responses: { '200': reply('Certificates', ref('CertificateList')), ...unauthorized } },
    post: {
      summary: 'Issue a certificate for a course (or "digital-citizen") from the completions the server holds',
      security: learner,
      requestBody: { required: true, content: json(ref('ClaimCertificate')) },
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
    post: { summary: 'Make a one-time code to move this learner to another phone (cancels an unused one)', security: learner, responses: { '201': reply('The code', ref('RecoveryCode')), ...unauthorized } },
  },
  [`${API_PREFIX}/recovery`]: {
    post: {
      summary: "Redeem a recovery code with the new phone's own secret",
      requestBody: { required: true, content: json(ref('RedeemRecovery')) },
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
    get: { summary: 'Everything the server holds about the learner', security: learner, responses: { '200': reply('The data', ref('MyData')), ...unauthorized } },
    delete: { summary: 'Erase the learner (keeps only an anonymous count)', security: learner, responses: { '204': { description: 'Erased' }, ...unauthorized } },
  },
};
