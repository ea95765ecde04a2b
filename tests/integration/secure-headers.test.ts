// Security headers on every kind of response (app shell, hashed files, API
// answers, errors, the /verify page), HSTS only behind https, and an internal
// error that reaches the client as a plain JSON message: no stack, no SQL.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { ORIGIN, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'hvs-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Học vụ số</title><script type="module" src="/assets/index-AbC123.js"></script>');
  writeFileSync(join(dist, 'assets/index-AbC123.js'), 'console.log(1);');
  t = setupTestApp({ config: { distDir: dist } });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

/** The CSP as directive → sources. */
function csp(res: Response): Record<string, string[]> {
  const header = res.headers.get('content-security-policy');
  expect(header, 'Content-Security-Policy').toBeTruthy();
  return Object.fromEntries(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectCommonHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBeTruthy();
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(res.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(self\)/);
  expect(res.headers.get('permissions-policy')).toMatch(/(^|, )microphone=\(self\)/);
  expect(res.headers.get('permissions-policy')).toMatch(/(^|, )geolocation=\(\)/);
  expect(res.headers.get('strict-transport-security')).toBeNull(); // plain http
  expect(res.headers.get('x-powered-by')).toBeNull();
}

describe('secure headers', () => {
  it.each(['/', '/courses/cyber-safety/lessons/strong-passwords', '/assets/index-AbC123.js', '/api/v1/health', '/api/v1/nope', '/nope.txt'])(
    '%s carries the app policy',
    async (path) => {
      const res = await t.request(path);
      expectCommonHeaders(res);
      const policy = csp(res);
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['style-src']).toEqual(["'self'"]);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['base-uri']).toEqual(["'self'"]);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(policy['form-action']).toEqual(["'self'"]);
      expect(policy['connect-src']).toEqual(["'self'"]);
      expect(policy['worker-src']).toEqual(["'self'"]);
      expect(policy['manifest-src']).toEqual(["'self'"]);
      // Nothing anywhere allows inline code or eval.
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    },
  );

  it('keeps the /verify page its own stricter policy and forbids framing it', async () => {
    const res = await t.request('/verify/ABCD-EFGH-JKLM');
    expect(res.status).toBe(404);
    expectCommonHeaders(res);
    const policy = csp(res);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['script-src']).toBeUndefined(); // falls back to 'none'
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends Strict-Transport-Security only when the public origin is https', async () => {
    const https = setupTestApp({ config: { publicOrigin: 'https://hocvuso.example.vn' } });
    const plain = setupTestApp({ config: { publicOrigin: 'http://192.168.1.10:8080' } });
    try {
      expect((await https.request('/api/v1/health')).headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
      expect((await plain.request('/api/v1/health')).headers.get('strict-transport-security')).toBeNull();
    } finally {
      https.close();
      plain.close();
    }
  });

  it('refuses a body over the limit with a JSON 413, headers included', async () => {
    const res = await t.postJson('/api/v1/learners', { id: uuidv7(), secret: 'x'.repeat(2_000_000) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expectCommonHeaders(res);
  });
});

describe('internal errors', () => {
  it('answer a broken database with a plain JSON 500: no stack trace, no SQL, no file path', async () => {
    const lines: string[] = [];
    const broken = setupTestApp();
    const app = broken.appOnSameDatabase({ logger: createLogger('debug', (line) => lines.push(line)) });
    // A table gone from under the server: every statement on it fails with the database's own message.
    if (broken.engine.kind === 'postgres') await broken.engine.run(sql`DROP TABLE learners CASCADE`);
    else {
      await broken.engine.run(sql`PRAGMA foreign_keys = OFF`);
      await broken.engine.run(sql`DROP TABLE learners`);
    }
    try {
      const res = await app.request(`${ORIGIN}/api/v1/learners`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: uuidv7(), secret: newSecret() }),
      });
      expect(res.status).toBe(500);
      expectCommonHeaders(res);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server' } });
      expect(text).not.toMatch(/learners|SELECT|INSERT|sqlite|\bat\s|\.ts\b/i);
      // The operator still learns what broke, from the log.
      expect(lines.join('')).toMatch(/unhandled error.*(no such table: learners|relation .{1,2}learners.{1,2} does not exist)/);
    } finally {
      await broken.close();
    }
  });
});
