// Public look-up of a session by its short code, for the resident's "join"
// screen: title, place, time and whether check-ins are still open. No login
// (residents have none) but rate-limited per address, so codes cannot be
// enumerated: 8 characters of a 25-letter alphabet are ~1.5e11 codes, and an
// address gets CODE_MISSES_PER_IP wrong guesses per window.
import { Hono } from 'hono';
import { sessionCodeSchema } from '../../shared/events/guide.ts';
import type { PublicSession } from '../../shared/guide/api.ts';
import { createFailureLimiter } from '../auth/rate-limit.ts';
import { windowsFor } from '../limits/windows.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { createGuideAccess } from '../guide/authorize.ts';
import { checkinState } from '../guide/checkins.ts';
import { apiError } from '../http/errors.ts';

const WINDOW_MS = 10 * 60_000;
/** Generous: a whole cultural house may sit behind one carrier NAT address. */
export const CODE_MISSES_PER_IP = 30;

export function sessionRoutes(ctx: AppContext) {
  const access = createGuideAccess(ctx.engine);
  const misses = createFailureLimiter({ limit: CODE_MISSES_PER_IP, windowMs: WINDOW_MS, now: ctx.now, windows: windowsFor(ctx.engine, ctx.now)('session-code-misses') });

  return new Hono<AppEnv>().get('/:code', async (c) => {
    const ip = ctx.clientIp(c);
    const wait = await misses.retryAfter(ip);
    if (wait > 0) throw apiError(429, 'too_many_requests', 'Too many wrong session codes; try again later', { 'Retry-After': String(wait) });
    const code = c.req.param('code').trim().toUpperCase();
    const session = sessionCodeSchema.safeParse(code).success ? await access.sessionByCode(code) : undefined;
    if (!session) {
      await misses.recordFailure(ip);
      throw apiError(404, 'unknown_session', 'No session with this code (check the code, or the guide has not synced it yet)');
    }
    const body: PublicSession = {
      code: session.code,
      title: session.title,
      place: session.place,
      startsAt: new Date(session.startsAt).toISOString(),
      endsAt: new Date(session.endsAt).toISOString(),
      courses: JSON.parse(session.courses) as string[],
      state: checkinState(session, ctx.now()),
    };
    return c.json(body);
  });
}
