// /feeds/news.atom, /feeds/news.json and /feeds/news.html: published ward
// news for the ward portal and feed readers. Public, cacheable (ETag and
// Last-Modified; a matching conditional request gets 304), readable from
// other sites (CORS), and the snippet may be framed by any page: it carries
// no script and its own policy allows none.
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { NEWS_LIST_LIMIT } from '../../shared/news/constants.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { atomFeed, htmlSnippet, jsonFeed, type FeedContext } from '../news/feeds.ts';
import type { Stories } from '../news/store.ts';
import { wardName } from '../ward/name.ts';

const SNIPPET_DEFAULT = 5;

export function feedRoutes(ctx: AppContext, store: Stories) {
  const feedContext = async (c: Context<AppEnv>): Promise<FeedContext> => ({
    origin: ctx.config.publicOrigin ?? new URL(c.req.url).origin,
    wardName: await wardName(ctx.engine),
    updated: (await store.publishedVersion()).lastChange,
  });

  /** Sends body with its validators, or 304 when the client's copy is current. */
  function send(c: Context<AppEnv>, feed: FeedContext, type: string, body: string, extra: Record<string, string> = {}) {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const lastModified = new Date(Math.floor(feed.updated / 1000) * 1000).toUTCString();
    const headers: Record<string, string> = {
      ETag: etag,
      'Last-Modified': lastModified,
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    };
    const ifNoneMatch = c.req.header('if-none-match');
    const ifModifiedSince = Date.parse(c.req.header('if-modified-since') ?? '');
    const fresh = ifNoneMatch !== undefined ? ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag) : Number.isFinite(ifModifiedSince) && ifModifiedSince >= Math.floor(feed.updated / 1000) * 1000;
    if (fresh) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'Content-Type': type });
  }

  return new Hono<AppEnv>()
    .get('/news.atom', async (c) => {
      const feed = await feedContext(c);
      return send(c, feed, 'application/atom+xml; charset=utf-8', atomFeed(feed, await store.published()));
    })
    .get('/news.json', async (c) => {
      const feed = await feedContext(c);
      return send(c, feed, 'application/feed+json; charset=utf-8', JSON.stringify(jsonFeed(feed, await store.published())));
    })
    .get('/news.html', async (c) => {
      const raw = Number(c.req.query('limit') ?? SNIPPET_DEFAULT);
      const limit = Number.isInteger(raw) && raw >= 1 ? Math.min(raw, NEWS_LIST_LIMIT) : SNIPPET_DEFAULT;
      const feed = await feedContext(c);
      return send(c, feed, 'text/html; charset=utf-8', htmlSnippet(feed, await store.published(limit)), {
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *",
        'Referrer-Policy': 'no-referrer',
      });
    });
}
