// The ward's LED screens in the OpenAPI document.
import { z } from 'zod';
import { API_PREFIX } from '../../shared/api.ts';
import { DISPLAY_ID_PATTERN, displayFeedSchema, displayHoursSchema, displayInputSchema, displayListSchema, displaySchema, MAX_HOURS_SCREENS, screensHoursSchema } from '../../shared/displays/schema.ts';
import { jsonBody, pathParam, ref, reply, schemaOf, STAFF, PUBLIC, inputFailures, type Paths } from './helpers.ts';

export const displaySchemas = {
  Display: schemaOf(displaySchema, 'output'),
  DisplayInput: schemaOf(displayInputSchema, 'input'),
  DisplayList: schemaOf(displayListSchema, 'output'),
  DisplayFeed: schemaOf(displayFeedSchema, 'output'),
  DisplayHours: schemaOf(displayHoursSchema, 'output'),
  ScreensHours: schemaOf(screensHoursSchema, 'output'),
  DisplayDeleted: schemaOf(z.object({ ok: z.literal(true) }), 'output'),
};

const displayId = pathParam('id', { type: 'string', pattern: DISPLAY_ID_PATTERN.source });
const notAllowed = { '401': reply('Not logged in'), '403': reply('Role not allowed, or cross-site request refused') };

export const displayPaths: Paths = {
  [`${API_PREFIX}/displays`]: {
    get: { operationId: 'listDisplays', summary: 'The ward\'s LED screens with when each was last seen (reviewer, admin; unit officers read it to log a screen\'s loop)', security: STAFF, responses: { '200': reply('Screens', ref('DisplayList')), ...notAllowed } },
  },
  [`${API_PREFIX}/displays/{id}`]: {
    put: {
      operationId: 'saveDisplay',
      summary: 'Add or replace an LED screen\'s playlist (reviewer, admin)',
      security: STAFF,
      parameters: [displayId],
      requestBody: jsonBody('DisplayInput'),
      responses: { '200': reply('The screen', ref('Display')), ...notAllowed, ...inputFailures },
    },
    delete: {
      operationId: 'deleteDisplay',
      summary: 'Remove an LED screen (reviewer, admin)',
      security: STAFF,
      parameters: [displayId],
      responses: { '200': reply('Removed', ref('DisplayDeleted')), ...notAllowed, '404': reply('No such screen') },
    },
  },
  [`${API_PREFIX}/displays/hours`]: {
    get: {
      operationId: 'screensHours',
      summary: 'Hours several LED screens were on over the same days: each screen\'s part (with the first day its hours were counted) and the sum per Vietnam day and in all (default: every screen, the 7 days ending today; reviewer, admin, unit officer)',
      security: STAFF,
      parameters: [
        { name: 'ids', in: 'query', required: false, schema: { type: 'string', description: `Screen ids, comma-separated (at most ${MAX_HOURS_SCREENS})` } },
        { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
        { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
      ],
      responses: { '200': reply('Hours on, per screen and summed', ref('ScreensHours')), ...notAllowed, '400': reply('Bad dates or ids'), '404': reply('A screen asked for does not exist') },
    },
  },
  [`${API_PREFIX}/displays/{id}/hours`]: {
    get: {
      operationId: 'displayHours',
      summary: 'Hours an LED screen was on, per Vietnam day and in all, counted from its heartbeats, from `from` to `to` inclusive (default: the 7 days ending today; reviewer, admin, unit officer)',
      security: STAFF,
      parameters: [
        displayId,
        { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
        { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
      ],
      responses: { '200': reply('Hours on', ref('DisplayHours')), ...notAllowed, '400': reply('Bad dates (not days, from after to, over 366 days)'), '404': reply('No such screen') },
    },
  },
  [`${API_PREFIX}/displays/{id}/feed`]: {
    get: {
      operationId: 'displayFeed',
      summary: 'What a screen shows: its playlist and public aggregates (no login; each fetch is the screen\'s heartbeat)',
      security: PUBLIC,
      parameters: [displayId],
      responses: { '200': reply('The feed', ref('DisplayFeed')), '404': reply('No such screen') },
    },
  },
};
