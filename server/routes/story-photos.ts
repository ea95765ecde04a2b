// Story photos, uploaded while a story is written: PUT /story-photos/<sha256
// of the bytes sent>, like a unit's evidence (routes/unit-files.ts): pictures
// only, location metadata removed, stored once. Staff who write stories read
// them (a unit officer only their unit's); the public reads a photo only
// through /news/photos, while a published story names it.
import { Hono } from 'hono';
import { SHA256_PATTERN, sniffType } from '../../shared/files.ts';
import type { StaffUser } from '../../shared/api.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { FileRefused } from '../files/file-store.ts';
import { sendPhoto } from '../files/serve-photo.ts';
import { apiError } from '../http/errors.ts';
import type { StoryPhotos } from '../news/photos.ts';
import type { Stories } from '../news/store.ts';
import type { Units } from '../plans/units.ts';
import { fileBodyLimit } from './unit-files.ts';

export function storyPhotoRoutes(ctx: AppContext, store: Stories, units: Units, photos: StoryPhotos) {
  const writers = requireStaff(ctx, ['reviewer', 'admin', 'unit']);
  /** A unit officer's unit (their photos); null for the office, who may use any story photo. */
  const photoUnit = async (me: StaffUser) => {
    if (me.role !== 'unit') return null;
    const id = await units.unitOf(me.id);
    if (!id) throw apiError(403, 'no_unit', 'Your account is not bound to a unit; ask an admin');
    return id;
  };
  const hashParam = (raw: string) => {
    if (!SHA256_PATTERN.test(raw)) throw apiError(400, 'invalid_request', 'The address must end in the SHA-256 of the file, in lower-case hex');
    return raw;
  };

  return new Hono<AppEnv>()
    .put('/:sha256', writers, fileBodyLimit, async (c) => {
      const sent = hashParam(c.req.param('sha256'));
      const me = c.get('staff');
      const unitId = await photoUnit(me);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      // Pictures only, refused before anything is written (a PDF is evidence, never a story photo).
      if (sniffType(bytes) === 'application/pdf') throw apiError(415, 'unsupported_type', 'A story photo is a JPEG, PNG or WebP picture');
      let stored;
      try {
        stored = await photos.store.put(bytes, sent);
      } catch (err) {
        if (err instanceof FileRefused) throw apiError(err.code === 'unsupported_type' ? 415 : 400, err.code, err.message);
        throw err;
      }
      const isNew = await photos.link(stored.file.sha256, me, unitId);
      if (isNew) await ctx.audit.record(me, 'story.photo_uploaded', { type: 'file', id: stored.file.sha256 }, { unitId, type: stored.file.type, bytes: stored.file.bytes });
      return c.json(stored.file, isNew ? 201 : 200);
    })
    .get('/:sha256', writers, async (c) => {
      const sha256 = hashParam(c.req.param('sha256'));
      const me = c.get('staff');
      const file = await photos.store.read(sha256);
      const unitId = await photoUnit(me);
      if (!file || !(await photos.mayUse(sha256, null))) throw apiError(404, 'not_found', 'No such story photo');
      if (unitId && !(await photos.mayUse(sha256, unitId)) && !(await store.isPhotoOfUnit(sha256, unitId))) throw apiError(403, 'forbidden', 'The photo belongs to another unit');
      return sendPhoto(c, file, `anh-tin-${sha256.slice(0, 12)}`, false);
    });
}
