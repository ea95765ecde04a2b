// The audit log: guide and admin actions leave an entry (who, what, when)
// that only admins can read, and no entry holds a password or a resident's
// personal data.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema, type AuditEntry } from '../../shared/audit.ts';
import { createStaff, login, ORIGIN, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { CATALOG } from './resident-support.ts';
import { assistedCompletion, assistedRegistered, createGuide, guideSyncResults, sessionCreated, type Guide } from './guide-support.ts';

let t: TestApp;
let admin: Record<string, string>;
let reviewer: Record<string, string>;
let guide: Guide;
beforeAll(async () => {
  t = setupTestApp({ catalog: CATALOG });
  await createStaff(t, 'boss', 'admin');
  admin = { cookie: await login(t, 'boss', 'correct horse battery'), origin: ORIGIN };
  await createStaff(t, 'office', 'reviewer');
  reviewer = { cookie: await login(t, 'office', 'correct horse battery'), origin: ORIGIN };
  guide = await createGuide(t, 'hoa', ['tdp-1']);
}, 60_000);
afterAll(() => t.close());

const send = (method: string, path: string, body: unknown, headers = admin) =>
  t.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
async function auditPage(query = '', headers = admin) {
  const res = await t.request(`/api/v1/staff/audit${query}`, { headers });
  expect(res.status).toBe(200);
  return auditPageSchema.parse(await res.json());
}
const latest = async (action: string) => (await auditPage(`?action=${action}`)).entries[0] as AuditEntry | undefined;
const allAuditText = async () => JSON.stringify(await t.engine.all(sql`SELECT * FROM audit_log`));

describe('audit log entries', () => {
  it('records logins with who and when', async () => {
    const entry = await latest('auth.login');
    expect(entry).toMatchObject({ actor: { username: 'hoa', role: 'guide' }, at: new Date(t.clock.now).toISOString() });
  });

  it("records an admin's staff account changes, never the generated password", async () => {
    const created = await send('POST', '/api/v1/staff', { username: 'Tuan', displayName: 'Anh Tuấn', role: 'guide', team: 'da06', groups: ['tdp-2'] });
    expect(created.status).toBe(201);
    const { password } = await created.json();
    expect(await latest('staff.created')).toMatchObject({
      actor: { username: 'boss', role: 'admin', id: expect.any(String) },
      target: { type: 'user', id: 'tuan' },
      details: { role: 'guide', team: 'da06', groups: 'tdp-2' },
    });
    expect((await send('PUT', '/api/v1/staff/tuan/groups', { groups: ['tdp-1', 'tdp-3'] })).status).toBe(200);
    expect(await latest('staff.groups_changed')).toMatchObject({ target: { type: 'user', id: 'tuan' }, details: { groups: 'tdp-1,tdp-3' } });
    expect(await allAuditText()).not.toContain(password);
    expect(await allAuditText()).not.toContain('Anh Tuấn');
  });

  it('records nothing for a refused action', async () => {
    const before = await t.count('audit_log');
    expect((await send('PUT', '/api/v1/staff/tuan/groups', { groups: ['tdp-99'] })).status).toBe(400);
    expect((await send('PUT', '/api/v1/ward/groups/tdp-1', { name: 'X', adultPopulation: 1, households: 1 }, guide.headers)).status).toBe(403);
    expect((await send('POST', '/api/v1/ward/import', { fileName: 'g.csv', contentBase64: Buffer.from('id,name\ntdp-9,Tổ 9\n').toString('base64'), dryRun: true })).status).toBe(200);
    expect(await t.count('audit_log')).toBe(before);
  });

  it('records ward profile changes', async () => {
    expect((await send('PUT', '/api/v1/ward', { name: 'Phường Đồng Hòa', channels: [] })).status).toBe(200);
    expect(await latest('ward.updated')).toMatchObject({ actor: { username: 'boss' }, details: { wardName: 'Phường Đồng Hòa', channels: 0 } });
    expect((await send('PUT', '/api/v1/ward/groups/tdp-9', { name: 'Tổ 9', adultPopulation: 120, households: 40 })).status).toBe(200);
    expect(await latest('ward.group_saved')).toMatchObject({ target: { type: 'group', id: 'tdp-9' }, details: { groupName: 'Tổ 9', adultPopulation: 120 } });
    expect((await t.request('/api/v1/ward/groups/tdp-9', { method: 'DELETE', headers: { ...admin, 'content-type': 'application/json' } })).status).toBe(200);
    expect(await latest('ward.group_deleted')).toMatchObject({ target: { type: 'group', id: 'tdp-9' } });
    const csv = Buffer.from('id,name\ntdp-1,Tổ 1\ntdp-2,Tổ 2\n').toString('base64');
    expect((await send('POST', '/api/v1/ward/import', { fileName: 'to-dan-pho.csv', contentBase64: csv, dryRun: false })).status).toBe(200);
    expect(await latest('ward.imported')).toMatchObject({ details: { fileName: 'to-dan-pho.csv', groups: 2 } });
  });

  it("records a guide's synced actions once, with the session but without the resident", async () => {
    const session = sessionCreated(guide, { groupId: 'tdp-1' });
    const resident = assistedRegistered(guide, { sessionId: session.sessionId });
    const completion = assistedCompletion(guide, resident.learnerId, { sessionId: session.sessionId });
    const batch = [session, resident, completion];
    expect((await guideSyncResults(t, guide, batch)).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const entries = (await auditPage('?actor=hoa')).entries.filter((e) => e.action.startsWith('guide.'));
    expect(entries.map((e) => e.action)).toEqual(['guide.lesson_recorded', 'guide.learner_registered', 'guide.session_created']);
    expect(entries[2]).toMatchObject({ actor: { id: guide.id, username: 'hoa', role: 'guide' }, target: { type: 'session', id: session.sessionId }, details: { groupId: 'tdp-1', occurredAt: session.occurredAt } });
    expect(entries[0]).toMatchObject({ target: { type: 'session', id: session.sessionId }, details: { courseId: 'cyber-safety', lessonId: 'strong-passwords' } });
    // Read with names, not only ids: the session's title, time and code, the group's and the course's names.
    const sessionNames = { title: 'Buổi học VNeID', startsAt: '2025-06-01T01:30:00.000Z', code: 'ACDE3467' };
    const groupName = (await t.engine.get(sql`SELECT name FROM residential_groups WHERE id = 'tdp-1'`) as { name: string }).name;
    expect(entries[2].names).toEqual({ session: sessionNames, group: groupName });
    expect(entries[1].names).toEqual({ session: sessionNames, group: groupName });
    expect(entries[0].names).toEqual({ session: sessionNames, course: CATALOG.title('cyber-safety') });
    // The phone resends (it never heard the answer): no second entry.
    const before = await t.count('audit_log');
    expect((await guideSyncResults(t, guide, batch)).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await t.count('audit_log')).toBe(before);
    for (const personal of [resident.learnerId, resident.name, String(resident.birthYear)]) expect(await allAuditText()).not.toContain(personal);
  });

  it('records logout', async () => {
    const cookie = await login(t, 'office', 'correct horse battery');
    expect((await t.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' } })).status).toBe(204);
    expect(await latest('auth.logout')).toMatchObject({ actor: { username: 'office', role: 'reviewer' } });
  });
});

describe('GET /api/v1/staff/audit', () => {
  it('is for admins only', async () => {
    const learner = await registerLearner(t);
    expect((await t.request('/api/v1/staff/audit', { headers: guide.headers })).status).toBe(403);
    expect((await t.request('/api/v1/staff/audit', { headers: reviewer })).status).toBe(403);
    expect((await t.request('/api/v1/staff/audit', { headers: learner.auth })).status).toBe(401);
    expect((await t.request('/api/v1/staff/audit')).status).toBe(401);
  });

  it('pages newest first and filters by actor and action', async () => {
    const all = (await auditPage('?limit=200')).entries;
    expect(all.length).toBeGreaterThan(10);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    const first = await auditPage('?limit=4');
    expect(first.entries.map((e) => e.id)).toEqual(all.slice(0, 4).map((e) => e.id));
    const second = await auditPage(`?limit=4&before=${first.nextBefore}`);
    expect(second.entries.map((e) => e.id)).toEqual(all.slice(4, 8).map((e) => e.id));
    const last = await auditPage(`?limit=200&before=${all[all.length - 2].id}`);
    expect(last).toEqual({ entries: [all[all.length - 1]], nextBefore: null });
    const mine = (await auditPage('?actor=BOSS')).entries;
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((e) => e.actor.username))).toEqual(new Set(['boss']));
    const logins = (await auditPage('?action=auth.login')).entries;
    expect(new Set(logins.map((e) => e.action))).toEqual(new Set(['auth.login']));
  });

  it('refuses a bad query with 400', async () => {
    for (const query of ['?action=drop.tables', '?limit=0', '?before=-1', '?color=red']) {
      const res = await t.request(`/api/v1/staff/audit${query}`, { headers: admin });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_request');
    }
  });

  it('is in the OpenAPI document, with the 429 of the request limits on sync', async () => {
    const doc = await (await t.request('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/staff/audit'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['actor', 'action', 'before', 'limit']);
    expect(doc.components.schemas.AuditPage.required).toEqual(['entries', 'nextBefore']);
    expect(doc.paths['/api/v1/sync'].post.responses['429']).toBeDefined();
    expect(doc.paths['/api/v1/learners'].post.responses['429']).toBeDefined();
  });
});
