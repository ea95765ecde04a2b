// Staff authorization: a valid session cookie, and optionally one of the
// given roles. Learner bearer credentials never grant staff access.
import type { MiddlewareHandler } from 'hono';
import type { StaffRole } from '../../shared/api.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { findSessionUser, readSessionToken } from './sessions.ts';

export function requireStaff(ctx: AppContext, roles?: readonly StaffRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionToken(c, ctx.config);
    const user = token ? await findSessionUser(ctx, token) : undefined;
    if (!user) throw apiError(401, 'unauthorized', 'Please log in');
    if (roles && !roles.includes(user.role)) throw apiError(403, 'forbidden', 'Your role cannot use this resource');
    c.set('staff', user);
    await next();
  };
}
