// The server's logs never hold a secret or a resident's personal details. A
// realistic day runs against the real server process at the most verbose log
// level — staff logins (and a wrong password), a resident registering,
// consenting and filling in the profile, a recovery code made and redeemed, a
// certificate claimed and checked, a guide recording a session, an assisted
// learner and a household, bad requests carrying personal data, then the
// resident deleting everything — and every value used is searched for in
// everything the process wrote.
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { findLeaks } from '../support/server-logs.ts';
import { adminPasswordFrom, startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

/** Every form a value could take in a log line: as is, JSON-escaped, URL-encoded. */
const forms = (value: string) => [...new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)])];

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('logs of a full run', () => {
  it('contain no password, token, secret, recovery code or personal field', async () => {
    server = await startServer({ env: { LOG_LEVEL: 'debug' } });
    const { url } = server;
    const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', origin: url, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const secrets = new Map<string, string>(); // value → what it is

    // Staff: the admin logs in, creates a guide, the guide logs in; one wrong password.
    const adminPassword = adminPasswordFrom(server.output());
    const adminLogin = await json('POST', '/api/v1/auth/login', { username: 'admin', password: adminPassword });
    expect(adminLogin.status).toBe(200);
    const adminCookie = adminLogin.headers.get('set-cookie')!.split(';')[0];
    secrets.set(adminCookie.split('=')[1], 'admin session token');
    const wrongPassword = 'Sai-Mat-Khau-Roi-2025!';
    secrets.set(wrongPassword, 'a wrong password typed at login');
    expect((await json('POST', '/api/v1/auth/login', { username: 'admin', password: wrongPassword })).status).toBe(401);
    // People type their password into the username field, too.
    expect((await json('POST', '/api/v1/auth/login', { username: 'Hoa-Mat-Khau-9172', password: 'x' })).status).toBe(401);
    secrets.set('Hoa-Mat-Khau-9172', 'a password typed into the username field');

    const created = await json('POST', '/api/v1/staff', { username: 'hoa', displayName: 'Chị Phạm Thị Hoa', role: 'guide', team: 'cns', groups: ['tdp-1'] }, { cookie: adminCookie });
    expect(created.status).toBe(201);
    const guidePassword = ((await created.json()) as { password: string }).password;
    secrets.set(guidePassword, 'guide password');
    const guideLogin = await json('POST', '/api/v1/auth/login', { username: 'hoa', password: guidePassword });
    expect(guideLogin.status).toBe(200);
    const guideCookie = guideLogin.headers.get('set-cookie')!.split(';')[0];
    secrets.set(guideCookie.split('=')[1], 'guide session token');
    const guide = { cookie: guideCookie };
    const guideId = ((await (await fetch(`${url}/api/v1/auth/me`, { headers: guide })).json()) as { user: { id: string } }).user.id;

    // A resident: registers with a device secret, consents, fills in the profile.
    const learnerId = uuidv7();
    const secret = newSecret();
    secrets.set(secret, 'device secret');
    expect((await json('POST', '/api/v1/learners', { id: learnerId, secret })).status).toBe(201);
    const auth = { authorization: `Bearer ${learnerId}.${secret}` };
    const deviceId = 'device-privacy-1';
    const at = new Date().toISOString();
    const envelope = () => ({ id: uuidv7(), learnerId, deviceId, occurredAt: at });
    const profile = { displayName: 'Nguyễn Thị Bích Ngọc', birthYear: 1957, gender: 'female', residentialGroupId: 'tdp-3', unit: 'Hội Phụ nữ phường Kiến An' };
    secrets.set(profile.displayName, 'resident name');
    secrets.set(profile.unit, 'resident work unit');

    const index = (await (await fetch(`${url}/content/index.json`)).json()) as { courses: Array<{ id: string; version: string; chunks: { vi: string } }> };
    const course = index.courses[0];
    const chunk = (await (await fetch(`${url}${course.chunks.vi}`)).json()) as { lessons: Array<{ id: string }> };
    const completions = chunk.lessons.map((l) => ({ ...envelope(), type: 'lesson.completed', courseId: course.id, lessonId: l.id, contentVersion: course.version, score: 100, durationSec: 300 }));
    const sync = await json('POST', '/api/v1/sync', {
      deviceId,
      events: [
        { ...envelope(), type: 'consent.given', noticeVersion: 1, purpose: 'ward-participation' },
        { ...envelope(), type: 'profile.updated', profile },
        ...completions,
      ],
    }, auth);
    expect(sync.status).toBe(200);
    expect(((await sync.json()) as { results: Array<{ status: string }> }).results.every((r) => r.status === 'accepted')).toBe(true);

    // A bad request that carries personal data must not end up in the log either.
    const phone = '0912 345 678';
    secrets.set(phone, 'a phone number sent in a rejected request');
    const rejected = await json('POST', '/api/v1/sync', { deviceId, events: [{ ...envelope(), type: 'profile.updated', profile: { ...profile, phone } }] }, auth);
    expect(rejected.status).toBe(200); // per-event rejection
    expect((await json('POST', '/api/v1/learners', `{"id":"${learnerId}","secret":"${phone}`)).status).toBe(400);

    // Certificate: claimed, then checked on the public page, which shows the chosen name.
    const claim = await json('POST', '/api/v1/certificates', { courseId: course.id }, auth);
    expect(claim.status).toBeLessThan(300);
    const certificate = (await claim.json()) as { code: string };
    secrets.set(certificate.code, 'certificate code');
    const verify = await fetch(`${url}/verify/${certificate.code}`);
    expect(await verify.text()).toContain(profile.displayName);

    // Recovery: a code made on the old phone, redeemed with a new phone's secret; one wrong code.
    const made = await json('POST', '/api/v1/recovery-codes', {}, auth);
    expect(made.status).toBe(201);
    const { code: recoveryCode } = (await made.json()) as { code: string };
    secrets.set(recoveryCode, 'recovery code');
    const newPhoneSecret = newSecret();
    secrets.set(newPhoneSecret, 'new phone secret');
    expect((await json('POST', '/api/v1/recovery', { code: recoveryCode, secret: newPhoneSecret })).status).toBe(200);
    const wrongCode = recoveryCode.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'));
    secrets.set(wrongCode, 'a mistyped recovery code');
    expect((await json('POST', '/api/v1/recovery', { code: wrongCode, secret: newSecret() })).status).toBeGreaterThanOrEqual(400);

    // A guide records a session, an assisted learner with a name, a household.
    const g = () => ({ id: uuidv7(), recordedBy: guideId, deviceId: 'guide-phone-privacy', occurredAt: at });
    const assisted = { ...g(), type: 'assisted.registered', learnerId: uuidv7(), name: 'Ông Lê Văn Thành', birthYear: 1949, gender: 'male', groupId: 'tdp-1', consent: true, consentAt: at };
    secrets.set(assisted.name, 'assisted learner name');
    const householdLabel = 'Số 14, ngõ 27 Trần Tất Văn';
    secrets.set(householdLabel, 'household address');
    const guideSync = await json('POST', '/api/v1/guide/sync', {
      deviceId: 'guide-phone-privacy',
      events: [
        { ...g(), type: 'session.created', sessionId: uuidv7(), code: 'ACDE3467', title: 'Buổi học VNeID', groupId: 'tdp-1', place: 'Nhà văn hóa tổ 1', startsAt: at, durationMin: 90, courses: [course.id] },
        assisted,
        { ...g(), type: 'lesson.completed', learnerId: assisted.learnerId, courseId: course.id, lessonId: chunk.lessons[0].id, contentVersion: course.version, score: 100, durationSec: 600 },
        { ...g(), type: 'household.created', householdId: uuidv7(), groupId: 'tdp-1', label: householdLabel },
      ],
    }, guide);
    expect(guideSync.status).toBe(200);
    expect(((await guideSync.json()) as { results: Array<{ status: string }> }).results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);

    // The resident deletes everything; the page then knows no certificate.
    expect((await fetch(`${url}/api/v1/me`, { method: 'DELETE', headers: { authorization: `Bearer ${learnerId}.${newPhoneSecret}` } })).status).toBeLessThan(300);
    expect((await fetch(`${url}/verify/${certificate.code}`)).status).toBe(404);
    expect((await json('POST', '/api/v1/auth/logout', {}, guide)).status).toBeLessThan(300);

    await server.stop();
    const log = server.output();
    // The log did record the day (so an empty log cannot pass).
    expect(log).toMatch(/"level":"debug","msg":"request"/);
    expect(log).toMatch(/"msg":"login failed"/);
    expect(log).toMatch(/"method":"DELETE","path":"\/api\/v1\/me","status":204/);

    const leaks = [...secrets].flatMap(([value, what]) => forms(value).filter((form) => log.includes(form)).map((form) => `${what}: ${form}`));
    expect(leaks).toEqual([]);
    // The first-start admin password goes to its own private file, never to the log.
    expect(occurrences(log, adminPassword)).toBe(0);
    // The pattern check used on the kept logs of a whole test run agrees.
    expect(findLeaks(log)).toEqual([]);
  }, 120_000);
});

describe('the log check for a whole test run', () => {
  it('finds credentials, cookies, secret or personal fields and bodies in a log line', () => {
    const clean = '{"level":"debug","msg":"request","method":"POST","path":"/api/v1/sync","status":200,"ms":4}\n{"msg":"x","password":"[redacted]"}';
    expect(findLeaks(clean)).toEqual([]);
    const leaky = [
      'authorization: Bearer 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.Zq3xv9PLmN2kR7tY8wA1bC',
      'cookie hvs_session=AbCdEfGhIjKlMnOpQrStUv',
      '{"msg":"profile saved","displayName":"Ngọc"}',
      '{"msg":"sync","body":{"events":[{"id":"x"}]}}',
    ];
    expect(leaky.map((line) => findLeaks(line).length)).toEqual([1, 1, 1, 1]);
  });
});

describe('the logger', () => {
  it('redacts secret-looking and personal fields wherever a caller nests them', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    logger.info('oops', {
      password: 'pw-1',
      authorization: 'Bearer a.b',
      body: { secret: 'sec-2', profile: { displayName: 'Ngọc', birthYear: 1957, phone: '0912' }, code: 'ABCD' },
      list: [{ sessionToken: 'tok-3', recoveryCode: 'rc-4' }],
      status: 200,
      path: '/api/v1/sync',
    });
    const text = lines.join('');
    for (const value of ['pw-1', 'a.b', 'sec-2', 'Ngọc', '1957', '0912', 'tok-3', 'rc-4']) expect(text).not.toContain(value);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ msg: 'oops', status: 200, path: '/api/v1/sync' });
    expect(parsed.body.code).toBe('ABCD'); // an error code is not a secret
  });
});
