import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';

export function healthRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', async (c) => {
    await ctx.engine.get(sql`SELECT 1`); // a broken database file or an unreachable database server should fail the health check
    return c.json({ status: 'ok' as const, version: ctx.config.version });
  });
}
