// The build writes .br/.gz copies of its text files (tools/precompress); the
// server sends them to browsers that accept them, with the cache rules of the
// file they encode — the content index must stay revalidated, not become
// "immutable" because its compressed copy lives under content/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../tools/precompress/vite-plugin.ts';
import { setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let dist: string;
const big = (s: string) => s.repeat(200); // over the 1 KB below which nothing is compressed
const files: Record<string, string> = {
  'index.html': big('<!doctype html><title>Học vụ số</title>'),
  'assets/index-AbC123.js': big('console.log("một hai ba");'),
  'content/index.json': big('{"courses":[]}'),
  'assets/tiny-AbC123.js': 'console.log(1);',
  'sw.js': big('self.addEventListener("fetch", () => {});'),
};

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'hvs-dist-br-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, 'content'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dist, name), body);
  precompress(dist);
  t = setupTestApp({ config: { distDir: dist } });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('precompressed static files', () => {
  it.each([
    ['/assets/index-AbC123.js', 'assets/index-AbC123.js', 'public, max-age=31536000, immutable', /javascript/],
    ['/content/index.json', 'content/index.json', 'no-cache', /application\/json/],
    ['/', 'index.html', 'no-cache', /text\/html/],
    ['/courses/device-basics', 'index.html', 'no-cache', /text\/html/],
  ])('%s: Brotli when accepted, same bytes, same cache rule', async (path, file, cacheControl, type) => {
    const res = await t.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('cache-control')).toBe(cacheControl);
    expect(res.headers.get('content-type')).toMatch(type);
    const body = await bytes(res);
    expect(body.length).toBeLessThan(Buffer.byteLength(files[file]) / 5);
    expect(brotliDecompressSync(body).toString()).toBe(files[file]);
  });

  it('sends gzip to a browser without Brotli, and plain bytes to one that accepts neither', async () => {
    const gz = await t.request('/content/index.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(files['content/index.json']);
    const plain = await t.request('/content/index.json');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await bytes(plain)).toString()).toBe(files['content/index.json']);
  });

  it('never compresses the service worker script, so an edited sw.js is always what browsers compare', async () => {
    const res = await t.request('/sw.js', { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(files['sw.js']);
  });

  it('leaves files under 1 KB alone', async () => {
    const res = await t.request('/assets/tiny-AbC123.js', { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(files['assets/tiny-AbC123.js']);
  });
});

