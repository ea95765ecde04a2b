// Rate limits of the endpoints phones use (learners, guides' and unit
// officers' syncs and uploads): a flood from one learner, login or address
// gets 429 + Retry-After, and nothing is written; the defaults let a whole
// ward behind one address through.
import { afterEach, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { DEFAULT_REQUEST_LIMITS } from '../../server/http/request-limits.ts';
import { completion, DEVICE_ID, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { createGuide, guideSync, sessionCreated } from './guide-support.ts';
import { staffMember } from './unit-support.ts';
import { PLAIN_JPEG, PLAIN_PDF, sha256 } from '../support/crafted-images.ts';

let t: TestApp;
afterEach(() => t.close());

const sync = (learner: { auth: Record<string, string> }, events: unknown[]) => t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events }, learner.auth);

async function expectLimited(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await res.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('Too many requests') } });
}

describe('request limits', () => {
  it('limits sync per learner: the flooding learner waits, nothing of the refused batch is stored, others go on', async () => {
    t = setupTestApp({ config: { requestLimits: { syncPerLearner: { limit: 3, windowMs: 60_000 } } } });
    const flooder = await registerLearner(t);
    const neighbour = await registerLearner(t);
    for (let i = 0; i < 3; i++) expect((await sync(flooder, [completion(flooder.id)])).status).toBe(200);
    const stored = await t.count('events');
    await expectLimited(await sync(flooder, [completion(flooder.id)]));
    expect(await t.count('events')).toBe(stored);
    expect((await sync(neighbour, [completion(neighbour.id)])).status).toBe(200);
    // The window passes: the phone's retry goes through.
    t.clock.now += 60_000;
    expect((await sync(flooder, [completion(flooder.id)])).status).toBe(200);
  });

  it('counts a learner only after the secret checks out: 600 requests naming a learner with wrong secrets never block the real phone', async () => {
    t = setupTestApp({ config: { requestLimits: { syncPerLearner: { limit: 3, windowMs: 60_000 }, recoveryCodesPerLearner: { limit: 2, windowMs: 900_000 } } } });
    const victim = await registerLearner(t);
    const forged = { authorization: `Bearer ${victim.id}.${newSecret()}` };
    const statuses = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      const path = i % 6 > 0 ? '/api/v1/sync' : '/api/v1/recovery-codes';
      const body = i % 6 > 0 ? { deviceId: DEVICE_ID, events: [completion(victim.id)] } : {};
      const status = (await t.postJson(path, body, forged)).status;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect([...statuses]).toEqual([[401, 600]]);
    expect(await t.count('events')).toBe(0);
    // The real phone still has its whole allowance.
    for (let i = 0; i < 3; i++) expect((await sync(victim, [completion(victim.id)])).status).toBe(200);
    await expectLimited(await sync(victim, [completion(victim.id)]));
    for (let i = 0; i < 2; i++) expect((await t.postJson('/api/v1/recovery-codes', {}, victim.auth)).status).toBe(201);
    await expectLimited(await t.postJson('/api/v1/recovery-codes', {}, victim.auth));
  });

  it('limits sync per address across learner ids, with Retry-After counting down', async () => {
    t = setupTestApp({ config: { requestLimits: { syncPerAddress: { limit: 5, windowMs: 60_000 } } } });
    const learners = await Promise.all(Array.from({ length: 6 }, () => registerLearner(t)));
    for (const l of learners.slice(0, 5)) expect((await sync(l, [completion(l.id)])).status).toBe(200);
    t.clock.now += 20_000;
    const refused = await sync(learners[5], [completion(learners[5].id)]);
    expect(refused.headers.get('retry-after')).toBe('40');
    await expectLimited(refused);
  });

  it('limits guide sync per login like learner sync: the flooding guide waits, nothing of the refused batch is stored, another guide goes on', async () => {
    t = setupTestApp({ config: { requestLimits: { syncPerGuide: { limit: 2, windowMs: 60_000 } } } });
    const flooder = await createGuide(t, 'lan', ['tdp-1']);
    const other = await createGuide(t, 'minh', ['tdp-1']);
    for (let i = 0; i < 2; i++) expect((await guideSync(t, flooder, [sessionCreated(flooder)])).status).toBe(200);
    const stored = await t.count('guide_events');
    await expectLimited(await guideSync(t, flooder, [sessionCreated(flooder)]));
    expect(await t.count('guide_events')).toBe(stored);
    expect((await guideSync(t, other, [sessionCreated(other)])).status).toBe(200);
    t.clock.now += 60_000;
    expect((await guideSync(t, flooder, [sessionCreated(flooder)])).status).toBe(200);
  });

  it('counts learner and guide sync together per address', async () => {
    t = setupTestApp({ config: { requestLimits: { syncPerAddress: { limit: 2, windowMs: 60_000 } } } });
    const learner = await registerLearner(t);
    const guide = await createGuide(t, 'lan', ['tdp-1']);
    expect((await sync(learner, [completion(learner.id)])).status).toBe(200);
    expect((await guideSync(t, guide, [sessionCreated(guide)])).status).toBe(200);
    await expectLimited(await guideSync(t, guide, [sessionCreated(guide)]));
    await expectLimited(await sync(learner, [completion(learner.id)]));
  });

  it('limits learner registration per address and stores no learner when refused', async () => {
    t = setupTestApp({ config: { requestLimits: { registerPerAddress: { limit: 2, windowMs: 600_000 } } } });
    await registerLearner(t);
    await registerLearner(t);
    const before = await t.count('learners');
    await expectLimited(await t.postJson('/api/v1/learners', { id: uuidv7(), secret: newSecret() }));
    expect(await t.count('learners')).toBe(before);
  });

  it('limits recovery code redemption and creation', async () => {
    t = setupTestApp({ config: { requestLimits: { recoveryPerAddress: { limit: 2, windowMs: 900_000 }, recoveryCodesPerLearner: { limit: 1, windowMs: 900_000 } } } });
    const learner = await registerLearner(t);
    expect((await t.postJson('/api/v1/recovery-codes', {}, learner.auth)).status).toBe(201);
    await expectLimited(await t.postJson('/api/v1/recovery-codes', {}, learner.auth));
    const redeem = () => t.postJson('/api/v1/recovery', { code: 'ABCD-EFGH-JKLM', secret: newSecret() });
    expect((await redeem()).status).not.toBe(429);
    expect((await redeem()).status).not.toBe(429);
    await expectLimited(await redeem());
  });

  it('limits evidence uploads per login: the flooding officer waits and nothing is stored, another officer goes on', async () => {
    t = setupTestApp({ config: { requestLimits: { uploadsPerLogin: { limit: 2, windowMs: 60_000 } } } });
    const [officer, other] = await Promise.all([staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc'), staffMember(t, 'minh-kthtdt', 'unit', 'kt-ht-dt')]);
    const put = (who: typeof officer, bytes: Uint8Array) =>
      t.request(`/api/v1/unit-files/${sha256(bytes)}`, { method: 'PUT', headers: { ...who.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
    expect((await put(officer, PLAIN_JPEG)).status).toBe(201);
    expect((await put(officer, PLAIN_JPEG)).status).toBe(200);
    await expectLimited(await put(officer, PLAIN_PDF));
    expect(await t.count('stored_files')).toBe(1);
    expect((await put(other, PLAIN_PDF)).status).toBe(201);
    t.clock.now += 60_000;
    // Already stored (the other unit sent it), new for this unit: one file still.
    expect((await put(officer, PLAIN_PDF)).status).toBe(201);
    expect(await t.count('stored_files')).toBe(2);
  });

  it('limits certificate checks (/verify/<code>) per address: a code-trying client waits, with Retry-After', async () => {
    t = setupTestApp({ config: { requestLimits: { verifyPerAddress: { limit: 30, windowMs: 600_000 } } } });
    const statuses = new Map<number, number>();
    for (let i = 0; i < 100; i++) {
      const status = (await t.request(`/verify/ABCD-EFGH-${String(i).padStart(4, '0')}`)).status;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(statuses.get(429)).toBe(70);
    await expectLimited(await t.request('/verify/ABCD-EFGH-JKLM'));
    t.clock.now += 600_000;
    expect((await t.request('/verify/ABCD-EFGH-JKLM')).status).not.toBe(429);
  });

  it('never throttles a ward: with the defaults, 300 phones behind one address register and sync 20 batches each in one minute', async () => {
    t = setupTestApp();
    expect(300 * 20).toBeLessThanOrEqual(DEFAULT_REQUEST_LIMITS.syncPerAddress.limit);
    const phones = await Promise.all(Array.from({ length: 300 }, () => registerLearner(t)));
    const statuses = new Set<number>();
    // The ward's phones sync at the same moment, as after a session; each sends 20 batches.
    for (let batch = 0; batch < 20; batch++) {
      for (const status of await Promise.all(phones.map(async (phone) => (await sync(phone, [])).status))) statuses.add(status);
    }
    expect([...statuses]).toEqual([200]);
  }, 120_000);
});
