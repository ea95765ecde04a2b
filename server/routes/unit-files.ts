// Evidence files of the units' outreach. A unit officer's phone uploads each
// file before the record that names it: PUT /unit-files/<sha256 of the bytes
// sent>; a resend finds the stored copy (200, nothing new), so a retried
// upload never makes a second file. The answer names the stored hash (of the
// bytes without location metadata). Reading is for staff only: the unit's own
// officers, reviewers and admins; a resident or a guide never.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_STORED_FILE_BYTES, SHA256_PATTERN, type StoredFileType } from '../../shared/files.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError, jsonError } from '../http/errors.ts';
import { FileRefused } from '../files/file-store.ts';
import type { Units } from '../plans/units.ts';
import type { UnitEvidence } from '../units/evidence.ts';

const EXTENSION: Record<StoredFileType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/** Checked while the body streams in, like every other body (app.ts), at the store's own limit. */
export const fileBodyLimit = bodyLimit({
  maxSize: MAX_STORED_FILE_BYTES,
  onError: (c) => jsonError(c, 413, 'file_too_large', `The file is larger than ${MAX_STORED_FILE_BYTES / 1024 / 1024} MB`, { Connection: 'close' }),
});

export function unitFileRoutes(ctx: AppContext, units: Units, evidence: UnitEvidence) {
  const officer = requireStaff(ctx, ['unit']);
  const readers = requireStaff(ctx, ['reviewer', 'admin', 'unit']);
  const hashParam = (raw: string) => {
    if (!SHA256_PATTERN.test(raw)) throw apiError(400, 'invalid_request', 'The address must end in the SHA-256 of the file, in lower-case hex');
    return raw;
  };
  const unitOf = async (userId: string) => {
    const id = await units.unitOf(userId);
    if (!id) throw apiError(403, 'no_unit', 'Your account is not bound to a unit; ask an admin');
    return id;
  };

  return new Hono<AppEnv>()
    .put('/:sha256', officer, fileBodyLimit, async (c) => {
      const sent = hashParam(c.req.param('sha256'));
      const me = c.get('staff');
      const unitId = await unitOf(me.id);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      let stored;
      try {
        stored = await evidence.store.put(bytes, sent);
      } catch (err) {
        if (err instanceof FileRefused) throw apiError(err.code === 'unsupported_type' ? 415 : 400, err.code, err.message);
        throw err;
      }
      const isNew = await evidence.link(unitId, stored.file.sha256, me.id);
      if (isNew) await ctx.audit.record(me, 'unit.file_uploaded', { type: 'file', id: stored.file.sha256 }, { unitId, type: stored.file.type, bytes: stored.file.bytes });
      return c.json(stored.file, isNew ? 201 : 200);
    })
    .get('/:sha256', readers, async (c) => {
      const sha256 = hashParam(c.req.param('sha256'));
      const me = c.get('staff');
      const file = await evidence.store.read(sha256);
      if (!file) throw apiError(404, 'not_found', 'No such file');
      if (me.role === 'unit' && !(await evidence.owns(await unitOf(me.id), sha256))) throw apiError(403, 'forbidden', 'The file belongs to another unit');
      const { type } = file.info;
      const name = `minh-chung-${sha256.slice(0, 12)}.${EXTENSION[type]}`;
      // Photos show in the page; a PDF is downloaded, never run inside the app's origin.
      c.header('Content-Disposition', `${type === 'application/pdf' ? 'attachment' : 'inline'}; filename="${name}"`);
      c.header('Content-Type', type);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Cross-Origin-Resource-Policy', 'same-origin');
      return c.body(file.body as Uint8Array<ArrayBuffer>);
    });
}
