import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { sha256Hex } from '../../server/auth/digest.ts';
import { setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeEach(() => {
  t = setupTestApp();
});
afterEach(() => t.close());

describe('GET /api/v1/health', () => {
  it('answers ok with the package version', async () => {
    const res = await t.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: 'ok', version: '0.1.0' });
  });
});

describe('POST /api/v1/learners', () => {
  it('registers a learner (201) and stores only a hash of the secret', async () => {
    const id = uuidv7();
    const secret = newSecret();
    const res = await t.postJson('/api/v1/learners', { id, secret });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id });
    const row = await t.engine.get(sql`SELECT secret_hash FROM learners WHERE id = ${id}`) as { secret_hash: string };
    expect(row.secret_hash).toBe(sha256Hex(secret));
    expect(row.secret_hash).not.toContain(secret);
  });

  it('is idempotent for the same id and secret (a phone retrying)', async () => {
    const body = { id: uuidv7(), secret: newSecret() };
    expect((await t.postJson('/api/v1/learners', body)).status).toBe(201);
    const again = await t.postJson('/api/v1/learners', body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: body.id });
    expect(await t.count('learners')).toBe(1);
  });

  it('refuses the same id with another secret (409) and keeps the first secret', async () => {
    const id = uuidv7();
    const first = newSecret();
    await t.postJson('/api/v1/learners', { id, secret: first });
    const res = await t.postJson('/api/v1/learners', { id, secret: newSecret() });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('conflict');
    const row = await t.engine.get(sql`SELECT secret_hash FROM learners WHERE id = ${id}`) as { secret_hash: string };
    expect(row.secret_hash).toBe(sha256Hex(first));
  });

  it.each([
    ['a non-UUID id', { id: 'learner-1', secret: newSecret() }, 'id'],
    ['a short secret', { id: uuidv7(), secret: 'short' }, 'secret'],
    ['an extra field', { id: uuidv7(), secret: newSecret(), admin: true }, 'admin'],
    ['a missing secret', { id: uuidv7() }, 'secret'],
  ])('rejects %s with 400 invalid_request naming the field', async (_name, body, field) => {
    const res = await t.postJson('/api/v1/learners', body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe('invalid_request');
    expect(json.error.message).toContain(field);
    expect(await t.count('learners')).toBe(0);
  });
});
