// Households per residential group: which have nobody yet who finished the
// five basic skills. Real SQLite, a small catalog (one course per basic skill,
// plus a track course that does not count), and the three ways into a
// household: a guide links an assisted learner, a guide links a resident who
// joined their session, a resident scans the household QR on their own phone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../../server/resident/catalog.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { completion, DEVICE_ID, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { assistedCompletion, assistedRegistered, createGuide, GUIDE_DEVICE, guideSyncResults, joined, sessionCreated, type Guide } from './guide-support.ts';

const title = { vi: 'x', en: 'x' };
const course = (id: string, skill: string, lessons: string[]) => ({ id, skill, title, lessons: lessons.map((l) => ({ id: l })) });
const catalog = createCatalog({
  courses: [
    course('ps', 'public-services', ['l1', 'l2']),
    course('shop', 'online-shopping', ['l1']),
    course('pay', 'digital-payments', ['l1']),
    course('safe', 'cyber-safety', ['l1']),
    course('local', 'local-platforms', ['l1']),
    course('phone', 'device-basics', ['l1']),
  ],
});
const BASIC = [['ps', 'l1'], ['ps', 'l2'], ['shop', 'l1'], ['pay', 'l1'], ['safe', 'l1'], ['local', 'l1']] as const;

let t: TestApp;
let lan: Guide;
beforeEach(async () => {
  t = setupTestApp({ catalog });
  lan = await createGuide(t, 'lan', ['tdp-1', 'tdp-2']);
});
afterEach(() => t.close());

const at = (hhmm: string) => `2025-06-01T${hhmm}:00+07:00`;
const env = (g: Guide, occurredAt = at('09:00')) => ({ id: uuidv7(), recordedBy: g.id, deviceId: GUIDE_DEVICE, occurredAt });
const household = (g: Guide, label: string, groupId = 'tdp-1') => ({ ...env(g), type: 'household.created', householdId: uuidv7(), groupId, label });
const link = (g: Guide, householdId: string, learnerId: string) => ({ ...env(g), type: 'household.linked', householdId, learnerId });
const residentJoins = (learnerId: string, householdId: string, occurredAt: string) => ({ id: uuidv7(), type: 'household.joined', learnerId, deviceId: DEVICE_ID, occurredAt, householdId });

async function learnerSync(learner: { auth: Record<string, string> }, events: unknown[]) {
  const res = await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events }, learner.auth);
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Array<{ status: string }> }).results.map((r) => r.status);
}
const households = async (groupId: string) => (await (await t.request(`/api/v1/guide/groups/${groupId}/households`, { headers: lan.headers })).json()).households as Array<{ label: string; members: number; covered: boolean }>;

describe('households with nobody yet who finished the five basic skills', () => {
  it('counts assisted and self completions, scans and guide links, and moves between households', async () => {
    const h1 = household(lan, 'Số 1, ngõ 2');
    const h2 = household(lan, 'Số 3, ngõ 2');
    const h3 = household(lan, 'Số 5, ngõ 2');
    const h4 = household(lan, 'Số 7, ngõ 2');
    const elsewhere = household(lan, 'Số 9, ngõ 4', 'tdp-2');
    const session = sessionCreated(lan, { code: 'ACDE3467' });
    const anna = assistedRegistered(lan); // finishes all six basic lessons with the guide
    const binh = assistedRegistered(lan, { name: 'Ông Bình' }); // nothing yet
    const annaDone = BASIC.map(([courseId, lessonId]) => assistedCompletion(lan, anna.learnerId, { courseId, lessonId }));
    expect(
      (await guideSyncResults(t, lan, [h1, h2, h3, h4, elsewhere, session, anna, binh, ...annaDone, link(lan, h1.householdId, anna.learnerId), link(lan, h2.householdId, binh.learnerId)])).every(
        (r) => r.status === 'accepted',
      ),
    ).toBe(true);

    // Chi: self-study, all basic lessons but ps/l2, plus the track course → not enough.
    const chi = await registerLearner(t);
    const chiDone = BASIC.filter(([c, l]) => !(c === 'ps' && l === 'l2')).map(([courseId, lessonId]) => completion(chi.id, { courseId, lessonId }));
    expect(await learnerSync(chi, [residentJoins(chi.id, h2.householdId, at('09:00')), ...chiDone, completion(chi.id, { courseId: 'phone', lessonId: 'l1' })])).toEqual(Array(7).fill('accepted'));

    // Dung: self-study, everything; scanned h4's QR first, then h3's: she belongs to h3 only.
    const dung = await registerLearner(t);
    const dungDone = BASIC.map(([courseId, lessonId]) => completion(dung.id, { courseId, lessonId }));
    await learnerSync(dung, [residentJoins(dung.id, h4.householdId, at('09:00')), residentJoins(dung.id, h3.householdId, at('09:10')), ...dungDone]);

    // Em: finished everything and joined Lan's session, so Lan may link her (to h4).
    const em = await registerLearner(t);
    await learnerSync(em, [joined(em.id, 'ACDE3467'), ...BASIC.map(([courseId, lessonId]) => completion(em.id, { courseId, lessonId }))]);
    // Giang finished everything but never met Lan: Lan may not link her.
    const giang = await registerLearner(t);
    await learnerSync(giang, BASIC.map(([courseId, lessonId]) => completion(giang.id, { courseId, lessonId })));
    const links = await guideSyncResults(t, lan, [link(lan, h4.householdId, giang.id)]);
    expect(links.map((r) => r.error?.code)).toEqual(['forbidden']);

    // By hand: h1 = Anna (covered); h2 = Bình + Chi (neither finished); h3 = Dung (covered); h4 = nobody (Dung moved, Giang refused).
    expect(await households('tdp-1')).toEqual([
      { id: h1.householdId, label: 'Số 1, ngõ 2', members: 1, covered: true },
      { id: h2.householdId, label: 'Số 3, ngõ 2', members: 2, covered: false },
      { id: h3.householdId, label: 'Số 5, ngõ 2', members: 1, covered: true },
      { id: h4.householdId, label: 'Số 7, ngõ 2', members: 0, covered: false },
    ]);

    // Now Lan links Em (who finished) to h4, and Chi finishes ps/l2 on her phone.
    expect((await guideSyncResults(t, lan, [link(lan, h4.householdId, em.id)]))[0].status).toBe('accepted');
    await learnerSync(chi, [completion(chi.id, { courseId: 'ps', lessonId: 'l2' })]);
    const after = await households('tdp-1');
    expect(after.filter((h) => !h.covered)).toEqual([]);
    expect(after.map((h) => h.members)).toEqual([1, 2, 1, 1]);
    expect((await households('tdp-2')).map((h) => [h.label, h.members, h.covered])).toEqual([['Số 9, ngõ 4', 0, false]]);
  });

  it('a resident joining the same household twice is stored once', async () => {
    const h = household(lan, 'Số 1, ngõ 2');
    await guideSyncResults(t, lan, [h]);
    const me = await registerLearner(t);
    const first = residentJoins(me.id, h.householdId, at('09:00'));
    expect(await learnerSync(me, [first, first, residentJoins(me.id, h.householdId, at('09:05'))])).toEqual(['accepted', 'duplicate', 'accepted']);
    expect(await t.count('household_members')).toBe(1);
    expect((await households('tdp-1'))[0].members).toBe(1);
  });
});
