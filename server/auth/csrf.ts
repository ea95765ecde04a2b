// CSRF defence for cookie-authenticated writes. SameSite=Lax already keeps
// the cookie off cross-site POSTs in current browsers; on top of that a write
// carrying the session cookie must come from our own origin and be JSON
// (hono's csrf() only checks form content types, which does not cover JSON).
// Learner requests use a bearer header, which a browser never adds on its own.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { isJsonContentType } from '../http/json-body.ts';
import { readSessionToken } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isAllowedOrigin(c: Context, ctx: AppContext, origin: string): boolean {
  return origin === new URL(c.req.url).origin || origin === ctx.config.publicOrigin;
}

/** A file sent as it is (PUT /unit-files/:sha256): no HTML form can send a PUT, and
 * application/octet-stream is not a type another site's script may send without asking first. */
const isFileUpload = (c: Context) => c.req.method === 'PUT' && /^application\/octet-stream\s*(;|$)/i.test(c.req.header('content-type') ?? '');

export function csrfGuard(ctx: AppContext, loginPath: string): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (readSessionToken(c, ctx.config) !== undefined) {
      if (!origin || !isAllowedOrigin(c, ctx, origin)) throw apiError(403, 'csrf', 'Cross-site request refused');
      if (!isJsonContentType(c.req.header('content-type')) && !isFileUpload(c)) throw apiError(403, 'csrf', 'Cookie-authenticated writes must be application/json');
    } else if (c.req.path === loginPath && origin && !isAllowedOrigin(c, ctx, origin)) {
      // Login CSRF: another site must not log a browser into its own account.
      throw apiError(403, 'csrf', 'Cross-site request refused');
    }
    return next();
  };
}
