// Loudspeaker bulletins in the OpenAPI document: saved bulletins with their
// broadcast schedule, and marking a scheduled day as aired; and the studio's
// one tap into the outreach log for cards, LED screens and posters.
import { airingInputSchema, bulletinInputSchema, bulletinListSchema, bulletinSchema } from '../../shared/outreach/bulletin-schedule.ts';
import { outreachLogInputSchema, outreachLoggedSchema } from '../../shared/outreach/outreach-log.ts';
import { inputFailures, jsonBody, pathParam, ref, reply, schemaOf, STAFF, type Paths } from './helpers.ts';

export const bulletinSchemas = {
  BulletinInput: schemaOf(bulletinInputSchema, 'input'),
  Bulletin: schemaOf(bulletinSchema, 'output'),
  BulletinList: schemaOf(bulletinListSchema, 'output'),
  AiringInput: schemaOf(airingInputSchema, 'input'),
  OutreachLogInput: schemaOf(outreachLogInputSchema, 'input'),
  OutreachLogged: schemaOf(outreachLoggedSchema, 'output'),
};

const id = pathParam('id', { type: 'string', format: 'uuid' });
const notAllowed = { '401': reply('Not logged in'), '403': reply("Role not allowed, another unit's bulletin, or cross-site request refused") };
const rules = { '422': reply('No unit named by the office (unit_required), an unknown unit (unknown_unit) or residential group (unknown_group)') };

export const bulletinPaths: Paths = {
  '/api/v1/bulletins': {
    get: { operationId: 'listBulletins', summary: "Saved bulletins with their schedules and airings (a unit officer: their unit's)", security: STAFF, responses: { '200': reply('Bulletins', ref('BulletinList')), ...notAllowed } },
    post: {
      operationId: 'createBulletin',
      summary: 'Save a bulletin and its schedule (unit officer for their unit; reviewer, admin for a unit they name)',
      security: STAFF,
      requestBody: jsonBody('BulletinInput'),
      responses: { '201': reply('The bulletin', ref('Bulletin')), ...notAllowed, ...inputFailures, ...rules },
    },
  },
  '/api/v1/bulletins/{id}': {
    put: {
      operationId: 'updateBulletin',
      summary: 'Change a bulletin or its schedule',
      security: STAFF,
      parameters: [id],
      requestBody: jsonBody('BulletinInput'),
      responses: { '200': reply('The bulletin', ref('Bulletin')), ...notAllowed, '404': reply('No such bulletin'), ...inputFailures, ...rules },
    },
  },
  '/api/v1/bulletins/{id}/aired': {
    post: {
      operationId: 'markBulletinAired',
      summary: "Mark a scheduled day as aired (an officer of the airing unit): logs one outreach activity (form 2.4) with its minutes, the reading time unless given; a second tap logs nothing",
      security: STAFF,
      parameters: [id],
      requestBody: jsonBody('AiringInput'),
      responses: {
        '201': reply('Aired and logged', ref('Bulletin')),
        '200': reply('That day was already marked: nothing new', ref('Bulletin')),
        ...notAllowed,
        '404': reply('No such bulletin'),
        ...inputFailures,
        '422': reply('Not a scheduled day (not_scheduled), a day still to come (not_yet), or no plan has the loudspeaker form (no_plan_form)'),
      },
    },
  },  '/api/v1/outreach-log': {
    post: {
      operationId: 'logPublishedItem',
      summary: "Log an item the studio published (a unit officer, for their unit): a card posted (form 2.1), an LED screen's slide loop with its screen-hours or posters printed with their copies (form 2.3), with the item's link; a second tap logs nothing",
      security: STAFF,
      requestBody: jsonBody('OutreachLogInput'),
      responses: {
        '201': reply('Logged', ref('OutreachLogged')),
        '200': reply('Already in the log: nothing new', ref('OutreachLogged')),
        '401': reply('Not logged in'),
        '403': reply('Not a unit officer, or cross-site request refused'),
        ...inputFailures,
        '422': reply('A day still to come (not_yet), or no plan has a form for the channel (no_plan_form)'),
      },
    },
  },
};
