// Staff login and sessions (see auth/sessions.ts for what is stored). Wrong
// username and wrong password get the same answer and take the same time,
// so the endpoint does not reveal which usernames exist.
import { Hono } from 'hono';
import { loginSchema } from '../../shared/api.ts';
import { findUserByUsername, normalizeUsername, setPassword, toStaffUser } from '../accounts/users.ts';
import { changePasswordSchema } from '../../shared/accounts.ts';
import { PasswordPolicyError } from '../auth/password-policy.ts';
import {
  clearSessionCookie,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSessionUser,
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
      const matches = await ctx.passwords.verify(password, user?.passwordHash ?? (await ctx.passwords.dummyHash()));
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
      ctx.audit.record(toStaffUser(user), 'auth.login', undefined, { role: user.role });
      return c.json({ user: toStaffUser(user) });
    })
    .post('/logout', (c) => {
      const token = readSessionToken(c, ctx.config);
      const user = token ? findSessionUser(ctx, token) : undefined;
      if (token) deleteSession(ctx, token);
      if (user) ctx.audit.record(user, 'auth.logout');
      clearSessionCookie(c, ctx);
      return c.body(null, 204);
    })
    .get('/me', requireStaff(ctx), (c) => c.json({ user: c.get('staff') }))
    // A staff member's own password. The current one is asked again (a
    // browser left logged in must not be enough), wrong answers count toward
    // the login limit, and every other session of the account ends; this
    // browser gets a fresh one.
    .post('/password', requireStaff(ctx), async (c) => {
      const { currentPassword, newPassword } = await readBody(c, changePasswordSchema);
      const me = c.get('staff');
      const wait = byUsername.retryAfter(me.username);
      if (wait > 0) throw apiError(429, 'too_many_requests', 'Too many wrong passwords; try again later', { 'Retry-After': String(wait) });
      const user = findUserByUsername(ctx.db, me.username);
      if (!user || !(await ctx.passwords.verify(currentPassword, user.passwordHash))) {
        byUsername.recordFailure(me.username);
        throw apiError(400, 'wrong_current_password', 'The current password is wrong');
      }
      try {
        await setPassword(ctx.db, user.username, newPassword, ctx.passwords);
      } catch (error) {
        if (error instanceof PasswordPolicyError) throw apiError(400, error.code, error.message);
        throw error;
      }
      const { token, expiresAt } = createSession(ctx, user);
      setSessionCookie(c, ctx, token, expiresAt);
      ctx.audit.record(me, 'auth.password_changed');
      return c.json({ user: me });
    });
}
