// Ward news, the public side: published items only, for anyone (the
// resident's "Tin phường" screen keeps its own copy for offline reading).
// An item names its unit, never the staff member who wrote it.
import { Hono } from 'hono';
import type { NewsList } from '../../shared/news/schema.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { sendPhoto } from '../files/serve-photo.ts';
import type { FileStore } from '../files/file-store.ts';
import type { Stories } from '../news/store.ts';
import { wardName } from '../ward/name.ts';

export function newsRoutes(ctx: AppContext, store: Stories, files: FileStore) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const body: NewsList = { wardName: await wardName(ctx.engine), items: await store.published() };
      return c.json(body);
    })
    // A photo is public only while a published story names it; a draft's is 404 here, as if it did not exist.
    .get('/photos/:sha256', async (c) => {
      const sha256 = c.req.param('sha256');
      const file = /^[0-9a-f]{64}$/.test(sha256) && (await store.isPublishedPhoto(sha256)) ? await files.read(sha256) : undefined;
      if (!file) throw apiError(404, 'not_found', 'No such published photo');
      return sendPhoto(c, file, `anh-tin-${sha256.slice(0, 12)}`, true);
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const item = /^[0-9a-f-]{36}$/.test(id) ? await store.publishedOne(id) : undefined;
      if (!item) throw apiError(404, 'not_found', 'No such published item');
      return c.json(item);
    });
}
