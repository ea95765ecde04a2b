// Staff accounts for admins: list, create (guides with team and residential
// groups) and change a guide's groups. A created account's password is
// generated here and returned once; only its hash is stored.
import { Hono } from 'hono';
import { createStaffSchema, setGroupsSchema, type StaffAccount } from '../../shared/guide/api.ts';
import { createStaffAccount, groupsOf, setGroups } from '../accounts/guides.ts';
import { listUsers, toStaffUser, type UserRow } from '../accounts/users.ts';
import { generatePassword } from '../auth/passwords.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';

export function staffRoutes(ctx: AppContext) {
  const admin = requireStaff(ctx, ['admin']);
  const account = (u: UserRow): StaffAccount => ({ ...toStaffUser(u), groups: groupsOf(ctx.sqlite, u.id), disabled: u.disabled });

  return new Hono<AppEnv>()
    .use(admin)
    .get('/', (c) => c.json({ accounts: listUsers(ctx.db).map(account) }))
    .post('/', async (c) => {
      const input = await readBody(c, createStaffSchema);
      const password = generatePassword();
      let user: UserRow;
      try {
        user = await createStaffAccount(ctx.db, { ...input, password }, ctx.now());
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw apiError(message.includes('already exists') ? 409 : 400, message.includes('already exists') ? 'conflict' : 'invalid_request', message);
      }
      return c.json({ account: account(user), password }, 201);
    })
    .put('/:username/groups', async (c) => {
      const { groups } = await readBody(c, setGroupsSchema);
      const user = listUsers(ctx.db).find((u) => u.username === c.req.param('username').toLowerCase());
      if (!user || user.role !== 'guide') throw apiError(404, 'not_found', 'No such guide');
      try {
        setGroups(ctx.sqlite, user.id, groups);
      } catch (error) {
        throw apiError(400, 'invalid_request', error instanceof Error ? error.message : String(error));
      }
      return c.json(account(user));
    });
}
