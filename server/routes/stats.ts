import { Hono } from 'hono';
import { statsQuerySchema } from '../../shared/api.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { parseWith } from '../http/json-body.ts';
import { createStatsQueries } from '../stats/summary.ts';

export function statsRoutes(ctx: AppContext) {
  const summarize = createStatsQueries(ctx.sqlite);
  return new Hono<AppEnv>().get('/summary', requireStaff(ctx, ['reviewer', 'admin']), (c) => {
    const { from, to } = parseWith(statsQuerySchema, c.req.query());
    if (from && to && from > to) throw apiError(400, 'invalid_request', 'from must not be after to');
    return c.json(summarize(from, to));
  });
}
