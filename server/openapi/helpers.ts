// The pieces every part of the OpenAPI document is built from: JSON Schemas
// taken from the shared zod schemas, references, replies, parameters and the
// three kinds of security. The Operation type makes each operation name its
// operationId and its security, so a new route cannot leave either out (the
// linter run in tests/integration/openapi-lint.test.ts checks the rest).
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema, without the `$schema` dialect line OpenAPI 3.1 does not want there. */
export function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

/** A JSON reply; without a schema, the error shape every refusal has. */
export const reply = (description: string, schema: JsonSchema = ref('Error')) => ({ description, content: json(schema) });
/** A reply without a body (204). */
export const empty = (description: string) => ({ description });
export const file = (description: string, mediaType: string, format?: 'binary') => ({
  description,
  content: { [mediaType]: { schema: format ? { type: 'string', format } : { type: 'string' } } },
});

/** A required JSON body described by a named schema. */
export const jsonBody = (name: string) => ({ required: true, content: json(ref(name)) });

/** A sync request as documented: the shared schema, each event a reference to its union (the server validates events one by one). */
export function batchOf(schema: z.ZodType, event: string): JsonSchema {
  const doc = schemaOf(schema, 'input') as { properties: Record<string, JsonSchema> };
  doc.properties.events = { ...doc.properties.events, items: ref(event) };
  return doc;
}

export type Parameter = { name: string; in: 'query' | 'path'; required: boolean; schema: JsonSchema };
/** The optional query parameters of a zod object schema. */
export function queryParams(schema: z.ZodType): Parameter[] {
  const { properties } = schemaOf(schema, 'input') as { properties: Record<string, JsonSchema> };
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}
export const pathParam = (name: string, schema: JsonSchema = { type: 'string' }): Parameter => ({ name, in: 'path', required: true, schema });

/** Who may call an operation: a learner's bearer credential, a staff session cookie, or anyone. */
export const LEARNER = [{ learner: [] }];
export const STAFF = [{ staffSession: [] }];
export const PUBLIC: never[] = [];
/** Anyone; a staff cookie is read when sent (logout). */
export const STAFF_OR_PUBLIC: Array<Record<string, never[]>> = [{ staffSession: [] }, {}];

export const securitySchemes = {
  learner: { type: 'http', scheme: 'bearer', description: 'Bearer <learnerId>.<secret>' },
  staffSession: { type: 'apiKey', in: 'cookie', name: 'hvs_session', description: 'Named __Host-hvs_session when served over https' },
};

/** Answers any JSON endpoint may give for bad input. */
export const inputFailures = {
  '400': reply('Malformed JSON (invalid_json) or a body that does not match the schema (invalid_request)'),
  '413': reply('Body larger than the limit'),
  '415': reply('Content-Type is not application/json'),
};

/** What any request may get before it reaches a route: Node refuses it as HTTP (server/http/client-error.ts). */
export const transportFailures = {
  '4XX': reply('Not valid HTTP (bad_http), the address too long (uri_too_long) or the headers too large (headers_too_large)'),
};

type Reply = { description: string; content?: Record<string, { schema: JsonSchema }> };
export interface Operation {
  /** camelCase verbNoun; generated clients name their methods after it, so keep it stable. */
  operationId: string;
  summary: string;
  /** Longer prose when the summary cannot say what a client must know (limits, side effects). */
  description?: string;
  security: ReadonlyArray<Record<string, never[]>>;
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, Reply>;
}
export type PathItem = Partial<Record<'get' | 'put' | 'post' | 'delete', Operation>>;
export type Paths = Record<string, PathItem>;

/** A picture uploaded under the SHA-256 of its bytes (story photos, register screenshots): every answer but the refusals of rights. */
export const pictureUpload = {
  requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
  responses: {
    '201': reply('Stored; sha256 is of the stored, cleaned bytes', ref('StoredFile')),
    '200': reply('Already uploaded by this staff member', ref('StoredFile')),
    '400': reply('Not a SHA-256 (invalid_request), the bytes do not match it (hash_mismatch), empty (empty_file) or damaged (invalid_file)'),
    '413': reply('Larger than the limit (file_too_large)'),
    '415': reply('Not a JPEG, PNG or WebP picture (unsupported_type)'),
    '429': reply('Too many uploads from this login (rate_limited)'),
  },
};
