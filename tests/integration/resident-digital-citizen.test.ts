// The "Công dân số" (digital citizen) certificate: issued only when every
// course of each of the five basic skills has reached the server complete —
// other tracks do not count, and a skill with two courses needs both — and
// issued once, whatever the number of times a phone asks.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../../server/resident/catalog.ts';
import { completion, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { syncEvents } from './resident-support.ts';

const course = (id: string, skill: string, lessons: string[]) => ({ id, skill, title: { vi: `Khóa ${id}`, en: `Course ${id}` }, lessons: lessons.map((l) => ({ id: l })) });
const CATALOG = createCatalog({
  courses: [
    course('public-services', 'public-services', ['vneid', 'portal']),
    course('online-shopping', 'online-shopping', ['safe-shops']),
    course('digital-payments', 'digital-payments', ['vietqr']),
    course('cyber-safety', 'cyber-safety', ['passwords']),
    // A second course in the same skill: both are needed.
    course('scam-triage', 'cyber-safety', ['calls', 'messages']),
    course('local-platforms', 'local-platforms', ['ward-portal']),
    // Not one of the five basic skills: never needed.
    course('staff-skills', 'staff-skills', ['email']),
  ],
});
const BASIC = ['public-services', 'online-shopping', 'digital-payments', 'cyber-safety', 'scam-triage', 'local-platforms'];

let t: TestApp;
let learner: Awaited<ReturnType<typeof registerLearner>>;
beforeEach(async () => {
  t = setupTestApp({ catalog: CATALOG });
  learner = await registerLearner(t);
});
afterEach(() => t.close());

const finish = (courseId: string, skip: string[] = []) =>
  syncEvents(
    t,
    learner.auth,
    CATALOG.courses.find((c) => c.id === courseId)!.lessons.filter((l) => !skip.includes(l.id)).map((l) => completion(learner.id, { courseId, lessonId: l.id })),
  );
const claim = () => t.postJson('/api/v1/certificates', { courseId: 'digital-citizen' }, learner.auth);

describe('"Công dân số" certificate', () => {
  it('is refused while one lesson of a second course in a basic skill is missing, whatever else is done', async () => {
    for (const id of BASIC.filter((c) => c !== 'scam-triage')) await finish(id);
    await finish('staff-skills');
    await finish('scam-triage', ['messages']);
    const res = await claim();
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('not_earned');
    expect(await t.count('certificates')).toBe(0);
  });

  it('is issued once every basic-skill course is complete, without the other tracks, and only once', async () => {
    for (const id of BASIC) await finish(id);
    const first = await claim();
    expect(first.status).toBe(201);
    const cert = await first.json();
    expect(cert).toMatchObject({ courseId: 'digital-citizen' });

    // Asked again (another sync, another phone of the same learner): same code, no second row.
    for (let i = 0; i < 3; i++) {
      const again = await claim();
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(cert);
    }
    // Completing a lesson again changes nothing either.
    await finish('local-platforms');
    expect((await claim()).status).toBe(200);
    expect(await t.engine.get(sql`SELECT COUNT(*) AS n FROM certificates WHERE course_id = 'digital-citizen'`)).toEqual({ n: 1 });

    // The public page names it.
    const html = await (await t.request(`/verify/${cert.code}`)).text();
    expect(html).toContain('Công dân số');
  });

  it('is not issued to a learner from someone else’s completions', async () => {
    const other = await registerLearner(t);
    for (const id of BASIC) {
      await syncEvents(t, other.auth, CATALOG.courses.find((c) => c.id === id)!.lessons.map((l) => completion(other.id, { courseId: id, lessonId: l.id })));
    }
    expect((await claim()).status).toBe(422);
    expect((await t.postJson('/api/v1/certificates', { courseId: 'digital-citizen' }, other.auth)).status).toBe(201);
  });
});
