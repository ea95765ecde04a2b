// Staff login and sessions (see auth/sessions.ts for what is stored). Wrong
// username and wrong password get the same answer and take the same time,
// so the endpoint does not reveal which usernames exist.
import { Hono } from 'hono';
import { loginSchema } from '../../shared/api.ts';
import { findUserByUsername, normalizeUsername, toStaffUser } from '../accounts/users.ts';
import { getDummyHash, verifyPassword } from '../auth/passwords.ts';
import {
  clearSessionCookie,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  readSessionToken,
  setSessionCookie,
} from '../auth/sessions.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';

export function authRoutes(ctx: AppContext) {
  const { byUsername, byIp } = ctx.loginLimits;

  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const { username: typed, password } = await readBody(c, loginSchema);
      const username = normalizeUsername(typed);
      const ip = ctx.clientIp(c);
      const wait = Math.max(byUsername.retryAfter(username), byIp.retryAfter(ip));
      if (wait > 0) {
        throw apiError(429, 'too_many_requests', 'Too many failed logins; try again later', { 'Retry-After': String(wait) });
      }
      const user = findUserByUsername(ctx.db, username);
      const matches = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
      if (!user || !matches || user.disabled) {
        byUsername.recordFailure(username);
        byIp.recordFailure(ip);
        // No username in the log: people sometimes type their password into that field.
        ctx.logger.warn('login failed', { ip });
        throw apiError(401, 'invalid_credentials', 'Wrong username or password');
      }
      byUsername.reset(username);
      deleteExpiredSessions(ctx);
      const { token, expiresAt } = createSession(ctx, user);
      setSessionCookie(c, ctx, token, expiresAt);
      ctx.logger.info('login', { username, role: user.role });
      return c.json({ user: toStaffUser(user) });
    })
    .post('/logout', (c) => {
      const token = readSessionToken(c, ctx.config);
      if (token) deleteSession(ctx, token);
      clearSessionCookie(c, ctx);
      return c.body(null, 204);
    })
    .get('/me', requireStaff(ctx), (c) => c.json({ user: c.get('staff') }));
}
