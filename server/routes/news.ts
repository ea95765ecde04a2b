// Ward news, the public side: published items only, for anyone (the
// resident's "Tin phường" screen keeps its own copy for offline reading).
// An item names its unit, never the staff member who wrote it.
import { Hono } from 'hono';
import type { NewsList } from '../../shared/news/schema.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import type { StoryStore } from '../news/store.ts';
import { createWardProfile } from '../ward/profile.ts';

export function newsRoutes(ctx: AppContext, store: StoryStore) {
  const ward = createWardProfile(ctx.db, ctx.now);
  return new Hono<AppEnv>()
    .get('/', (c) => {
      const body: NewsList = { wardName: ward.admin().name, items: store.published() };
      return c.json(body);
    })
    .get('/:id', (c) => {
      const id = c.req.param('id');
      const item = /^[0-9a-f-]{36}$/.test(id) ? store.publishedOne(id) : undefined;
      if (!item) throw apiError(404, 'not_found', 'No such published item');
      return c.json(item);
    });
}
