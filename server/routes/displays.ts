// The ward's LED screens. The office (reviewer, admin) edits each screen's
// playlist and sees which screens are live; unit officers read the list, to
// log a screen's slide loop in their outreach log; the screen itself fetches its
// feed with no login (a kiosk browser), so the feed holds public aggregates
// only. Each fetch is the screen's heartbeat; the heartbeats give the hours
// each screen was on, per day, which a unit officer logs in one tap, for one
// screen or summed over several.
import { Hono } from 'hono';
import { displayHoursQuerySchema, displayHoursRangeSchema, displayIdSchema, displayInputSchema, HOURS_DEFAULT_DAYS, screensHoursQuerySchema } from '../../shared/displays/schema.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { createDisplayFeed } from '../displays/feed.ts';
import { createDisplayStore } from '../displays/store.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import { createDashboard, type DashboardCatalog } from '../stats/dashboard.ts';
import type { PublishedStories } from '../displays/feed.ts';

export function displayRoutes(ctx: AppContext, catalog: DashboardCatalog, stories: PublishedStories) {
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  const readers = requireStaff(ctx, ['reviewer', 'admin', 'unit']);
  const store = createDisplayStore(ctx.engine, ctx.now);
  const feed = createDisplayFeed(ctx.engine, createDashboard(ctx.engine, catalog, ctx.now), stories, ctx.now);
  const idOf = (raw: string) => parseWith(displayIdSchema, raw);
  const screenOf = async (raw: string) => {
    const screen = displayIdSchema.safeParse(raw).success ? await store.get(raw) : undefined;
    if (!screen) throw apiError(404, 'not_found', 'No such screen');
    return screen;
  };

  /** The days asked for, or the 7 ending today; a 400 when backwards or too long. */
  const spanOf = (q: { from?: string; to?: string }) => {
    const to = q.to ?? vietnamDay(ctx.now());
    const from = q.from ?? vietnamDay(Date.parse(to) - (HOURS_DEFAULT_DAYS - 1) * 86_400_000);
    return parseWith(displayHoursRangeSchema, { from, to });
  };

  return new Hono<AppEnv>()
    .get('/', readers, async (c) => c.json({ displays: await store.list() }))
    // Several screens' hours over the same days, each screen's part and the sum (every screen without ?ids).
    .get('/hours', readers, async (c) => {
      const q = parseWith(screensHoursQuerySchema, c.req.query());
      const { from, to } = spanOf(q);
      const sum = await store.hoursOfScreens(q.ids, from, to);
      if (!sum) throw apiError(404, 'not_found', 'No such screen among the ids');
      return c.json(sum);
    })
    .put('/:id', office, async (c) => {
      const id = idOf(c.req.param('id'));
      const input = await readBody(c, displayInputSchema);
      const saved = await store.save(id, input, c.get('staff').username);
      await ctx.audit.record(c.get('staff'), 'display.saved', { type: 'display', id }, { slides: input.slides.length });
      return c.json(saved);
    })
    .delete('/:id', office, async (c) => {
      const id = (await screenOf(c.req.param('id'))).id;
      await store.remove(id);
      await ctx.audit.record(c.get('staff'), 'display.deleted', { type: 'display', id });
      return c.json({ ok: true });
    })
    // The hours a screen was on, per day, from its heartbeats (who may read the list may read this).
    .get('/:id/hours', readers, async (c) => {
      const screen = await screenOf(c.req.param('id'));
      const { from, to } = spanOf(parseWith(displayHoursQuerySchema, c.req.query()));
      return c.json(await store.hours(screen.id, from, to));
    })
    // Public: the screen's whole loop in one answer; a fetch is its heartbeat.
    .get('/:id/feed', async (c) => {
      const screen = await screenOf(c.req.param('id'));
      await store.seen(screen.id);
      c.header('Cache-Control', 'no-store');
      const appUrl = `${(ctx.config.publicOrigin ?? new URL(c.req.url).origin).replace(/\/+$/, '')}/`;
      return c.json(await feed(screen, appUrl));
    });
}
