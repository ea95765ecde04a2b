// Accounts and audit in the OpenAPI document: the admin's audit log, password
// reset and disabling, a staff member's own password change, and the 429
// answers of the request limits (server/http/request-limits.ts).
import { API_PREFIX } from '../../shared/api.ts';
import { auditPageSchema, auditQuerySchema } from '../../shared/audit.ts';
import { changePasswordSchema, PASSWORD_PROBLEMS, resetPasswordResponseSchema, setDisabledSchema } from '../../shared/accounts.ts';
import { jsonBody, pathParam, queryParams, ref, reply, schemaOf, STAFF, type Paths } from './helpers.ts';

export const auditSchemas = {
  AuditPage: schemaOf(auditPageSchema, 'output'),
  SetDisabled: schemaOf(setDisabledSchema, 'input'),
  ResetPasswordResponse: schemaOf(resetPasswordResponseSchema, 'output'),
  ChangePassword: schemaOf(changePasswordSchema, 'input'),
};
const notAdmin = { '401': reply('Not logged in'), '403': reply('Not an admin, or cross-site request refused') };

export const auditPaths: Paths = {
  [`${API_PREFIX}/staff/audit`]: {
    get: {
      operationId: 'listAuditEntries',
      summary: 'Audit log of guide and admin actions (admin), newest first; page with `before` = the previous nextBefore',
      security: STAFF,
      parameters: queryParams(auditQuerySchema),
      responses: {
        '200': reply('One page of entries', ref('AuditPage')),
        '400': reply('Bad query (invalid_request)'),
        '401': reply('Not logged in'),
        '403': reply('Not an admin'),
      },
    },
  },
  [`${API_PREFIX}/staff/{username}/password`]: {
    post: {
      operationId: 'resetStaffPassword',
      summary: "Reset a staff member's password (admin): a new generated password, returned once; their open sessions end",
      security: STAFF,
      parameters: [pathParam('username')],
      responses: { '200': reply('New password', ref('ResetPasswordResponse')), ...notAdmin, '404': reply('No such account') },
    },
  },
  [`${API_PREFIX}/staff/{username}/disabled`]: {
    put: {
      operationId: 'setStaffDisabled',
      summary: 'Disable (ends its sessions) or enable a staff account (admin)',
      security: STAFF,
      parameters: [pathParam('username')],
      requestBody: jsonBody('SetDisabled'),
      responses: {
        '200': reply('Account', ref('StaffAccount')),
        ...notAdmin,
        '404': reply('No such account'),
        '409': reply('Your own account (cannot_disable_self)'),
      },
    },
  },
  [`${API_PREFIX}/auth/password`]: {
    post: {
      operationId: 'changeOwnPassword',
      summary: "Change one's own staff password; other sessions end and this browser gets a new session cookie",
      security: STAFF,
      requestBody: jsonBody('ChangePassword'),
      responses: {
        '200': reply('Changed', ref('Me')),
        '400': reply(`Wrong current password (wrong_current_password) or a refused new one (${PASSWORD_PROBLEMS.join(', ')})`),
        '401': reply('Not logged in'),
        '403': reply('Cross-site request refused'),
        '429': reply('Too many wrong passwords (too_many_requests), or too many passwords being checked now (login_busy); see Retry-After'),
      },
    },
  },
};

const RATE_LIMITED = [`${API_PREFIX}/sync`, `${API_PREFIX}/learners`, `${API_PREFIX}/recovery`, `${API_PREFIX}/recovery-codes`];

/** Adds the request limits' 429 to the POST operations they guard. */
export function addRateLimitReplies(paths: Paths): Paths {
  for (const path of RATE_LIMITED) {
    const post = paths[path]?.post;
    if (post) post.responses['429'] = reply('Too many requests from this learner or address (rate_limited); wait Retry-After seconds');
  }
  return paths;
}
