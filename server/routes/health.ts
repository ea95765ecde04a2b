import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';

export function healthRoutes(ctx: AppContext) {
  const probe = ctx.sqlite.prepare('SELECT 1');
  return new Hono<AppEnv>().get('/', (c) => {
    probe.get(); // a broken database file should fail the health check
    return c.json({ status: 'ok' as const, version: ctx.config.version });
  });
}
