// The ward profile (public read, admin edits) and admin-made staff accounts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wardProfileSchema } from '../../shared/api.ts';
import { createStaff, login, ORIGIN, registerLearner, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Record<string, string>;
let guide: Record<string, string>;
beforeEach(async () => {
  t = setupTestApp();
  await createStaff(t, 'boss', 'admin');
  admin = { cookie: await login(t, 'boss', 'correct horse battery'), origin: ORIGIN };
  await createStaff(t, 'hoa', 'guide');
  guide = { cookie: await login(t, 'hoa', 'correct horse battery'), origin: ORIGIN };
});
afterEach(() => t.close());

const put = (path: string, body: unknown, headers: Record<string, string>) =>
  t.request(path, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('ward profile', () => {
  it('serves the labelled sample to anyone, in exactly the public shape', async () => {
    const res = await t.request('/api/v1/ward');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(wardProfileSchema.strict().parse(body)).toEqual(body);
    expect(body.isSample).toBe(true);
    expect(body.groups[0]).toEqual({ id: 'tdp-1', name: 'Tổ dân phố 1' });
    expect(body.channels).toEqual([]);
    const adminView = await (await t.request('/api/v1/ward/admin', { headers: admin })).json();
    expect(adminView.groups[0]).toMatchObject({ adultPopulation: 400, figuresAreSample: true });
  });

  it('lets only an admin edit it; the edit ends the sample label', async () => {
    const learner = await registerLearner(t);
    const group = { name: 'TDP Đồng Hòa 1', adultPopulation: 812, households: 301 };
    expect((await put('/api/v1/ward/groups/tdp-1', group, guide)).status).toBe(403);
    expect((await put('/api/v1/ward/groups/tdp-1', group, learner.auth)).status).toBe(401);
    expect((await t.request('/api/v1/ward/admin', { headers: guide })).status).toBe(403);
    expect((await put('/api/v1/ward/groups/TDP 1', group, admin)).status).toBe(400);
    expect((await put('/api/v1/ward/groups/tdp-1', { ...group, households: -1 }, admin)).status).toBe(400);
    expect((await t.request('/api/v1/ward')).headers.get('cache-control')).toBe('no-store');
    expect((await (await t.request('/api/v1/ward')).json()).isSample).toBe(true);

    const ok = await put('/api/v1/ward/groups/tdp-1', group, admin);
    expect(ok.status).toBe(200);
    expect((await ok.json()).groups[0]).toMatchObject({ id: 'tdp-1', name: 'TDP Đồng Hòa 1', adultPopulation: 812, figuresAreSample: false });
    const renamed = await put('/api/v1/ward', { name: 'Phường Kiến An', channels: [{ kind: 'hotline', label: 'Đường dây nóng' }] }, admin);
    expect(renamed.status).toBe(200);
    const pub = await (await t.request('/api/v1/ward')).json();
    expect(pub).toMatchObject({ name: 'Phường Kiến An', isSample: false, channels: [{ kind: 'hotline', label: 'Đường dây nóng' }] });
    expect(pub.groups[0]).toEqual({ id: 'tdp-1', name: 'TDP Đồng Hòa 1' });
  });

  it('deletes an unused group but refuses one a guide is assigned to', async () => {
    const created = await t.postJson('/api/v1/staff', { username: 'lan', displayName: 'Chị Lan', role: 'guide', team: 'cns', groups: ['tdp-2'] }, admin);
    expect(created.status).toBe(201);
    expect((await t.request('/api/v1/ward/groups/tdp-2', { method: 'DELETE', headers: { ...admin, 'content-type': 'application/json' } })).status).toBe(409);
    expect((await t.request('/api/v1/ward/groups/tdp-6', { method: 'DELETE', headers: { ...guide, 'content-type': 'application/json' } })).status).toBe(403);
    expect((await t.request('/api/v1/ward/groups/tdp-6', { method: 'DELETE', headers: { ...admin, 'content-type': 'application/json' } })).status).toBe(200);
    expect((await t.request('/api/v1/ward/groups/tdp-6', { method: 'DELETE', headers: { ...admin, 'content-type': 'application/json' } })).status).toBe(404);
    expect((await (await t.request('/api/v1/ward')).json()).groups.map((g: { id: string }) => g.id)).not.toContain('tdp-6');
  });
});

describe('staff accounts (admin)', () => {
  it('creates a guide with team and groups; the generated password logs in once shown', async () => {
    const res = await t.postJson('/api/v1/staff', { username: 'Lan', displayName: 'Chị Lan', role: 'guide', team: 'cns', groups: ['tdp-1', 'tdp-2'] }, admin);
    expect(res.status).toBe(201);
    const { account, password } = await res.json();
    expect(account).toMatchObject({ username: 'lan', role: 'guide', team: 'cns', groups: ['tdp-1', 'tdp-2'], disabled: false });
    const me = await t.request('/api/v1/guide/me', { headers: { cookie: await login(t, 'lan', password) } });
    expect(await me.json()).toMatchObject({ user: { username: 'lan' }, groups: [{ id: 'tdp-1' }, { id: 'tdp-2' }] });
    const list = await (await t.request('/api/v1/staff', { headers: admin })).json();
    expect(list.accounts.map((a: { username: string }) => a.username)).toEqual(['boss', 'hoa', 'lan']);
    expect(JSON.stringify(list)).not.toContain('passwordHash');
  });

  it('refuses bad input and non-admins, writing nothing', async () => {
    const before = await t.count('users');
    const cases: Array<[Record<string, unknown>, Record<string, string>, number]> = [
      [{ username: 'x1', displayName: 'X', role: 'guide', team: 'cns', groups: ['tdp-1'] }, guide, 403],
      [{ username: 'x2', displayName: 'X', role: 'guide', team: null, groups: ['tdp-1'] }, admin, 400],
      [{ username: 'x3', displayName: 'X', role: 'guide', team: 'cns', groups: [] }, admin, 400],
      [{ username: 'x4', displayName: 'X', role: 'guide', team: 'cns', groups: ['tdp-99'] }, admin, 400],
      [{ username: 'hoa', displayName: 'X', role: 'reviewer' }, admin, 409],
      [{ username: 'x5', displayName: 'X', role: 'root' }, admin, 400],
    ];
    for (const [body, headers, status] of cases) expect((await t.postJson('/api/v1/staff', body, headers)).status, JSON.stringify(body)).toBe(status);
    expect((await t.postJson('/api/v1/staff', { username: 'x6', displayName: 'X', role: 'reviewer' })).status).toBe(401);
    expect(await t.count('users')).toBe(before);
    expect(await t.count('guide_groups')).toBe(0);
  });

  it('changes a guide’s groups', async () => {
    await t.postJson('/api/v1/staff', { username: 'lan', displayName: 'Chị Lan', role: 'guide', team: 'cns', groups: ['tdp-1'] }, admin);
    expect((await put('/api/v1/staff/lan/groups', { groups: ['tdp-3'] }, guide)).status).toBe(403);
    expect((await put('/api/v1/staff/lan/groups', { groups: ['tdp-77'] }, admin)).status).toBe(400);
    const res = await put('/api/v1/staff/lan/groups', { groups: ['tdp-3', 'tdp-4'] }, admin);
    expect((await res.json()).groups).toEqual(['tdp-3', 'tdp-4']);
  });
});
