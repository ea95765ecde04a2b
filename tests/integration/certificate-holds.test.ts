// Certificates count only completions that count (server/resident/certificates.ts):
// a learner who reports every lesson of a course in 0 seconds gets no
// certificate while the records are held, one once a reviewer accepts them,
// and never one after a dismissal. A certificate issued before its learner
// was flagged is "not valid yet" on /verify and on the phone's list while the
// review waits, valid again after an accept, not valid after a dismissal.
// Through a real HTTP server on loopback, over real SQLite.
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiServer } from '../../server/http/client-error.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { completion, createStaff, login, setupTestApp, type TestApp } from './helpers.ts';
import { CATALOG, consentGiven, profileUpdated } from './resident-support.ts';
import { NOW } from './dashboard-support.ts';

let t: TestApp;
let server: ServerType;
let base: string;
let reviewer: string;

async function setup(plausibility: Record<string, number> = {}) {
  t = setupTestApp({ now: NOW, catalog: CATALOG, config: { plausibility } });
  await createStaff(t, 'office', 'reviewer');
  reviewer = await login(t, 'office', 'correct horse battery');
  server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0, createServer: createApiServer });
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await t.close();
});

const http = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, init);
const postJson = (path: string, body: unknown, headers: Record<string, string>) =>
  http(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

type Learner = { id: string; auth: Record<string, string> };
async function register(): Promise<Learner> {
  const id = uuidv7();
  const secret = newSecret();
  expect((await postJson('/api/v1/learners', { id, secret }, {})).status).toBe(201);
  return { id, auth: { authorization: `Bearer ${id}.${secret}` } };
}
const COURSE = CATALOG.courses.find((c) => c.id === 'public-services')!;
/** Every lesson of the course, `durationSec` each, a quarter of an hour apart, with a shared name. */
async function learnCourse(l: Learner, durationSec: number, deviceId = `phone-${l.id.slice(-12)}`) {
  const start = Date.parse('2025-06-10T08:00:00+07:00');
  const events = [
    consentGiven(l.id),
    profileUpdated(l.id, { displayName: 'Nguyễn Văn Tư' }),
    ...COURSE.lessons.map((x, i) => completion(l.id, { courseId: COURSE.id, lessonId: x.id, durationSec, occurredAt: new Date(start + i * 15 * 60_000).toISOString() })),
  ].map((e) => ({ ...e, deviceId }));
  const res = await postJson('/api/v1/sync', { deviceId, events }, l.auth);
  expect(res.status).toBe(200);
  const { results } = (await res.json()) as { results: Array<{ status: string }> };
  expect(results.every((r) => r.status === 'accepted')).toBe(true);
}
const claim = async (l: Learner) => {
  const res = await postJson('/api/v1/certificates', { courseId: COURSE.id }, l.auth);
  return { status: res.status, body: (await res.json()) as { code?: string; standing?: string; error?: { code: string } } };
};
const myList = async (l: Learner) => ((await (await http('/api/v1/certificates', { headers: l.auth })).json()) as { certificates: Array<{ code: string; standing: string }> }).certificates;
const verify = async (code: string) => {
  const res = await http(`/verify/${code}`);
  const html = await res.text();
  return { status: res.status, standing: /data-standing="([a-z-]+)"/.exec(html)?.[1] ?? null, valid: html.includes('Chứng nhận hợp lệ'), html };
};
/** The headline's "certificates issued" on the day they were issued: those valid today, as /verify says. */
const issuedFigure = async () =>
  ((await (await t.request('/api/v1/stats/headline?from=2025-06-20&to=2025-06-20', { headers: { cookie: reviewer } })).json()) as { headline: { certificates: number } }).headline.certificates;
// The reviewer's decision goes through the same app (its origin check wants the app's own origin).
const review = async (learnerId: string, decision: 'accepted' | 'dismissed') => {
  const res = await t.postJson(`/api/v1/integrity/learners/${learnerId}/review`, { decision }, { cookie: reviewer, origin: 'http://localhost' });
  expect(res.status).toBe(200);
};

describe('certificates from held completions', () => {
  it('a course reported in 0 s: no certificate while held, one after accept, and /verify agrees', async () => {
    await setup();
    const l = await register();
    await learnCourse(l, 0);
    expect(await t.engine.get(sql`SELECT COUNT(*) AS n FROM integrity_holds WHERE status = 'held'`)).toEqual({ n: COURSE.lessons.length });

    const held = await claim(l);
    expect(held.status).toBe(422);
    expect(held.body.error?.code).toBe('under_review');
    expect(await t.count('certificates')).toBe(0);
    expect(await myList(l)).toEqual([]);

    await review(l.id, 'accepted');
    const issued = await claim(l);
    expect(issued.status).toBe(201);
    expect(issued.body.standing).toBe('valid');
    const v = await verify(issued.body.code!);
    expect(v).toMatchObject({ status: 200, standing: 'valid', valid: true });
    expect(v.html).toContain('Nguyễn Văn Tư');
    expect((await myList(l)).map((c) => c.standing)).toEqual(['valid']);
  });

  it('a course reported in 0 s and dismissed: never a certificate', async () => {
    await setup();
    const l = await register();
    await learnCourse(l, 0);
    await review(l.id, 'dismissed');
    const after = await claim(l);
    expect(after.status).toBe(422);
    expect(after.body.error?.code).toBe('not_earned');
    expect(await t.count('certificates')).toBe(0);
    // Asking again, or once more after other records arrive, changes nothing.
    expect((await claim(l)).status).toBe(422);
    expect(await t.count('certificates')).toBe(0);
  });

  it('a certificate issued before a learner rule flagged its holder is not valid while the review waits', async () => {
    // Two learners on one phone is one too many here: the second one puts both under review.
    await setup({ maxLearnersPerDevice: 1 });
    const first = await register();
    await learnCourse(first, 300, 'shared-phone');
    const issued = await claim(first);
    expect(issued.status).toBe(201);
    const code = issued.body.code!;
    expect(await verify(code)).toMatchObject({ standing: 'valid', valid: true });
    expect(await issuedFigure()).toBe(1);

    const second = await register();
    await learnCourse(second, 300, 'shared-phone');
    const waiting = await verify(code);
    expect(waiting).toMatchObject({ status: 200, standing: 'under-review', valid: false });
    expect(waiting.html).toContain('Chứng nhận chưa có hiệu lực');
    expect((await myList(first)).map((c) => c.standing)).toEqual(['under-review']);
    expect((await claim(first)).body.standing).toBe('under-review');
    expect(await issuedFigure()).toBe(0);
    // The second learner, held from the start, gets no certificate at all.
    expect((await claim(second)).body.error?.code).toBe('under_review');

    await review(first.id, 'accepted');
    expect(await verify(code)).toMatchObject({ standing: 'valid', valid: true });
    expect(await issuedFigure()).toBe(1);
    expect((await myList(first)).map((c) => c.standing)).toEqual(['valid']);

    await review(second.id, 'dismissed');
    expect((await claim(second)).body.error?.code).toBe('not_earned');
  });

  it('a certificate whose holder is dismissed after it was issued is withdrawn, on /verify and the phone alike', async () => {
    await setup({ maxLearnersPerDevice: 1 });
    const first = await register();
    await learnCourse(first, 300, 'shared-phone');
    const code = (await claim(first)).body.code!;
    await learnCourse(await register(), 300, 'shared-phone');
    await review(first.id, 'dismissed');
    const v = await verify(code);
    expect(v).toMatchObject({ status: 200, standing: 'withdrawn', valid: false });
    expect(v.html).toContain('Chứng nhận không có hiệu lực');
    expect((await myList(first)).map((c) => c.standing)).toEqual(['withdrawn']);
    expect(await issuedFigure()).toBe(0);
  });
});
