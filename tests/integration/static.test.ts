import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'hvs-dist-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, 'content'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Học vụ số</title>',
    'sw.js': 'self.addEventListener("fetch", () => {});',
    'workbox-1a2b3c4d.js': '// workbox',
    'manifest.webmanifest': '{"name":"Học vụ số"}',
    'assets/index-AbC123.js': 'console.log(1);',
    'content/index.json': '{"courses":[]}',
    'content/cyber-safety.vi-9f8e7d.json': '{"lessons":[]}',
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dist, name), body);
  t = setupTestApp({ config: { distDir: dist } });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('static PWA', () => {
  it.each([
    ['/assets/index-AbC123.js', 'public, max-age=31536000, immutable', /javascript/],
    ['/content/cyber-safety.vi-9f8e7d.json', 'public, max-age=31536000, immutable', /application\/json/],
    ['/content/index.json', 'no-cache', /application\/json/],
    ['/sw.js', 'no-cache', /javascript/],
    ['/workbox-1a2b3c4d.js', 'no-cache', /javascript/],
    ['/manifest.webmanifest', 'no-cache', /^application\/manifest\+json/],
    ['/', 'no-cache', /text\/html/],
    ['/index.html', 'no-cache', /text\/html/],
  ])('%s → Cache-Control %s', async (path, cacheControl, type) => {
    const res = await t.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(cacheControl);
    expect(res.headers.get('content-type')).toMatch(type);
  });

  it('serves the app shell for client-side routes (SPA fallback)', async () => {
    const res = await t.request('/learn/cyber-safety/strong-passwords');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>Học vụ số</title>');
  });

  it('answers 404 (not the shell) for a missing hashed file', async () => {
    const res = await t.request('/assets/index-gone.js');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<!doctype html>');
    expect((await t.request('/content/old-chunk.json')).status).toBe(404);
  });

  it('keeps unknown API paths as JSON 404, not the shell', async () => {
    const res = await t.request('/api/v1/unknown');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('refuses path traversal', async () => {
    const res = await t.request('/..%2f..%2fetc%2fpasswd');
    expect(await res.text()).not.toContain('root:');
  });
});
