import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { CATALOG, consentGiven, consentWithdrawn, profileUpdated, syncEvents } from './resident-support.ts';

let t: TestApp;
let learner: Awaited<ReturnType<typeof registerLearner>>;
beforeEach(async () => {
  t = setupTestApp({ catalog: CATALOG });
  learner = await registerLearner(t);
});
afterEach(() => t.close());

const profileRow = async () => await t.engine.get(sql`SELECT * FROM learner_profiles WHERE learner_id = ${learner.id}`) as Record<string, unknown> | undefined;
const personalEvents = async () => await t.engine.get(sql`SELECT COUNT(*) AS n FROM events WHERE type = 'profile.updated'`) as { n: number };

describe('consent gating', () => {
  it('rejects personal details from a learner who has not consented, and stores none of them', async () => {
    const [result] = await syncEvents(t, learner.auth, [profileUpdated(learner.id)]);
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'consent_required' } });
    expect(await profileRow()).toBeUndefined();
    expect((await personalEvents()).n).toBe(0);
  });

  it('accepts details after consent in the same batch, and keeps the notice version and time', async () => {
    const results = await syncEvents(t, learner.auth, [consentGiven(learner.id), profileUpdated(learner.id)]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    // The time of consent is the phone's, but never later than its arrival.
    expect(await profileRow()).toMatchObject({ consent_version: 1, consent_at: Date.parse('2025-06-01T02:00:00Z'), display_name: 'Lan', birth_year: 1958, gender: 'female', residential_group_id: 'tdp-3' });
  });

  it('withdrawing consent clears the personal fields and the events that carried them; later details are rejected', async () => {
    await syncEvents(t, learner.auth, [consentGiven(learner.id), profileUpdated(learner.id)]);
    await syncEvents(t, learner.auth, [consentWithdrawn(learner.id)]);
    expect(await profileRow()).toMatchObject({ consent_version: null, display_name: null, birth_year: null, gender: null, residential_group_id: null, unit: null });
    expect((await personalEvents()).n).toBe(0);
    const [late] = await syncEvents(t, learner.auth, [profileUpdated(learner.id)]);
    expect(late.error?.code).toBe('consent_required');
  });

  it('rejects tampered profile events with a reason, without blocking the rest', async () => {
    await syncEvents(t, learner.auth, [consentGiven(learner.id)]);
    const other = await registerLearner(t);
    const bad = [
      profileUpdated(learner.id, { birthYear: 1850 }),
      profileUpdated(learner.id, { residentialGroupId: 'tdp-999' }),
      profileUpdated(learner.id, {}, { phone: '0912345678' }),
      profileUpdated(other.id),
      consentGiven(learner.id, { noticeVersion: 99 }),
    ];
    const good = profileUpdated(learner.id, { displayName: 'Bà Lan' });
    const results = await syncEvents(t, learner.auth, [...bad, good]);
    expect(results.map((r) => r.error?.code ?? r.status)).toEqual(['invalid_event', 'unknown_group', 'invalid_event', 'forbidden', 'invalid_event', 'accepted']);
    expect(await profileRow()).toMatchObject({ display_name: 'Bà Lan' });
  });

  it('GET /api/v1/me shows the learner everything held: profile, consent, events', async () => {
    await syncEvents(t, learner.auth, [consentGiven(learner.id), profileUpdated(learner.id)]);
    const res = await t.request('/api/v1/me', { headers: learner.auth });
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(me.learner.id).toBe(learner.id);
    expect(me.profile).toEqual({ displayName: 'Lan', birthYear: 1958, gender: 'female', residentialGroupId: 'tdp-3', unit: null });
    expect(me.consent).toEqual({ noticeVersion: 1, givenAt: '2025-06-01T02:00:00.000Z' });
    expect(me.events.map((e: { type: string }) => e.type).sort()).toEqual(['consent.given', 'profile.updated']);
    expect(me.devices).toHaveLength(1);
    expect((await t.request('/api/v1/me')).status).toBe(401);
  });
});
