import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSecret } from '../../shared/ids.ts';
import { completion, DEVICE_ID, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { CATALOG, consentGiven, profileUpdated, syncEvents } from './resident-support.ts';
import { RECOVERY_MISSES_PER_IP } from '../../server/routes/recovery.ts';
import { RECOVERY_CODE_LIFETIME_MS } from '../../shared/resident/api.ts';

let t: TestApp;
let learner: Awaited<ReturnType<typeof registerLearner>>;
beforeEach(async () => {
  t = setupTestApp({ catalog: CATALOG });
  learner = await registerLearner(t);
});
afterEach(() => t.close());

const makeCode = async () => {
  const res = await t.postJson('/api/v1/recovery-codes', {}, learner.auth);
  expect(res.status).toBe(201);
  return (await res.json()).code as string;
};
const redeem = (code: string, secret = newSecret()) => t.postJson('/api/v1/recovery', { code, secret });

describe('recovery codes', () => {
  it('move identity, profile and progress to a new phone, whose own secret then syncs', async () => {
    await syncEvents(t, learner.auth, [consentGiven(learner.id), profileUpdated(learner.id), completion(learner.id, { score: 90 })]);
    const code = await makeCode();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const secret = newSecret();
    const res = await redeem(code.toLowerCase().replace(/-/g, ' '), secret);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.learnerId).toBe(learner.id);
    expect(body.profile.displayName).toBe('Lan');
    expect(body.completions).toEqual([{ courseId: 'cyber-safety', lessonId: 'strong-passwords', score: 90, occurredAt: '2025-06-01T09:30:00+07:00' }]);

    const newPhone = { authorization: `Bearer ${learner.id}.${secret}` };
    const [r] = await syncEvents(t, newPhone, [completion(learner.id, { lessonId: 'phishing' })]);
    expect(r.status).toBe('accepted');
    // Re-registering with the new secret (after a lost answer) is fine; the old phone keeps working.
    expect((await t.postJson('/api/v1/learners', { id: learner.id, secret })).status).toBe(200);
    expect((await t.request('/api/v1/me/progress', { headers: learner.auth })).status).toBe(200);
    expect(await t.engine.all(sql`SELECT secret_hash FROM learner_keys`)).not.toContainEqual({ secret_hash: secret });
  });

  it('works for 24 hours after it was made, says until when, and an expired code changes nothing', async () => {
    const res = await t.postJson('/api/v1/recovery-codes', {}, learner.auth);
    const { code, expiresAt } = await res.json();
    expect(expiresAt).toBe(new Date(t.clock.now + RECOVERY_CODE_LIFETIME_MS).toISOString());
    expect(RECOVERY_CODE_LIFETIME_MS).toBe(24 * 3_600_000);
    t.clock.now += RECOVERY_CODE_LIFETIME_MS;
    const keys = await t.count('learner_keys');
    const expired = await redeem(code);
    expect(expired.status).toBe(410);
    expect((await expired.json()).error.code).toBe('recovery_code_expired');
    expect(await t.count('learner_keys')).toBe(keys);
    // A new code works; one redeemed a moment before its end works too.
    const fresh = await makeCode();
    t.clock.now += RECOVERY_CODE_LIFETIME_MS - 1;
    expect((await redeem(fresh)).status).toBe(200);
  });

  it('refuses a reused code, a wrong code and a mistyped code with clear errors', async () => {
    const code = await makeCode();
    expect((await redeem(code)).status).toBe(200);
    const reused = await redeem(code);
    expect(reused.status).toBe(410);
    expect((await reused.json()).error.code).toBe('recovery_code_used');

    const wrong = await redeem('0000-0000-0000-0000');
    expect(wrong.status).toBe(404);
    expect((await wrong.json()).error.code).toBe('recovery_code_unknown');

    const typo = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    const bad = await redeem(typo);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toEqual({ code: 'recovery_code_invalid', message: expect.stringContaining('typo') });
    expect((await redeem('short')).status).toBe(400);
    expect(await t.count('learner_keys')).toBe(1);
  });

  it('a new code cancels the unused old one', async () => {
    const old = await makeCode();
    await makeCode();
    expect((await redeem(old)).status).toBe(404);
  });

  it('slows down guessing: too many wrong codes from one address get 429', async () => {
    for (let i = 0; i < RECOVERY_MISSES_PER_IP; i++) await redeem('0000-0000-0000-0000');
    const res = await redeem(await makeCode());
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
    expect(res.headers.get('retry-after')).toBeTruthy();
  });

  it('does not count typos caught by the check character as guesses', async () => {
    for (let i = 0; i < RECOVERY_MISSES_PER_IP; i++) expect((await redeem('0000-0000-0000-0001')).status).toBe(400);
    expect((await redeem(await makeCode())).status).toBe(200);
  });

  it('requires the learner’s credentials to make a code', async () => {
    expect((await t.postJson('/api/v1/recovery-codes', {})).status).toBe(401);
    expect(DEVICE_ID).toBeTruthy();
  });
});
