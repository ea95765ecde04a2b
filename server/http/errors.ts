// Every error leaves the API as JSON { error: { code, message } }. Handlers
// throw apiError(); app.onError turns it (and anything unexpected) into a
// response, so a client can never see a stack trace or SQL.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** `more`: what a refusal says besides its code and message (a plan's problems, part by part). */
export function errorBody(code: string, message: string, more: Record<string, unknown> = {}) {
  return { error: { ...more, code, message } };
}

export function jsonError(c: Context, status: ContentfulStatusCode, code: string, message: string, headers?: Record<string, string>, more?: Record<string, unknown>) {
  return c.json(errorBody(code, message, more), status, headers);
}

export class ApiError extends HTTPException {
  readonly code: string;
  readonly headers: Record<string, string>;
  readonly more: Record<string, unknown>;
  constructor(status: ContentfulStatusCode, code: string, message: string, headers: Record<string, string> = {}, more: Record<string, unknown> = {}) {
    super(status, { message });
    this.code = code;
    this.headers = headers;
    this.more = more;
  }
}

export const apiError = (status: ContentfulStatusCode, code: string, message: string, headers?: Record<string, string>, more?: Record<string, unknown>) =>
  new ApiError(status, code, message, headers, more);

/** Default codes for HTTP errors raised by middleware (body limit, …). */
export const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

const MAX_MESSAGE = 500;

/** "events.0.type: Invalid input; deviceId: must be …", short enough to show. */
export function formatZodError(error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const text = parts.join('; ');
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}
