// No database: the proxy is checked against a tiny recording server, so it
// runs the same whatever TEST_ENGINE says.
// The fault proxy itself: each fault does to the server and to the phone what
// the sync-under-faults harness claims it does. Checked against a tiny
// recording server, so a harness that "passes" cannot be one whose faults
// silently do nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';

let upstream: Server;
let seen: string[];
let proxy: FaultProxy;

beforeEach(async () => {
  seen = [];
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push(`${req.url} ${body}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ n: seen.length }));
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const { port } = upstream.address() as AddressInfo;
  proxy = await startFaultProxy({ target: `http://127.0.0.1:${port}`, seed: 1, faultRate: 0, slowMs: [300, 300], maxHoldMs: 5_000 });
});
afterEach(async () => {
  await proxy.close();
  await new Promise((r) => upstream.close(r));
});

const post = (body: string, path = '/api/v1/sync') =>
  fetch(proxy.url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer a.b' }, body });

describe('fault proxy', () => {
  it('passes requests through untouched when there is no fault', async () => {
    const res = await post('"x"');
    expect(await res.json()).toEqual({ n: 1 });
    expect(seen).toEqual(['/api/v1/sync "x"']);
  });

  it('dropRequest: the server never sees it and the phone gets no answer', async () => {
    proxy.force('dropRequest');
    await expect(post('"x"')).rejects.toThrow();
    await proxy.settle();
    expect(seen).toEqual([]);
  });

  it('dropResponse: the server handles it but the phone gets no answer', async () => {
    proxy.force('dropResponse');
    await expect(post('"x"')).rejects.toThrow();
    await proxy.settle();
    expect(seen).toEqual(['/api/v1/sync "x"']);
  });

  it('duplicate: the server sees it twice, the phone gets the second answer', async () => {
    proxy.force('duplicate');
    const res = await post('"x"');
    expect(seen).toEqual(['/api/v1/sync "x"', '/api/v1/sync "x"']);
    expect(await res.json()).toHaveProperty('n');
  });

  it('reorder: the phone gets no answer and the stale copy arrives after its next request', async () => {
    proxy.force('reorder');
    await expect(post('"old"')).rejects.toThrow();
    expect(seen).toEqual([]);
    await (await post('"new"')).json();
    await proxy.settle();
    expect(seen).toEqual(['/api/v1/sync "new"', '/api/v1/sync "old"']);
  });

  it('slow: the answer comes, late', async () => {
    proxy.force('slow');
    const t0 = Date.now();
    expect(await (await post('"x"')).json()).toEqual({ n: 1 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('leaves other paths alone and counts faults by kind', async () => {
    proxy.setFaultRate(1);
    expect((await post('"x"', '/api/v1/health')).status).toBe(200);
    proxy.force('dropRequest', 'duplicate');
    await post('"a"').catch(() => undefined);
    await post('"b"');
    expect(proxy.stats.faults).toMatchObject({ dropRequest: 1, duplicate: 1 });
  });

  it('answers 502 when the server is down', async () => {
    await new Promise((r) => upstream.close(r));
    const res = await post('"x"');
    expect(res.status).toBe(502);
    expect((await res.json()).error.code).toBe('bad_gateway');
    upstream.listen(0, '127.0.0.1'); // so afterEach can close it again
  });
});
