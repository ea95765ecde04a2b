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
import { createWardImport, ImportRowsError } from '../ward/import.ts';
import { MAX_IMPORT_BYTES, wardImportRequestSchema } from '../../shared/ward-import.ts';

/** Whether anything (a guide's assignment, a session, a learner) refers to a group. */
export type GroupInUse = (groupId: string) => Promise<boolean>;

export function wardRoutes(ctx: AppContext, groupInUse: GroupInUse) {
  const ward = createWardProfile(ctx.engine, ctx.now);
  const admin = requireStaff(ctx, ['admin']);
  const groupId = (raw: string) => parseWith(residentialGroupSchema.shape.id, raw);
  const importGroups = createWardImport(ctx.engine, ward);

  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await ward.public()))
    .get('/admin', admin, async (c) => c.json(await ward.admin()))
    // What a poster's QR code should open: the configured public origin, or
    // null when none is set (the admin's browser then uses its own address).
    .get('/admin/poster', admin, async (c) => c.json({ publicOrigin: ctx.config.publicOrigin ?? null, wardName: (await ward.admin()).name }))
    .put('/', admin, async (c) => {
      const { name, channels } = await readBody(c, updateWardSchema);
      await ward.update(name, channels);
      await ctx.audit.record(c.get('staff'), 'ward.updated', { type: 'ward' }, { wardName: name, channels: channels.length });
      return c.json(await ward.admin());
    })
    // Groups from the office's CSV/XLSX file: all rows or none (see ward/import.ts).
    .post('/import', admin, async (c) => {
      const { fileName, contentBase64, dryRun } = await readBody(c, wardImportRequestSchema);
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length === 0) throw apiError(400, 'invalid_file', 'The file is empty');
      if (bytes.length > MAX_IMPORT_BYTES) throw apiError(413, 'file_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024} KB`);
      try {
        const result = await importGroups(fileName, new Uint8Array(bytes), dryRun);
        if (!dryRun) await ctx.audit.record(c.get('staff'), 'ward.imported', { type: 'ward' }, { fileName, groups: result.groups.length, kept: result.kept.length });
        return c.json({ ...result, ward: await ward.admin() });
      } catch (err) {
        if (err instanceof ImportRowsError) return c.json({ error: { code: err.code, message: err.message, rows: err.rows } }, 422);
        throw err;
      }
    })
    .put('/groups/:id', admin, async (c) => {
      const id = groupId(c.req.param('id'));
      const { name, adultPopulation, households } = await readBody(c, upsertGroupSchema);
      await ward.upsertGroup(id, name, adultPopulation, households);
      await ctx.audit.record(c.get('staff'), 'ward.group_saved', { type: 'group', id }, { groupName: name, adultPopulation, households });
      return c.json(await ward.admin());
    })
    .delete('/groups/:id', admin, async (c) => {
      const id = groupId(c.req.param('id'));
      if (!(await ward.hasGroup(id))) throw apiError(404, 'not_found', `No residential group "${id}"`);
      if (!(await ward.deleteGroup(id, groupInUse))) {
        throw apiError(409, 'group_in_use', 'Guides, sessions or learners refer to this group; rename it instead of deleting it');
      }
      await ctx.audit.record(c.get('staff'), 'ward.group_deleted', { type: 'group', id });
      return c.json(await ward.admin());
    });
}
