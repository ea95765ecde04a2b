// A resident's certificate, recovery and own data over HTTP, the same on a
// SQLite file and on PostgreSQL: the resident's routes (registration, health,
// certificates, /verify, recovery codes, /me) mounted on each engine with no
// SQLite connection beside it. A learner registers, checks in to a guided
// session and finishes a course there (in person), gets a certificate, shows
// it on /verify, makes a recovery code and redeems it on a new phone, and
// reads everything the server holds about them. Both engines give the same
// answers, with random codes replaced by their place.
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../shared/api.ts';
import { formatCode } from '../../shared/resident/codes.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import type { AppContext, AppEnv } from '../../server/context.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { guideSessions } from '../../server/db/schema/index.ts';
import { insertUser } from '../../server/accounts/users.ts';
import { ApiError, jsonError } from '../../server/http/errors.ts';
import { silentLogger } from '../../server/logger.ts';
import { createCatalogCheck } from '../../server/integrity/catalog-check.ts';
import { createCheckinProjection } from '../../server/guide/checkins.ts';
import { createRecordPipeline } from '../../server/records/pipeline.ts';
import { createResident } from '../../server/resident/index.ts';
import { certificateRoutes } from '../../server/routes/certificates.ts';
import { healthRoutes } from '../../server/routes/health.ts';
import { learnerRoutes } from '../../server/routes/learners.ts';
import { recoveryRoutes } from '../../server/routes/recovery.ts';
import { residentMeRoutes } from '../../server/routes/resident-me.ts';
import { syncRoutes } from '../../server/routes/sync.ts';
import { verifyPageRoutes } from '../../server/routes/verify-page.ts';
import { ENGINES, testEngines } from '../support/engines.ts';
import { completion } from './helpers.ts';
import { CATALOG, consentGiven, profileUpdated } from './resident-support.ts';
import { joined } from './guide-support.ts';

const engines = testEngines();
const NOW = Date.parse('2025-06-03T03:00:00Z');
/** The same learner, secrets and records on both engines, so the answers can be compared whole. */
const LEARNER = uuidv7();
const OLD_PHONE = newSecret();
const NEW_PHONE = newSecret();
const GUIDE = 'guide-lan';
const SESSION_CODE = 'HJKM3467';
const RECORDS = [
  consentGiven(LEARNER),
  profileUpdated(LEARNER, { displayName: 'Cô Lan' }),
  joined(LEARNER, SESSION_CODE),
  ...CATALOG.courses.find((c) => c.id === 'public-services')!.lessons.map((l, i) => completion(LEARNER, { courseId: 'public-services', lessonId: l.id, occurredAt: `2025-06-01T09:${30 + i}:00+07:00` })),
  completion(LEARNER, { courseId: 'cyber-safety', lessonId: 'phishing' }),
];
const seen: Record<string, unknown[]> = {};

/** The resident's routes as server/app.ts mounts them, over `engine` alone: no SQLite connection is there to fall back on. */
function residentApp(engine: Engine) {
  const ctx = {
    engine,
    config: { version: 'test', trustProxy: false },
    now: () => NOW,
    logger: silentLogger,
    clientIp: () => 'unknown',
  } as unknown as AppContext;
  const resident = createResident(ctx, CATALOG);
  const records = createRecordPipeline(engine, [createCatalogCheck(resident.catalog.courses), resident.projection, createCheckinProjection(engine)]);
  const pass = async (_c: unknown, next: () => Promise<void>) => next();
  const app = new Hono<AppEnv>();
  app.route(`${API_PREFIX}/health`, healthRoutes(ctx));
  app.route(`${API_PREFIX}/learners`, learnerRoutes(ctx));
  app.route(`${API_PREFIX}/sync`, syncRoutes(ctx, records.learner, pass));
  app.route(`${API_PREFIX}/me`, residentMeRoutes(ctx, resident));
  app.route(`${API_PREFIX}/certificates`, certificateRoutes(ctx, resident));
  app.route(API_PREFIX, recoveryRoutes(ctx, resident, pass));
  app.route('/verify', verifyPageRoutes(ctx, resident));
  app.onError((error, c) => (error instanceof ApiError ? jsonError(c, error.status, error.code, error.message) : jsonError(c, 500, 'internal', error.message)));
  return app;
}

describe.each(ENGINES)("a resident's certificate and recovery on %s", (kind) => {
  let app: Hono<AppEnv>;
  const keep = (value: unknown) => (seen[kind] ??= []).push(value);
  const bearer = (secret: string) => ({ authorization: `Bearer ${LEARNER}.${secret}` });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(`${API_PREFIX}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path.startsWith('/verify') ? path : `${API_PREFIX}${path}`, { headers });
  let certificateCode = '';

  beforeAll(async () => {
    const engine = await engines.fresh(kind);
    // A guide of the community digital team, and the session (08:30–10:30 on 1 June) the learner checks in to.
    await insertUser(engine, { id: GUIDE, username: 'lan', displayName: 'Lan', role: 'guide', team: 'cns', passwordHash: 'x', createdAt: NOW });
    await engine.db.insert(guideSessions).values({
      id: uuidv7(),
      code: SESSION_CODE,
      guideId: GUIDE,
      groupId: 'tdp-1',
      title: 'Dịch vụ công',
      place: 'Nhà văn hóa',
      startsAt: Date.parse('2025-06-01T08:30:00+07:00'),
      endsAt: Date.parse('2025-06-01T10:30:00+07:00'),
      courses: JSON.stringify(['public-services']),
    });
    app = residentApp(engine);
  }, 60_000);

  it('answers the health check and registers a learner once', async () => {
    expect(await (await get('/health')).json()).toEqual({ status: 'ok', version: 'test' });
    expect((await post('/learners', { id: LEARNER, secret: OLD_PHONE })).status).toBe(201);
    expect((await post('/learners', { id: LEARNER, secret: OLD_PHONE })).status).toBe(200);
    const taken = await post('/learners', { id: LEARNER, secret: newSecret() });
    expect(taken.status).toBe(409);
    keep(await taken.json());
  });

  it('issues a certificate confirmed in person for a course finished in a guided session, and shows it on /verify', async () => {
    const synced = (await (await post('/sync', { deviceId: 'device-test-0001', events: RECORDS }, bearer(OLD_PHONE))).json()) as { results: Array<{ status: string }> };
    expect(synced.results.map((r) => r.status)).toEqual(RECORDS.map(() => 'accepted'));
    const refused = await post('/certificates', { courseId: 'cyber-safety' }, bearer(OLD_PHONE));
    expect(refused.status).toBe(422);
    keep(await refused.json());

    const issued = await post('/certificates', { courseId: 'public-services' }, bearer(OLD_PHONE));
    expect(issued.status).toBe(201);
    const certificate = (await issued.json()) as { code: string; standing: string; basis: unknown };
    certificateCode = certificate.code;
    expect(certificate).toMatchObject({ courseId: 'public-services', standing: 'valid', basis: { kind: 'in-person', team: 'cns', date: '2025-06-01' } });
    const again = await post('/certificates', { courseId: 'public-services' }, bearer(OLD_PHONE));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(certificate);
    keep({ ...certificate, code: 'CODE' });

    const page = await get(`/verify/${certificateCode}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-standing="valid"');
    expect(html).toContain('Cô Lan');
    expect(html).toContain('Confirmed in person by the community digital team');
    keep(html.replaceAll(formatCode(certificateCode), 'CODE'));
    expect((await get('/verify/AAAAAAAAAA')).status).toBe(404);
  });

  it('moves the learner to a new phone with a one-time recovery code', async () => {
    const made = await post('/recovery-codes', {}, bearer(OLD_PHONE));
    expect(made.status).toBe(201);
    const { code } = (await made.json()) as { code: string };
    // A second code cancels the first.
    const second = ((await (await post('/recovery-codes', {}, bearer(OLD_PHONE))).json()) as { code: string }).code;
    const cancelled = await post('/recovery', { code, secret: NEW_PHONE });
    expect(cancelled.status).toBe(404);
    keep(await cancelled.json());

    const redeemed = await post('/recovery', { code: second, secret: NEW_PHONE });
    expect(redeemed.status).toBe(200);
    const restored = (await redeemed.json()) as { learnerId: string; profile: unknown; completions: unknown[] };
    expect(restored.learnerId).toBe(LEARNER);
    expect(restored.completions).toHaveLength(4);
    keep(restored);
    const spent = await post('/recovery', { code: second, secret: newSecret() });
    expect(spent.status).toBe(410);
    keep(await spent.json());
    // The new phone now registers and reads with its own secret.
    expect((await post('/learners', { id: LEARNER, secret: NEW_PHONE })).status).toBe(200);
    expect((await get('/certificates', bearer(NEW_PHONE))).status).toBe(200);
  });

  it('gives the learner everything the server holds about them', async () => {
    const res = await get('/me', bearer(NEW_PHONE));
    expect(res.status).toBe(200);
    const mine = (await res.json()) as { learner: { id: string }; certificates: Array<{ code: string }>; devices: unknown[]; events: Array<{ id: string }> };
    expect(mine.learner.id).toBe(LEARNER);
    expect(mine.certificates.map((c) => c.code)).toEqual([certificateCode]);
    expect(mine.events.map((e) => e.id).sort()).toEqual(RECORDS.map((r) => r.id).sort());
    keep({ ...mine, certificates: mine.certificates.map((c) => ({ ...c, code: 'CODE' })) });
  });

  it('issues one certificate when two phones of the learner ask for it at the same moment', async () => {
    const last = completion(LEARNER, { courseId: 'cyber-safety', lessonId: 'strong-passwords' });
    await post('/sync', { deviceId: 'device-test-0002', events: [last] }, bearer(NEW_PHONE));
    const answers = await Promise.all([OLD_PHONE, NEW_PHONE].map((secret) => post('/certificates', { courseId: 'cyber-safety' }, bearer(secret))));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    const [a, b] = (await Promise.all(answers.map((r) => r.json()))) as Array<{ code: string; standing: string }>;
    expect(a.code).toBe(b.code);
    expect(a.standing).toBe('valid');
    const listed = ((await (await get('/certificates', bearer(NEW_PHONE))).json()) as { certificates: Array<{ courseId: string }> }).certificates;
    expect(listed.map((c) => c.courseId).sort()).toEqual(['cyber-safety', 'public-services']);
  }, 20_000);
});

describe('both engines', () => {
  it('gave the same answers', () => {
    expect(seen.sqlite?.length).toBe(8);
    expect(seen.postgres).toEqual(seen.sqlite);
  });
});
