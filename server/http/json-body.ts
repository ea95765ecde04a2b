// Reads and validates a JSON request body with a shared zod schema. JSON-only
// bodies are also half of the CSRF defence: a cross-site HTML form cannot
// send application/json without a CORS preflight, which this server refuses.
import type { Context } from 'hono';
import type { z } from 'zod';
import { apiError, formatZodError } from './errors.ts';

export function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^application\/json\s*(;|$)/i.test(value.trim());
}

export async function readJson(c: Context): Promise<unknown> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw apiError(415, 'unsupported_media_type', 'Content-Type must be application/json');
  }
  const text = await c.req.text();
  let nul = false;
  let value: unknown;
  try {
    // A NUL character is no text anyone types, and PostgreSQL cannot store it in
    // a text column: refused on either engine, so both behave the same.
    value = JSON.parse(text, (key, v: unknown) => {
      if (key.includes('\u0000') || (typeof v === 'string' && v.includes('\u0000'))) nul = true;
      return v;
    });
  } catch {
    throw apiError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  if (nul) throw apiError(400, 'invalid_text', 'Text may not contain the NUL character (U+0000)');
  return value;
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw apiError(400, 'invalid_request', formatZodError(result.error));
  return result.data;
}

export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseWith(schema, await readJson(c));
}
