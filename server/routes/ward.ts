// The ward profile. GET / is public (phones show the groups during
// onboarding, before anyone has an account); editing is for admins only.
import { Hono } from 'hono';
import { residentialGroupSchema } from '../../shared/api.ts';
import { updateWardSchema, upsertGroupSchema } from '../../shared/ward-admin.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import { createWardProfile } from '../ward/profile.ts';

/** Whether anything (a guide's assignment, a session, a learner) refers to a group. */
export type GroupInUse = (groupId: string) => boolean;

export function wardRoutes(ctx: AppContext, groupInUse: GroupInUse) {
  const ward = createWardProfile(ctx.sqlite, ctx.now);
  const admin = requireStaff(ctx, ['admin']);
  const groupId = (raw: string) => parseWith(residentialGroupSchema.shape.id, raw);

  return new Hono<AppEnv>()
    .get('/', (c) => c.json(ward.public()))
    .get('/admin', admin, (c) => c.json(ward.admin()))
    .put('/', admin, async (c) => {
      const { name, channels } = await readBody(c, updateWardSchema);
      ward.update(name, channels);
      return c.json(ward.admin());
    })
    .put('/groups/:id', admin, async (c) => {
      const id = groupId(c.req.param('id'));
      const { name, adultPopulation, households } = await readBody(c, upsertGroupSchema);
      ward.upsertGroup(id, name, adultPopulation, households);
      return c.json(ward.admin());
    })
    .delete('/groups/:id', admin, (c) => {
      const id = groupId(c.req.param('id'));
      if (!ward.hasGroup(id)) throw apiError(404, 'not_found', `No residential group "${id}"`);
      if (!ward.deleteGroup(id, groupInUse)) {
        throw apiError(409, 'group_in_use', 'Guides, sessions or learners refer to this group; rename it instead of deleting it');
      }
      return c.json(ward.admin());
    });
}
