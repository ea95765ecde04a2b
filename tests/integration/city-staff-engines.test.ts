// Staff in a city deployment (server/city/deployment.ts), in-process on a real
// SQLite folder and a real throw-away PostgreSQL 15 cluster: the city admin
// adds a locality and its first admin, who is an admin there and nowhere
// else; one browser stays logged in to several localities, each only in its
// own; and for every API route the app serves, a session of one locality (or
// of the city) presented to another locality gets nothing and changes nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createUser } from '../../server/accounts/users.ts';
import { createCityDeployment, localityFilesDir, type CityDeployment } from '../../server/city/deployment.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { silentLogger } from '../../server/logger.ts';
import type { AddedLocality } from '../../shared/city/api.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { ENGINES } from '../support/engines.ts';
import { testCities } from '../support/city.ts';
import { cookieJar } from '../support/cookie-jar.ts';
import { jpegWithComment, sha256 } from '../support/crafted-images.ts';
import { appRouteKeys, ROUTES } from '../support/route-inventory.ts';
import { completion, DEVICE_ID, everyRowOf, ORIGIN, TEST_HASHER, TEST_PASSWORD_COST } from './helpers.ts';
import { CATALOG } from './resident-support.ts';

const cities = testCities();
const NOW = Date.now();
const CITY_PASSWORD = 'mat khau cua thanh pho';

describe.each(ENGINES)('staff of a city on %s', (kind) => {
  let city: CityDeployment;
  let cityEngine: Engine;
  let close: () => Promise<void>;
  const admins: Record<string, AddedLocality['firstAdmin']> = {};
  let cityCookie = '';
  const homeFiles = cities.tempDir();
  const deployment = { dataDir: '', filesRoot: undefined };

  const call = (path: string, init: RequestInit & { cookie?: string } = {}) =>
    city.app.request(`${ORIGIN}${path}`, { ...init, headers: { origin: ORIGIN, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.headers as Record<string, string>) } });
  const post = (path: string, body: unknown, cookie?: string) => call(path, { method: 'POST', body: JSON.stringify(body), cookie });
  const storeOf = (slug: string) => city.stores.engineOf(slug);

  beforeAll(async () => {
    const opened = await cities.open(kind);
    close = opened.close;
    cityEngine = opened.city;
    deployment.dataDir = opened.on.kind === 'sqlite' ? opened.on.dataDir : cities.tempDir();
    city = createCityDeployment({
      engine: opened.city,
      on: opened.on,
      dataDir: deployment.dataDir,
      drawKey: () => Buffer.alloc(32, 9),
      logger: silentLogger,
      config: { filesDir: homeFiles, passwordCost: TEST_PASSWORD_COST },
      catalog: CATALOG,
      passwords: TEST_HASHER,
    });
    await createUser(opened.city, { username: 'city.admin', password: CITY_PASSWORD, role: 'admin' }, NOW, TEST_HASHER);
    const login = await post('/api/v1/auth/login', { username: 'city.admin', password: CITY_PASSWORD });
    expect(login.status).toBe(200);
    cityCookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  }, 60_000);
  afterAll(async () => {
    await city?.close();
    await close?.();
  });

  it('makes a locality with its store and its first admin, who is an admin there and nowhere else', async () => {
    for (const [slug, name] of [['kien-an', 'Phường Kiến An'], ['le-chan', 'Phường Lê Chân']] as const) {
      const res = await post('/api/v1/city/localities', { slug, name, kind: 'ward' }, cityCookie);
      expect(res.status).toBe(201);
      const added = (await res.json()) as AddedLocality;
      expect(added).toMatchObject({ slug, name, firstAdmin: { username: 'admin' } });
      expect(added.firstAdmin.password.length).toBeGreaterThanOrEqual(12);
      admins[slug] = added.firstAdmin;
    }
    expect(admins['kien-an']!.password).not.toBe(admins['le-chan']!.password);

    // The store was made by the migrations, and holds exactly that one account.
    const users = await (await storeOf('kien-an')).all<{ username: string; role: string }>(sql`SELECT username, role FROM users`);
    expect(users).toEqual([{ username: 'admin', role: 'admin' }]);

    // Audited in the city's log and in the locality's, naming the account, never its password.
    const cityAudit = JSON.stringify(await cityEngine.all(sql`SELECT * FROM audit_log`));
    const localAudit = await (await storeOf('kien-an')).all<{ action: string; actor_username: string; actor_role: string; details: string }>(sql`SELECT * FROM audit_log`);
    const added = await cityEngine.all<{ target_id: string; details: unknown }>(sql`SELECT target_id, details FROM audit_log WHERE action = 'city.locality_added'`);
    expect(added.map((row) => [row.target_id, typeof row.details === 'string' ? JSON.parse(row.details) : row.details])).toEqual([
      ['kien-an', { kind: 'ward', firstAdmin: 'admin' }],
      ['le-chan', { kind: 'ward', firstAdmin: 'admin' }],
    ]);
    expect(localAudit.map((row) => [row.action, row.actor_username, row.actor_role])).toEqual([['staff.created', 'city.admin', 'city']]);
    for (const { password } of Object.values(admins)) {
      expect(cityAudit).not.toContain(password);
      expect(JSON.stringify(localAudit)).not.toContain(password);
    }

    // The first admin logs in at the locality's address and runs its staff there.
    const login = await post('/l/kien-an/api/v1/auth/login', admins['kien-an']);
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    expect((await call('/l/kien-an/api/v1/staff', { cookie })).status).toBe(200);
    const audit = (await (await call('/l/kien-an/api/v1/staff/audit', { cookie })).json()) as { entries: Array<{ action: string; actor: { username: string; role: string } }> };
    expect(audit.entries.filter((e) => e.action === 'staff.created').map((e) => [e.actor.username, e.actor.role])).toEqual([['city.admin', 'city']]);
    const made = await post('/l/kien-an/api/v1/staff', { username: 'lan', role: 'reviewer', displayName: 'Nguyễn Thị Lan' }, cookie);
    expect(made.status).toBe(201);
    // A photo the locality's staff upload is kept in the locality's own files folder only.
    const photo = jpegWithComment('anh tin phuong');
    const uploaded = await call(`/l/kien-an/api/v1/story-photos/${sha256(photo)}`, { method: 'PUT', cookie, body: new Uint8Array(photo), headers: { 'content-type': 'application/octet-stream' } });
    expect(uploaded.status).toBe(201);
    const stored = ((await uploaded.json()) as { sha256: string }).sha256;
    expect(existsSync(join(localityFilesDir(deployment, 'kien-an'), stored))).toBe(true);
    expect(existsSync(join(localityFilesDir(deployment, 'le-chan'), stored))).toBe(false);
    expect(existsSync(join(homeFiles, stored))).toBe(false);
    // Not the city's, nor another locality's.
    expect((await post('/api/v1/auth/login', admins['kien-an'])).status).toBe(401);
    expect((await post('/l/le-chan/api/v1/auth/login', admins['kien-an'])).status).toBe(401);
    expect((await post('/api/v1/city/localities', { slug: 'do-son', name: 'Phường Đồ Sơn', kind: 'ward' }, cookie)).status).toBe(401);
    expect(await (await storeOf('le-chan')).all(sql`SELECT username FROM users WHERE username = 'lan'`)).toEqual([]);
  }, 60_000);

  it('keeps one browser logged in to several localities and the city, each session only in its own', async () => {
    const jar = cookieJar();
    const send = async (path: string, init: RequestInit = {}) => {
      const res = await call(path, { ...init, cookie: jar.header(path) });
      jar.take(res);
      return res;
    };
    const login = (prefix: string, body: unknown) => send(`${prefix}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify(body) });
    expect((await login('/l/kien-an', admins['kien-an'])).status).toBe(200);
    expect((await login('/l/le-chan', admins['le-chan'])).status).toBe(200);
    expect((await login('', { username: 'city.admin', password: CITY_PASSWORD })).status).toBe(200);
    const who = async (prefix: string) => {
      const res = await send(`${prefix}/api/v1/auth/me`);
      return res.status === 200 ? ((await res.json()) as { user: { username: string } }).user.username : res.status;
    };
    expect([await who('/l/kien-an'), await who('/l/le-chan'), await who('')]).toEqual(['admin', 'admin', 'city.admin']);
    // Each locality's session cookie by its own name; its device cookie only for its own login address.
    expect(jar.all().map((c) => `${c.name} ${c.path}`).sort()).toEqual([
      'hvs_device /api/v1/auth',
      'hvs_device /l/kien-an/api/v1/auth',
      'hvs_device /l/le-chan/api/v1/auth',
      'hvs_session /',
      'hvs_session_kien-an /',
      'hvs_session_le-chan /',
    ]);
    // Each admin sees their own locality's accounts: Kiến An's reviewer is not Lê Chân's.
    const staffOf = async (prefix: string) => ((await (await send(`${prefix}/api/v1/staff`)).json()) as { accounts: Array<{ username: string }> }).accounts.map((s) => s.username).sort();
    expect(await staffOf('/l/kien-an')).toEqual(['admin', 'lan']);
    expect(await staffOf('/l/le-chan')).toEqual(['admin']);
    // Logging out of one leaves the others logged in.
    expect((await send('/l/le-chan/api/v1/auth/logout', { method: 'POST', body: '{}' })).status).toBeLessThan(300);
    expect([await who('/l/kien-an'), await who('/l/le-chan'), await who('')]).toEqual(['admin', 401, 'city.admin']);
  }, 60_000);

  it("gives a session of one locality, or of the city, nothing of another locality's on any route, and writes nothing there", async () => {
    // A's admin and the city's admin are logged in; B has a learner with a synced lesson.
    const cookieOf = async (path: string, body: unknown) => (await post(path, body)).headers.getSetCookie()[0]!.split(';')[0]!;
    const a = await cookieOf('/l/kien-an/api/v1/auth/login', admins['kien-an']);
    const bAdmin = await cookieOf('/l/le-chan/api/v1/auth/login', admins['le-chan']);
    const learner = { id: uuidv7(), secret: newSecret() };
    expect((await post('/l/le-chan/api/v1/learners', learner)).status).toBe(201);
    const synced = await call('/l/le-chan/api/v1/sync', { method: 'POST', body: JSON.stringify({ deviceId: DEVICE_ID, events: [completion(learner.id)] }), headers: { authorization: `Bearer ${learner.id}.${learner.secret}` } });
    expect(synced.status).toBe(200);

    const token = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);
    const bName = bAdmin.slice(0, bAdmin.indexOf('='));
    // As a browser sends them (each under its own name), and renamed to B's own session cookie.
    const presented: Record<string, string> = {
      "A's cookie": a,
      "A's session under B's name": `${bName}=${token(a)}`,
      "the city's cookie": cityCookie,
      "the city's session under B's name": `${bName}=${token(cityCookie)}`,
    };

    const bApp = (await city.app.localityApp('le-chan')) as unknown as Parameters<typeof appRouteKeys>[0];
    const keys = appRouteKeys(bApp);
    expect(keys.length).toBeGreaterThan(100);
    const publicRoutes = new Set(ROUTES.filter((r) => r.rights.anonymous === 'ok').map((r) => r.key));
    const fill = (pattern: string) => pattern.replace(/:(\w+)/g, (_, name: string) => (name === 'sha256' ? 'a'.repeat(64) : name === 'username' ? 'admin' : uuidv7()));
    const request = (method: string, path: string, cookie?: string) =>
      call(`/l/le-chan${path}`, { method, cookie, ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' }) });

    // The lesson in B's figures first: a sync's rollup follows its answer (stats/catch-up.ts).
    await (await city.app.localityApp('le-chan')).settleFigures?.();
    const before = await snapshot(await storeOf('le-chan'));
    const wrong: string[] = [];
    for (const key of keys) {
      const [method, pattern] = key.split(' ') as [string, string];
      const path = fill(pattern);
      // A public route answers a stranger's session as it answers no session at all.
      const anonymous = publicRoutes.has(key) ? (await request(method, path)).status : undefined;
      for (const [who, cookie] of Object.entries(presented)) {
        const res = await request(method, path, cookie);
        const code = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { error?: { code: string } }).error?.code : undefined;
        const refused = (res.status === 401 || res.status === 403) && code !== 'csrf';
        if (anonymous !== undefined ? res.status !== anonymous : !refused) wrong.push(`${key} with ${who}: ${res.status}${code ? ` ${code}` : ''}${anonymous !== undefined ? ` (anonymous: ${anonymous})` : ''}`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(await snapshot(await storeOf('le-chan'))).toEqual(before);

    // The sessions were live all along: each in its own locality, and the city's in the city.
    expect((await call('/l/kien-an/api/v1/staff', { cookie: a })).status).toBe(200);
    expect((await call('/l/le-chan/api/v1/staff', { cookie: bAdmin })).status).toBe(200);
    expect((await call('/api/v1/city/overview', { cookie: cityCookie })).status).toBe(200);
  }, 180_000);
});

/** Every row of a store, request counting left out (on PostgreSQL a table; anonymous requests count there too). */
async function snapshot(engine: Engine): Promise<string> {
  return (await everyRowOf(engine))
    .filter(({ table }) => table !== 'shared_windows')
    .map(({ table, row }) => `${table} ${JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`)
    .sort()
    .join('\n');
}
