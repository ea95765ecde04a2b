// Ward news in the OpenAPI document: staff stories and the public list.
// The feeds (/feeds/news.atom, .json, .html) are pages, not API routes.
import { newsItemSchema, newsListSchema, storyInputSchema, storyListSchema, storyQuerySchema, storySchema } from '../../shared/news/schema.ts';
import { inputFailures, transportFailures, jsonBody, pathParam, PUBLIC, queryParams, ref, reply, schemaOf, STAFF, pictureUpload, type Operation, type Paths } from './helpers.ts';

export const newsSchemas = {
  StoryInput: schemaOf(storyInputSchema, 'input'),
  Story: schemaOf(storySchema, 'output'),
  StoryList: schemaOf(storyListSchema, 'output'),
  NewsItem: schemaOf(newsItemSchema, 'output'),
  NewsList: schemaOf(newsListSchema, 'output'),
};

const id = pathParam('id', { type: 'string', format: 'uuid' });
const notAllowed = { '401': reply('Not logged in'), '403': reply('Role not allowed, another unit\'s story, or cross-site request refused') };
const rules = { '422': reply('Consent missing for a story that names a private person or business (consent_required), a link or picture the text may not have (invalid_markdown), an unknown unit (unknown_unit), or a photo not uploaded for stories by this unit (unknown_photo)') };
const photoHash = pathParam('sha256', { type: 'string', pattern: '^[0-9a-f]{64}$' });
const picture = { description: 'The photo', content: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp'].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) };

const step = (operationId: string, summary: string): Operation => ({
  operationId,
  summary,
  security: STAFF,
  parameters: [id],
  responses: { '200': reply('The story (unchanged when it already was there)', ref('Story')), ...notAllowed, '404': reply('No such story'), '409': reply('The story is not at the step before (wrong_status)') },
});

export const newsPaths: Paths = {
  '/api/v1/story-photos/{sha256}': {
    put: {
      operationId: 'uploadStoryPhoto',
      summary: 'Upload a story photo (unit officer, reviewer, admin) under the SHA-256 of the bytes sent: JPEG, PNG or WebP by their first bytes, at most 8 MB, location metadata removed; the same bytes again store nothing new',
      security: STAFF,
      parameters: [photoHash],
      requestBody: pictureUpload.requestBody,
      responses: { ...pictureUpload.responses, ...notAllowed },
    },
    get: {
      operationId: 'readStoryPhoto',
      summary: "A story photo, drafts included (the uploader's unit, reviewer, admin)",
      security: STAFF,
      parameters: [photoHash],
      responses: { '200': picture, '400': reply('Not a SHA-256'), ...notAllowed, '404': reply('No such story photo') },
    },
  },
  '/api/v1/news/photos/{sha256}': {
    get: { operationId: 'getNewsPhoto', summary: 'A photo of a published item (anyone); 404 for any other file', security: PUBLIC, parameters: [photoHash], responses: { '200': picture, '404': reply('No such published photo') } },
  },
  '/api/v1/stories': {
    get: {
      operationId: 'listStories',
      summary: 'Stories newest change first, optionally of one status (reviewer, admin; a unit officer sees their own unit\'s)',
      security: STAFF,
      parameters: queryParams(storyQuerySchema),
      responses: { '200': reply('Stories', ref('StoryList')), '400': reply('Unknown status'), ...notAllowed },
    },
    post: {
      operationId: 'createStory',
      summary: 'Write a story as a draft (reviewer, admin, unit officer for their own unit)',
      security: STAFF,
      requestBody: jsonBody('StoryInput'),
      responses: { '201': reply('The story', ref('Story')), ...notAllowed, ...rules, ...inputFailures },
    },
  },
  '/api/v1/stories/{id}': {
    get: { operationId: 'getStory', summary: 'One story with its Markdown source', security: STAFF, parameters: [id], responses: { '200': reply('The story', ref('Story')), ...notAllowed, '404': reply('No such story') } },
    put: {
      operationId: 'updateStory',
      summary: 'Save new text; an approved or unpublished story goes back to approval; a published one must be unpublished first',
      security: STAFF,
      parameters: [id],
      requestBody: jsonBody('StoryInput'),
      responses: { '200': reply('The story', ref('Story')), ...notAllowed, '404': reply('No such story'), '409': reply('Published, or approved and the caller is a unit officer (wrong_status)'), ...rules, ...inputFailures },
    },
  },
  '/api/v1/stories/{id}/submit': { post: step('submitStory', 'Send a draft for approval (its unit\'s officer, reviewer, admin)') },
  '/api/v1/stories/{id}/approve': { post: step('approveStory', 'Approve a submitted story (reviewer, admin)') },
  '/api/v1/stories/{id}/publish': { post: step('publishStory', 'Publish an approved or unpublished story (reviewer, admin)') },
  '/api/v1/stories/{id}/unpublish': { post: step('unpublishStory', 'Take a published story down (reviewer, admin)') },
  '/api/v1/news': {
    get: { operationId: 'listNews', summary: 'Published ward news, newest first (anyone)', security: PUBLIC, responses: { '200': reply('Published items', ref('NewsList')), ...transportFailures } },
  },
  '/api/v1/news/{id}': {
    get: { operationId: 'getNewsItem', summary: 'One published item (anyone)', security: PUBLIC, parameters: [id], responses: { '200': reply('The item', ref('NewsItem')), '404': reply('No such published item') } },
  },
};
