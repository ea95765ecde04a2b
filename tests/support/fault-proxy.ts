// A fault-injecting HTTP proxy on loopback, put between simulated phones and
// the real server process to show that sync is exactly-once in effect over a
// network that loses, repeats and reorders. Requests to the faulty paths (sync
// and registration) meet, with probability `faultRate`, one of:
//
// - dropRequest   the connection is cut before anything reaches the server;
// - dropResponse  the server handles (and commits) the request, then the
//                 connection is cut before the phone reads the answer;
// - duplicate     the request is sent to the server twice at once; the phone
//                 gets the second answer;
// - reorder       the phone's connection is cut (its request "timed out") and a
//                 copy is held back, then delivered after that phone's next
//                 request: a stale batch arriving after a newer one;
// - slow          the answer is held for a while before it is passed on.
//
// Which request gets which fault comes from a seeded PRNG, so the sequence of
// decisions is reproducible (timing, and so which batch meets which fault, is
// not). When the server is down the proxy answers 502, as a reverse proxy would.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../shared/seeded-random.ts';

export const FAULT_KINDS = ['dropRequest', 'dropResponse', 'duplicate', 'reorder', 'slow'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
  /** Where to forward, e.g. http://127.0.0.1:1234 (same port across restarts). */
  target: string;
  seed: number;
  /** Share of faulty-path requests that meet a fault, 0–1. */
  faultRate: number;
  faultPaths?: readonly string[];
  /** Extra delay of a slow answer, ms. */
  slowMs?: [number, number];
  /** A held-back copy is delivered at the latest after this long, ms. */
  maxHoldMs?: number;
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

interface Held {
  req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>;
  body: Buffer;
  timer: ReturnType<typeof setTimeout>;
}

export { seededRandom };

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startFaultProxy(opts: FaultProxyOptions) {
  const random = seededRandom(opts.seed);
  const faultPaths = opts.faultPaths ?? ['/api/v1/sync', '/api/v1/learners'];
  const [slowMin, slowMax] = opts.slowMs ?? [200, 1_200];
  const maxHoldMs = opts.maxHoldMs ?? 2_000;
  const target = new URL(opts.target);
  let faultRate = opts.faultRate;

  const stats = {
    requests: 0,
    forwarded: 0,
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
    /** Answers from the server by status code (429 would mean rate limiting hit the phones). */
    statuses: {} as Record<number, number>,
    /** Forwards that got no answer: the server was down or was killed mid-request. */
    upstreamFailures: 0,
  };
  const held = new Map<string, Held>();
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  };

  function forward(req: Held['req'], body: Buffer): Promise<Upstream> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && typeof v === 'string') headers[k] = v;
    headers['content-length'] = String(body.length);
    return track(
      new Promise<Upstream>((resolve, reject) => {
        stats.forwarded += 1;
        // No keep-alive: a killed server must not leave half-dead pooled sockets.
        const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: false }, (res) => {
          readBody(res).then((b) => {
            stats.statuses[res.statusCode ?? 0] = (stats.statuses[res.statusCode ?? 0] ?? 0) + 1;
            // The headers a phone acts on; the login cookie for guides' phones.
            const h: Record<string, string | string[]> = {};
            for (const name of ['content-type', 'retry-after', 'set-cookie']) {
              const value = res.headers[name];
              if (value !== undefined) h[name] = value;
            }
            resolve({ status: res.statusCode ?? 502, headers: h, body: b });
          }, reject);
        });
        up.on('error', (err) => {
          stats.upstreamFailures += 1;
          reject(err);
        });
        up.end(body);
      }),
    );
  }

  const badGateway: Upstream = {
    status: 502,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ error: { code: 'bad_gateway', message: 'The ward server did not answer' } })),
  };
  const forwardOr502 = (req: Held['req'], body: Buffer) => forward(req, body).catch(() => badGateway);

  function reply(res: ServerResponse, up: Upstream) {
    if (res.destroyed) return;
    // connection: close, so a phone never reuses a socket the proxy is about to cut.
    res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length), connection: 'close' });
    res.end(up.body);
  }
  const cut = (res: ServerResponse) => res.socket?.destroy();

  /** Delivers a held-back copy; its answer goes nowhere (that phone gave up on it). */
  function release(key: string) {
    const h = held.get(key);
    if (!h) return Promise.resolve();
    held.delete(key);
    clearTimeout(h.timer);
    return forward(h.req, h.body).then(
      () => undefined,
      () => undefined,
    );
  }

  // Kinds come from a shuffled "bag" of all five: every five faults in a row
  // include each kind once, so even a short run meets every kind.
  let bag: FaultKind[] = [];
  const forced: Array<FaultKind | null> = [];
  function pickFault(): FaultKind | null {
    if (forced.length) return forced.shift()!;
    if (random() >= faultRate) return null;
    if (bag.length === 0) {
      bag = [...FAULT_KINDS];
      for (let i = bag.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [bag[i], bag[j]] = [bag[j], bag[i]];
      }
    }
    return bag.pop()!;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    stats.requests += 1;
    const body = await readBody(req);
    const path = (req.url ?? '/').split('?')[0];
    const fault = faultPaths.includes(path) ? pickFault() : null;
    const key = `${path} ${req.headers.authorization ?? body.toString('utf8')}`;
    const meta = { method: req.method, url: req.url, headers: req.headers };
    if (fault) stats.faults[fault] += 1;

    switch (fault) {
      case 'dropRequest':
        return cut(res);
      case 'dropResponse':
        await forward(meta, body).catch(() => undefined);
        return cut(res);
      case 'duplicate': {
        const [, second] = await Promise.all([forwardOr502(meta, body), forwardOr502(meta, body)]);
        return reply(res, second);
      }
      case 'reorder': {
        await release(key);
        held.set(key, { req: meta, body, timer: setTimeout(() => void release(key), maxHoldMs) });
        return cut(res);
      }
      case 'slow': {
        const up = await forwardOr502(meta, body);
        await new Promise((r) => setTimeout(r, slowMin + random() * (slowMax - slowMin)));
        return reply(res, up);
      }
      default: {
        const up = await forwardOr502(meta, body);
        reply(res, up);
        // The stale copy arrives after this newer request from the same phone.
        if (held.has(key)) void release(key);
      }
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => cut(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setFaultRate(rate: number) {
      faultRate = rate;
    },
    /** The next faulty-path requests meet these faults (null: none), before any random one. */
    force(...kinds: Array<FaultKind | null>) {
      forced.push(...kinds);
    },
    /** Delivers every held-back copy now and waits until nothing is in flight. */
    async settle() {
      await Promise.all([...held.keys()].map(release));
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    async close() {
      for (const h of held.values()) clearTimeout(h.timer);
      held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
