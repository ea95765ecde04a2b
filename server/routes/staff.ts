// Staff accounts for admins: list, create (guides with team and residential
// groups), change a guide's groups, reset a password, disable and enable. A
// created or reset password is generated here and returned once; only its
// hash is stored. Every change goes to the audit log.
import { Hono } from 'hono';
import { createStaffSchema, setGroupsSchema, type StaffAccount } from '../../shared/guide/api.ts';
import { createStaffAccount, groupsOf, setGroups, unitOfOfficer } from '../accounts/guides.ts';
import { findUserByUsername, listUsers, setPassword, toStaffUser, type UserRow } from '../accounts/users.ts';
import { createAccountStatus } from '../accounts/status.ts';
import { setDisabledSchema } from '../../shared/accounts.ts';
import { generatePassword } from '../auth/passwords.ts';
import { PasswordPolicyError } from '../auth/password-policy.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';

export function staffRoutes(ctx: AppContext) {
  const admin = requireStaff(ctx, ['admin']);
  const account = async (u: UserRow): Promise<StaffAccount> => ({ ...toStaffUser(u), groups: await groupsOf(ctx.engine, u.id), disabled: u.disabled, unitId: await unitOfOfficer(ctx.engine, u.id) });
  const status = createAccountStatus(ctx.engine, ctx.now);
  const userNamed = async (raw: string) => {
    const user = await findUserByUsername(ctx.engine, raw);
    if (!user) throw apiError(404, 'not_found', 'No such account');
    return user;
  };

  return new Hono<AppEnv>()
    .use(admin)
    .get('/', async (c) => c.json({ accounts: await Promise.all((await listUsers(ctx.engine)).map(account)) }))
    .post('/', async (c) => {
      const input = await readBody(c, createStaffSchema);
      const password = generatePassword();
      let user: UserRow;
      try {
        user = await createStaffAccount(ctx.engine, { ...input, password }, ctx.now(), ctx.passwords);
      } catch (error) {
        if (error instanceof PasswordPolicyError) throw apiError(400, error.code, error.message);
        const message = error instanceof Error ? error.message : String(error);
        throw apiError(message.includes('already exists') ? 409 : 400, message.includes('already exists') ? 'conflict' : 'invalid_request', message);
      }
      await ctx.audit.record(c.get('staff'), 'staff.created', { type: 'user', id: user.username }, { role: user.role, team: user.team, groups: input.groups.join(','), ...(input.unitId ? { unitId: input.unitId } : {}) });
      return c.json({ account: await account(user), password }, 201);
    })
    .put('/:username/groups', async (c) => {
      const { groups } = await readBody(c, setGroupsSchema);
      const user = (await listUsers(ctx.engine)).find((u) => u.username === c.req.param('username').toLowerCase());
      if (!user || user.role !== 'guide') throw apiError(404, 'not_found', 'No such guide');
      try {
        await setGroups(ctx.engine, user.id, groups);
      } catch (error) {
        throw apiError(400, 'invalid_request', error instanceof Error ? error.message : String(error));
      }
      await ctx.audit.record(c.get('staff'), 'staff.groups_changed', { type: 'user', id: user.username }, { groups: groups.join(',') });
      return c.json(await account(user));
    })
    // For a staff member who forgot theirs: a new generated password, and
    // every open session of the account ends (a lost phone is logged out).
    .post('/:username/password', async (c) => {
      const user = await userNamed(c.req.param('username'));
      const password = generatePassword();
      await setPassword(ctx.engine, user.username, password, ctx.passwords);
      await ctx.audit.record(c.get('staff'), 'staff.password_reset', { type: 'user', id: user.username });
      return c.json({ password });
    })
    .put('/:username/disabled', async (c) => {
      const { disabled } = await readBody(c, setDisabledSchema);
      const user = await userNamed(c.req.param('username'));
      // The acting admin stays: the ward is never left without one.
      if (disabled && user.id === c.get('staff').id) throw apiError(409, 'cannot_disable_self', 'You cannot disable your own account');
      await status.set(user.id, disabled);
      await ctx.audit.record(c.get('staff'), disabled ? 'staff.disabled' : 'staff.enabled', { type: 'user', id: user.username });
      return c.json(await account({ ...user, disabled }));
    });
}
