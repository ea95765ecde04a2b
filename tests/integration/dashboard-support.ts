// The hand-computed fixture of the dashboard tests (see dashboard.test.ts for
// every expected figure). "Now" is 2025-06-20 12:00 in Vietnam.
//   tdp-1 (adults 100, households 10): L1–L5 (L1–L4 women born 1960, L5 a man
//     born 1990) finish digital-payments on 06-05 and the other four basic
//     courses on 06-10; each is the member of household H1–H5. L6 (man, 1990)
//     started cyber-safety on 05-10 and on 06-11 finished four basic courses
//     but not local-platforms; he is in household H6.
//   tdp-2 (adults 20, households 5): A1, a woman born 1950 with no phone,
//     registered by the guide on 06-12 at a session, who finished
//     online-shopping (score 100) with the guide; outcome confirmed on 06-15.
//   no group: U1 finished one of the two cyber-safety lessons on 05-20 (score 30).
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import { completion, registerLearner, started, type TestApp } from './helpers.ts';
import { assistedCompletion, assistedRegistered, createGuide, guideSyncResults, outcome, sessionCreated, type Guide } from './guide-support.ts';
import { CATALOG, consentGiven, profileUpdated, syncEvents } from './resident-support.ts';

export const NOW = Date.parse('2025-06-20T05:00:00Z');
const at = (day: string) => `${day}T09:00:00+07:00`;

export function courseDone(learnerId: string, courseId: string, day: string) {
  return CATALOG.courses.find((c) => c.id === courseId)!.lessons.map((l) => completion(learnerId, { courseId, lessonId: l.id, occurredAt: at(day) }));
}

async function allAccepted(results: Array<{ status: string; error?: unknown }>) {
  const bad = results.filter((r) => r.status !== 'accepted');
  if (bad.length) throw new Error(`not accepted: ${JSON.stringify(bad)}`);
}

export async function seedFixture(t: TestApp): Promise<{ guide: Guide }> {
  await t.engine.run(sql`UPDATE residential_groups SET adult_population = 100, households = 10 WHERE id = 'tdp-1'`);
  await t.engine.run(sql`UPDATE residential_groups SET adult_population = 20, households = 5 WHERE id = 'tdp-2'`);
  const guide = await createGuide(t, 'guide', ['tdp-1', 'tdp-2']);
  const households = Array.from({ length: 6 }, () => uuidv7());
  const genv = { recordedBy: guide.id, deviceId: 'guide-phone-0001', occurredAt: at('2025-06-01') };
  const session = sessionCreated(guide, { groupId: 'tdp-2', startsAt: at('2025-06-12') });
  const a1 = assistedRegistered(guide, { groupId: 'tdp-2', birthYear: 1950, gender: 'female', occurredAt: at('2025-06-12'), sessionId: session.sessionId });
  await allAccepted(
    await guideSyncResults(t, guide, [
      ...households.map((householdId, i) => ({ ...genv, id: uuidv7(), type: 'household.created', householdId, groupId: 'tdp-1', label: `Số ${i + 1} ngõ 5` })),
      session,
      a1,
      assistedCompletion(guide, a1.learnerId, { courseId: 'online-shopping', lessonId: 'safe-shops', score: 100, occurredAt: at('2025-06-12'), sessionId: session.sessionId }),
      outcome(guide, a1.learnerId, { occurredAt: at('2025-06-15') }),
    ]),
  );

  const profile = (id: string, birthYear: number, gender: string) => [consentGiven(id), profileUpdated(id, { displayName: `Người ${id.slice(-4)}`, birthYear, gender, residentialGroupId: 'tdp-1' })];
  const joinHousehold = (id: string, householdId: string) => ({ id: uuidv7(), type: 'household.joined', learnerId: id, deviceId: 'device-test-0001', occurredAt: at('2025-06-02'), householdId });
  for (let i = 0; i < 5; i++) {
    const l = await registerLearner(t);
    await allAccepted(
      await syncEvents(t, l.auth, [
        ...profile(l.id, i < 4 ? 1960 : 1990, i < 4 ? 'female' : 'male'),
        joinHousehold(l.id, households[i]),
        ...courseDone(l.id, 'digital-payments', '2025-06-05'),
        ...['public-services', 'online-shopping', 'cyber-safety', 'local-platforms'].flatMap((c) => courseDone(l.id, c, '2025-06-10')),
      ]),
    );
  }
  const l6 = await registerLearner(t);
  await allAccepted(
    await syncEvents(t, l6.auth, [
      ...profile(l6.id, 1990, 'male'),
      joinHousehold(l6.id, households[5]),
      started(l6.id, { courseId: 'cyber-safety', lessonId: 'strong-passwords', occurredAt: at('2025-05-10') }),
      ...['public-services', 'online-shopping', 'digital-payments', 'cyber-safety'].flatMap((c) => courseDone(l6.id, c, '2025-06-11')),
    ]),
  );
  const u1 = await registerLearner(t);
  await allAccepted(await syncEvents(t, u1.auth, [completion(u1.id, { courseId: 'cyber-safety', lessonId: 'strong-passwords', score: 30, occurredAt: at('2025-05-20') })]));
  return { guide };
}
