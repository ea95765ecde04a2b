// The client's address, used only to key the login rate limit.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function createClientIp(trustProxy: boolean) {
  return (c: Context): string => {
    if (trustProxy) {
      // The proxy appends the address it saw; earlier hops are client-supplied.
      const hops = c.req.header('x-forwarded-for')?.split(',').map((hop) => hop.trim()).filter(Boolean);
      if (hops?.length) return hops[hops.length - 1];
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown'; // in-process requests (tests) have no socket
    }
  };
}
