// Over-limit and malformed bodies through a real HTTP server on loopback
// (@hono/node-server around the app, as server/main.ts runs it): the body
// limit must hold while the body is still streaming, with or without a
// Content-Length, which in-process requests cannot show.
import { Agent, request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import fc from 'fast-check';
import { errorSchema, MAX_BODY_BYTES } from '../../shared/api.ts';
import { answerClientErrors, createApiServer } from '../../server/http/client-error.ts';
import { emptyStats, type FuzzStats } from './fuzz-runner.ts';
import { forkWorld, type World } from './fuzz-world.ts';
import { allowedRole, fillPath, ROUTES } from './route-inventory.ts';

type Mode = 'length-over' | 'chunked-over' | 'chunked-malformed';
interface HttpCase {
  route: number;
  mode: Mode;
  size: number;
  chunk: number;
  /** How the body starts: JSON that would be valid if it ended, or junk. */
  prefix: string;
}

const caseArb: fc.Arbitrary<HttpCase> = fc.record({
  route: fc.nat(),
  mode: fc.constantFrom<Mode>('length-over', 'chunked-over', 'chunked-over', 'chunked-malformed'),
  size: fc.integer({ min: MAX_BODY_BYTES + 1, max: 3 * MAX_BODY_BYTES }),
  chunk: fc.integer({ min: 512, max: 256 * 1024 }),
  prefix: fc.constantFrom('{"deviceId":"device-test-0001","events":[{"pad":"', '{"name":"', '[', '{"a":', 'xxxx', '{"username":"Nguyễn'),
});

interface Answer {
  status: number | 'reset' | 'hang';
  body: string;
  type: string;
  /** The Connection header: a body the server stopped reading must come with "close". */
  connection?: string;
}

/** Sends `size` bytes (prefix + padding), chunked unless a Content-Length is given; stops writing once the answer comes. */
function send(port: number, method: string, path: string, headers: Record<string, string>, c: HttpCase, size: number, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (a: Answer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(a);
    };
    // Chunked said outright: Node sends DELETE bodies unframed otherwise (they would be a second, broken request).
    const lengthHeader = c.mode === 'length-over' ? { 'content-length': String(size) } : { 'transfer-encoding': 'chunked' };
    // agent: false — a connection of its own, never one the server closed after an earlier 413.
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent: false, headers: { ...headers, 'content-type': 'application/json', ...lengthHeader } });
    const timer = setTimeout(() => finish({ status: 'hang', body: '', type: '' }), timeoutMs);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => finish({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? ''), connection: String(res.headers.connection ?? '') }));
      res.on('error', () => finish({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? '') }));
    });
    // A server may answer 413 and close while the client is still writing:
    // that is the limit working, as long as the answer arrived (checked by the caller).
    req.on('error', () => setTimeout(() => finish({ status: 'reset', body: '', type: '' }), 50));
    const head = Buffer.from(c.prefix);
    const pad = Buffer.alloc(c.chunk, 0x61);
    let sent = 0;
    const pump = () => {
      while (!done && sent < size) {
        const part = sent === 0 ? head : pad.subarray(0, Math.min(pad.length, size - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

/** Requests that break HTTP itself. Node's parser (or the adapter) refuses
 * them before the app runs, with a bare 400/431 and no JSON body; what
 * matters here is a 4xx, no crash and a server that keeps answering. */
const BROKEN_HTTP: Record<string, string> = {
  'bad chunk size': 'POST /api/v1/learners HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
  'Content-Length with chunked': 'POST /api/v1/learners HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n',
  'headers over 16 KB': `GET /api/v1/health HTTP/1.1\r\nHost: x\r\ncookie: ${'a'.repeat(20_000)}\r\n\r\n`,
  'URL over 16 KB': `GET /api/v1/sessions/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
  'no request line': 'GARBAGE\r\n\r\n',
  'negative Content-Length': 'POST /api/v1/learners HTTP/1.1\r\nHost: x\r\ncontent-length: -1\r\n\r\n',
  'NUL in a header': 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nx-a: a\u0000b\r\n\r\n',
  'raw UTF-8 in the path': 'GET /api/v1/sessions/Nguy\u1ec5n HTTP/1.1\r\nHost: x\r\n\r\n',
  'no Host': 'GET /api/v1/health HTTP/1.1\r\n\r\n',
  'body shorter than Content-Length': 'POST /api/v1/learners HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"id":',
};

function rawExchange(port: number, text: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (d) => (out += d));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
    socket.on('error', () => undefined);
    socket.write(text, 'latin1');
    setTimeout(() => socket.end(), 200); // then half-close, as a client that gave up would
  });
}

export async function fuzzOverHttp(opts: { file: string; world: World; cases: number; seed: number; timeoutMs?: number }): Promise<FuzzStats> {
  const stats = emptyStats();
  const started = performance.now();
  // Every route that may carry a body, also those that ignore it (DELETE /me, logout): a refused body must change nothing there either.
  const writable = ROUTES.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
  const f = forkWorld(opts.file, { liftLimits: true });
  const server = serve({ fetch: f.app.fetch, hostname: '127.0.0.1', port: 0, createServer: createApiServer });
  answerClientErrors(server); // as server/main.ts does
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const { port } = server.address() as AddressInfo;
  const before = await f.changes();
  try {
    for (const c of fc.sample(caseArb, { numRuns: opts.cases, seed: opts.seed })) {
      // A route that ignores its body may carry out a well-framed request whatever the body says: only over-limit bodies there.
      const routes = c.mode === 'chunked-malformed' ? writable.filter((r) => r.body && !r.ignoresBody) : writable;
      const spec = routes[c.route % routes.length];
      const path = fillPath(spec.pattern, spec.params?.(opts.world) ?? {});
      // Under the limit but not JSON: the streamed path must still answer 400, not hang.
      // Past the route's own limit (a file upload has a larger one) by the same margin.
      const size = c.mode === 'chunked-malformed' ? Math.min(c.size % MAX_BODY_BYTES, MAX_BODY_BYTES - 10) : c.size - MAX_BODY_BYTES + (spec.maxBody ?? MAX_BODY_BYTES);
      const expected = c.mode === 'chunked-malformed' ? 'a 4xx' : '413';
      stats.inputs++;
      stats.requests++;
      const auth = opts.world.auth[allowedRole(spec)];
      // Cookie writes must come from the server's own origin (CSRF guard), here the loopback one.
      const headers = auth.cookie ? { ...auth, origin: `http://127.0.0.1:${port}` } : auth;
      const a = await send(port, spec.method, path, headers, { ...c, prefix: c.mode === 'chunked-malformed' ? `${c.prefix}\u0000` : c.prefix }, size, opts.timeoutMs ?? 30_000);
      const fail = (problem: string) => stats.failures.push({ route: spec.key, recipe: `HTTP ${c.mode} ${size} bytes in chunks of ${c.chunk}, starting ${JSON.stringify(c.prefix)}`, credentials: 'role', status: a.status === 'reset' ? 0 : a.status, problem });
      if (a.status === 'hang') {
        stats.hangs++;
        fail('no answer');
        continue;
      }
      if (a.status === 'reset') {
        stats.otherStatus++;
        fail(`connection reset before an answer (expected ${expected})`);
        continue;
      }
      if (a.status >= 500) stats.status5xx++;
      else if (a.status >= 400) stats.status4xx++;
      else stats.status2xx++;
      const ok = c.mode === 'chunked-malformed' ? a.status >= 400 && a.status < 500 : a.status === 413;
      let json: unknown = null;
      try {
        json = JSON.parse(a.body);
      } catch {
        /* checked below */
      }
      const parsed = errorSchema.safeParse(json);
      if (parsed.success) stats.errorCodes[parsed.data.error.code] = (stats.errorCodes[parsed.data.error.code] ?? 0) + 1;
      if (!ok || !a.type.startsWith('application/json') || !parsed.success) fail(`expected ${expected} JSON error, got ${a.status} ${a.type} ${a.body.slice(0, 120)}`);
      else if (a.status === 413 && a.connection !== 'close') fail(`413 with Connection: ${a.connection}: the server will not read the rest, so the client must not reuse the connection`);
    }
    for (const [name, text] of Object.entries(BROKEN_HTTP)) {
      stats.inputs++;
      stats.requests++;
      const answer = await rawExchange(port, text, opts.timeoutMs ?? 30_000);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        /* checked below */
      }
      if (status >= 400 && status < 500) {
        stats.status4xx++;
        if (!errorSchema.safeParse(json).success) stats.failures.push({ route: '(HTTP parser)', recipe: name, credentials: 'none', status, problem: `expected a JSON error body, got ${JSON.stringify(body.slice(0, 80))}` });
      } else {
        if (status >= 500) stats.status5xx++;
        else stats.otherStatus++;
        stats.failures.push({ route: '(HTTP parser)', recipe: name, credentials: 'none', status, problem: `expected a 4xx, got ${JSON.stringify(answer.slice(0, 80))}` });
      }
    }
    const written = (await f.changes()) - before;
    if (written !== 0) {
      stats.writesOnRefusal += written;
      stats.failures.push({ route: '(all)', recipe: 'over-limit HTTP bodies', credentials: 'role', status: 413, problem: `refused bodies wrote ${written} row(s)` });
    }
    // A client that keeps its connections (as browsers do): after each 413 its next request must still be answered.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 10; i++) {
        stats.inputs++;
        stats.requests += 2;
        const over = await new Promise<number>((resolve) => {
          const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/learners', agent, headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) } });
          req.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0)));
          req.on('error', () => resolve(0));
          req.end('{');
        });
        const next = await new Promise<number | string>((resolve) => {
          const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path: '/api/v1/health', agent });
          req.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0)));
          req.on('error', (e) => resolve(String(e)));
          req.end();
        });
        if (over !== 413 || next !== 200) stats.failures.push({ route: 'GET /api/v1/health', recipe: 'the request after a 413 on a kept-alive connection', credentials: 'none', status: typeof next === 'number' ? next : 0, problem: `413 was ${over}, next answer ${next}` });
      }
    } finally {
      agent.destroy();
    }
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    if (health.status !== 200) stats.failures.push({ route: 'GET /api/v1/health', recipe: 'after the HTTP run', credentials: 'none', status: health.status, problem: 'server not healthy' });
  } finally {
    (server as Server).closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await f.close();
  }
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}
