// The plan's registers (difficulties, false information, budget proposals) in the OpenAPI document.
import { API_PREFIX } from '../../shared/api.ts';
import { SHA256_PATTERN } from '../../shared/files.ts';
import {
  budgetDecisionSchema,
  budgetInputSchema,
  budgetListSchema,
  budgetSchema,
  difficultyHandlingSchema,
  difficultyInputSchema,
  difficultyListSchema,
  difficultySchema,
  misinfoInputSchema,
  misinfoListSchema,
  misinfoSchema,
  registerQuerySchema,
} from '../../shared/registers/schema.ts';
import { inputFailures, jsonBody, pathParam, queryParams, ref, reply, schemaOf, STAFF, pictureUpload, type Paths } from './helpers.ts';

export const registerSchemas = {
  Difficulty: schemaOf(difficultySchema, 'output'),
  DifficultyList: schemaOf(difficultyListSchema, 'output'),
  DifficultyInput: schemaOf(difficultyInputSchema, 'input'),
  DifficultyHandling: schemaOf(difficultyHandlingSchema, 'input'),
  Misinformation: schemaOf(misinfoSchema, 'output'),
  MisinformationList: schemaOf(misinfoListSchema, 'output'),
  MisinformationInput: schemaOf(misinfoInputSchema, 'input'),
  BudgetProposal: schemaOf(budgetSchema, 'output'),
  BudgetProposalList: schemaOf(budgetListSchema, 'output'),
  BudgetProposalInput: schemaOf(budgetInputSchema, 'input'),
  BudgetDecision: schemaOf(budgetDecisionSchema, 'input'),
};

const entryId = pathParam('id', { type: 'string', format: 'uuid' });
const notAllowed = { '401': reply('Not logged in'), '403': reply('Role not allowed, another unit\'s entry, or cross-site request refused') };
const planProblems = { '422': reply('No such plan (unknown_plan), or the plan has no such content item (not_in_plan)') };
const filters = queryParams(registerQuerySchema);
const R = `${API_PREFIX}/registers`;
const shotHash = pathParam('sha256', { type: 'string', pattern: SHA256_PATTERN.source });

export const registerPaths: Paths = {
  [`${R}/screenshots/{sha256}`]: {
    put: {
      operationId: 'uploadRegisterScreenshot',
      summary: 'Upload a screenshot for the false-information register (unit officer, reviewer, admin) under the SHA-256 of the bytes sent, before the entry naming it: JPEG, PNG or WebP by their first bytes, location metadata removed; the same bytes again store nothing new',
      security: STAFF,
      parameters: [shotHash],
      requestBody: pictureUpload.requestBody,
      responses: { ...pictureUpload.responses, ...notAllowed },
    },
    get: {
      operationId: 'readRegisterScreenshot',
      summary: "A register screenshot (reviewer, admin; a unit officer their unit's)",
      security: STAFF,
      parameters: [shotHash],
      responses: {
        '200': { description: 'The picture', content: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp'].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) },
        '400': reply('Not a SHA-256'),
        ...notAllowed,
        '404': reply('No such screenshot'),
      },
    },
  },
  [`${R}/difficulties`]: {
    get: { operationId: 'listDifficulties', summary: "Difficulties (reviewer, admin; a unit officer sees their own unit's)", security: STAFF, parameters: filters, responses: { '200': reply('Difficulties', ref('DifficultyList')), '400': reply('Bad filter'), ...notAllowed } },
    post: {
      operationId: 'fileDifficulty',
      summary: 'File a difficulty for the officer\'s own unit (unit officer)',
      security: STAFF,
      requestBody: jsonBody('DifficultyInput'),
      responses: { '201': reply('The difficulty', ref('Difficulty')), ...notAllowed, ...planProblems, ...inputFailures },
    },
  },
  [`${R}/difficulties/{id}`]: {
    get: { operationId: 'getDifficulty', summary: 'One difficulty (its unit\'s officers, reviewer, admin)', security: STAFF, parameters: [entryId], responses: { '200': reply('The difficulty', ref('Difficulty')), ...notAllowed, '404': reply('No such entry') } },
    put: {
      operationId: 'correctDifficulty',
      summary: "Correct a filed difficulty while it is new (the filing unit's officers)",
      security: STAFF,
      parameters: [entryId],
      requestBody: jsonBody('DifficultyInput'),
      responses: { '200': reply('The difficulty', ref('Difficulty')), ...notAllowed, '404': reply('No such entry'), '409': reply('Already handled by VH-XH (already_handled)'), ...planProblems, ...inputFailures },
    },
  },
  [`${R}/difficulties/{id}/handling`]: {
    put: {
      operationId: 'handleDifficulty',
      summary: "Record the handling, or the proposal to the People's Committee, and the status (reviewer, admin)",
      security: STAFF,
      parameters: [entryId],
      requestBody: jsonBody('DifficultyHandling'),
      responses: { '200': reply('The difficulty', ref('Difficulty')), ...notAllowed, '404': reply('No such entry'), ...inputFailures },
    },
  },
  [`${R}/misinformation`]: {
    get: { operationId: 'listMisinformation', summary: "False or misleading information logged (reviewer, admin; a unit officer sees their own unit's)", security: STAFF, parameters: filters, responses: { '200': reply('Entries', ref('MisinformationList')), '400': reply('Bad filter'), ...notAllowed } },
    post: {
      operationId: 'logMisinformation',
      summary: 'Log false or misleading information seen on a social network (reviewer, admin, unit officer); the public link only, no names',
      security: STAFF,
      requestBody: jsonBody('MisinformationInput'),
      responses: { '201': reply('The entry', ref('Misinformation')), ...notAllowed, ...planProblems, ...inputFailures },
    },
  },
  [`${R}/misinformation/{id}`]: {
    get: { operationId: 'getMisinformation', summary: "One entry (its unit's officers, reviewer, admin)", security: STAFF, parameters: [entryId], responses: { '200': reply('The entry', ref('Misinformation')), ...notAllowed, '404': reply('No such entry') } },
    put: {
      operationId: 'updateMisinformation',
      summary: "Replace an entry's assessment, action and status (its unit's officers, reviewer, admin)",
      security: STAFF,
      parameters: [entryId],
      requestBody: jsonBody('MisinformationInput'),
      responses: { '200': reply('The entry', ref('Misinformation')), ...notAllowed, '404': reply('No such entry'), ...planProblems, ...inputFailures },
    },
  },
  [`${R}/budget`]: {
    get: { operationId: 'listBudgetProposals', summary: "Budget proposals with server-computed totals (reviewer, admin; a unit officer sees their own unit's)", security: STAFF, parameters: filters, responses: { '200': reply('Proposals', ref('BudgetProposalList')), '400': reply('Bad filter'), ...notAllowed } },
    post: {
      operationId: 'proposeBudget',
      summary: "Propose a budget for the officer's own unit, in whole đồng per line (unit officer)",
      security: STAFF,
      requestBody: jsonBody('BudgetProposalInput'),
      responses: { '201': reply('The proposal', ref('BudgetProposal')), ...notAllowed, ...planProblems, ...inputFailures },
    },
  },
  [`${R}/budget/{id}`]: {
    get: { operationId: 'getBudgetProposal', summary: "One proposal (its unit's officers, reviewer, admin)", security: STAFF, parameters: [entryId], responses: { '200': reply('The proposal', ref('BudgetProposal')), ...notAllowed, '404': reply('No such entry') } },
  },
  [`${R}/budget/{id}/decision`]: {
    put: {
      operationId: 'decideBudgetProposal',
      summary: 'Approve an amount per line (at most the proposed one) or refuse (reviewer, admin)',
      security: STAFF,
      parameters: [entryId],
      requestBody: jsonBody('BudgetDecision'),
      responses: { '200': reply('The proposal', ref('BudgetProposal')), ...notAllowed, '404': reply('No such entry'), ...inputFailures },
    },
  },
};
