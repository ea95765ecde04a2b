// A small reverse proxy on loopback that hands requests to several server
// processes in turn (round robin, no stickiness), as a city's load balancer
// may: consecutive requests of one client, even on one kept-alive
// connection, reach different processes. It forwards the Host header (the
// public origin stays the proxy's), appends the client's address to
// X-Forwarded-For as nginx does, and says which process answered in
// `x-upstream` (its index), so a test can show that both took part.
import { createServer, request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Index of the upstream that answered each request, in order. */
  answeredBy: number[];
  close(): Promise<void>;
}

export const UPSTREAM_HEADER = 'x-upstream';

export async function startRoundRobinProxy(upstreams: readonly string[], port = 0): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true });
  const answeredBy: number[] = [];
  let next = 0;
  const server = createServer((req, res) => {
    const index = next++ % upstreams.length;
    const target = new URL(req.url ?? '/', upstreams[index]);
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = httpRequest(target, { method: req.method, headers: { ...req.headers, 'x-forwarded-for': forwardedFor }, agent }, (answer) => {
      answeredBy.push(index);
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [UPSTREAM_HEADER]: String(index) });
      answer.pipe(res);
    });
    // A process that is down: 502, as a reverse proxy answers.
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json', [UPSTREAM_HEADER]: String(index) });
      res.end(JSON.stringify({ error: { code: 'bad_gateway', message: `upstream ${index} unreachable` } }));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answeredBy,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
