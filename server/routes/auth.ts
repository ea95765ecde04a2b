// Staff login and sessions (see auth/sessions.ts for what is stored). Wrong
// username and wrong password get the same answer and take the same time,
// so the endpoint does not reveal which usernames exist. How many attempts
// may be checked, and in what order, is auth/password-check.ts.
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
import { rememberDevice, trustedDevice } from '../auth/device-cookie.ts';
import { checkStaffPassword } from '../auth/password-check.ts';
import { recordFailedLogin } from '../audit/failed-logins.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';

export function authRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const { username: typed, password } = await readBody(c, loginSchema);
      const username = normalizeUsername(typed);
      const ip = ctx.clientIp(c);
      const user = await findUserByUsername(ctx.engine, username);
      const device = user && trustedDevice(c, ctx.config, user, ctx.now());
      const result = await checkStaffPassword(ctx, { account: username, address: ip, user, password, device });
      if (!result.right) {
        // No username in the log: people sometimes type their password into that field.
        ctx.logger.warn('login failed', { ip });
        await recordFailedLogin(ctx, user, ip, result.locked);
        throw apiError(401, 'invalid_credentials', 'Wrong username or password');
      }
      const account = user!;
      await deleteExpiredSessions(ctx);
      const { token, expiresAt } = await createSession(ctx, account);
      setSessionCookie(c, ctx, token, expiresAt);
      rememberDevice(c, ctx.config, account, ctx.now());
      ctx.logger.info('login', { username, role: account.role });
      await ctx.audit.record(toStaffUser(account), 'auth.login', undefined, { role: account.role });
      return c.json({ user: toStaffUser(account) });
    })
    .post('/logout', async (c) => {
      const token = readSessionToken(c, ctx.config);
      const user = token ? await findSessionUser(ctx, token) : undefined;
      if (token) await deleteSession(ctx, token);
      if (user) await ctx.audit.record(user, 'auth.logout');
      clearSessionCookie(c, ctx);
      return c.body(null, 204);
    })
    .get('/me', requireStaff(ctx), (c) => c.json({ user: c.get('staff') }))
    // A staff member's own password. The current one is asked again (a
    // browser left logged in must not be enough), wrong answers count toward
    // the login limits, and every other session of the account ends; this
    // browser gets a fresh one.
    .post('/password', requireStaff(ctx), async (c) => {
      const { currentPassword, newPassword } = await readBody(c, changePasswordSchema);
      const me = c.get('staff');
      const user = await findUserByUsername(ctx.engine, me.username);
      const device = user && trustedDevice(c, ctx.config, user, ctx.now());
      const result = await checkStaffPassword(ctx, { account: me.username, address: ctx.clientIp(c), user, password: currentPassword, device });
      if (!result.right || !user) throw apiError(400, 'wrong_current_password', 'The current password is wrong');
      try {
        await setPassword(ctx.engine, user.username, newPassword, ctx.passwords);
      } catch (error) {
        if (error instanceof PasswordPolicyError) throw apiError(400, error.code, error.message);
        throw error;
      }
      const { token, expiresAt } = await createSession(ctx, user);
      setSessionCookie(c, ctx, token, expiresAt);
      // The new password re-keys device cookies: this browser stays trusted.
      rememberDevice(c, ctx.config, (await findUserByUsername(ctx.engine, me.username))!, ctx.now());
      await ctx.audit.record(me, 'auth.password_changed');
      return c.json({ user: me });
    });
}
