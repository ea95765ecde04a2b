// Anything a client can send gets a 4xx JSON error, never a 500, and never a row.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../shared/api.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { completion, DEVICE_ID, registerLearner, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let learner: Awaited<ReturnType<typeof registerLearner>>;
beforeEach(async () => {
  t = setupTestApp();
  learner = await registerLearner(t);
});
afterEach(() => t.close());

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = await res.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error.message as string;
}

const rawPost = (path: string, body: BodyInit, headers: Record<string, string>) => t.request(path, { method: 'POST', headers, body });

describe('request errors', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    await expectError(await rawPost('/api/v1/sync', '{"deviceId": "abc', { 'content-type': 'application/json', ...learner.auth }), 400, 'invalid_json');
    await expectError(await rawPost('/api/v1/learners', '', { 'content-type': 'application/json' }), 400, 'invalid_json');
    expect(await t.count('events')).toBe(0);
  });

  it('wrong types → 400 invalid_request with a path in the message', async () => {
    const message = await expectError(await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events: 'all of them' }, learner.auth), 400, 'invalid_request');
    expect(message).toMatch(/^events: /);
    await expectError(await t.postJson('/api/v1/sync', [completion(learner.id)], learner.auth), 400, 'invalid_request');
    await expectError(await t.postJson('/api/v1/sync', { deviceId: 'bad id!', events: [] }, learner.auth), 400, 'invalid_request');
    expect(await t.count('events')).toBe(0);
    expect(await t.count('devices')).toBe(0);
  });

  it('wrong Content-Type → 415', async () => {
    const body = JSON.stringify({ deviceId: DEVICE_ID, events: [completion(learner.id)] });
    await expectError(await rawPost('/api/v1/sync', body, { 'content-type': 'text/plain', ...learner.auth }), 415, 'unsupported_media_type');
    await expectError(await rawPost('/api/v1/sync', body, { 'content-type': 'application/x-www-form-urlencoded', ...learner.auth }), 415, 'unsupported_media_type');
    await expectError(await rawPost('/api/v1/learners', JSON.stringify({ id: uuidv7(), secret: newSecret() }), {}), 415, 'unsupported_media_type');
    expect(await t.count('events')).toBe(0);
    expect(await t.count('learners')).toBe(1);
  });

  it('accepts application/json with a charset parameter', async () => {
    const res = await rawPost('/api/v1/sync', JSON.stringify({ deviceId: DEVICE_ID, events: [completion(learner.id)] }), {
      'content-type': 'application/json; charset=utf-8',
      ...learner.auth,
    });
    expect(res.status).toBe(200);
    expect(await t.count('events')).toBe(1);
  });

  it('oversized body with Content-Length → 413', async () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES);
    const body = JSON.stringify({ deviceId: DEVICE_ID, events: [completion(learner.id, { padding })] });
    await expectError(await rawPost('/api/v1/sync', body, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...learner.auth }), 413, 'payload_too_large');
    expect(await t.count('events')).toBe(0);
  });

  it('oversized streamed body without Content-Length → 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await t.request('/api/v1/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...learner.auth },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectError(res, 413, 'payload_too_large');
    expect(await t.count('events')).toBe(0);
  });

  it('unknown API route → 404 JSON', async () => {
    await expectError(await t.request('/api/v1/nothing-here'), 404, 'not_found');
    await expectError(await t.request('/api/v2/sync', { method: 'POST' }), 404, 'not_found');
    await expectError(await t.request('/api/v1/sync'), 404, 'not_found'); // GET on a POST route
  });

  it('a broken database answers 500 JSON with no SQL and no stack', async () => {
    await t.engine.run(sql.raw(t.engine.kind === 'postgres' ? 'DROP TABLE devices CASCADE' : 'DROP TABLE devices'));
    const res = await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events: [completion(learner.id)] }, learner.auth);
    const message = await expectError(res, 500, 'internal');
    expect(message).not.toMatch(/devices|INSERT|sqlite|at /i);
    // The transaction rolled back: the event was not half-stored.
    expect(await t.count('events')).toBe(0);
  });
});
