import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';
import { buildOpenApiDocument } from '../openapi/document.ts';

export function openApiRoutes(ctx: AppContext) {
  const document = buildOpenApiDocument(ctx.config.version);
  return new Hono<AppEnv>().get('/openapi.json', (c) => c.json(document));
}
