// Moving a ward in (server/localities/import.ts): a single ward's SQLite file,
// made by the real app while it keeps running, is brought into a city as one
// locality, on a real SQLite folder and a real throw-away PostgreSQL 15
// cluster. Every table's rows arrive (the ward's own profile and groups in
// place of the samples), a second run changes nothing, the staff can log in
// to the locality's app, and a file from a newer version is refused. The
// evidence files the ward's records name (a story photo, a unit's scan) come
// into the locality's files folder once and are served at /l/<slug>/…; a
// missing or damaged one refuses the import before anything is written.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { localityFilesDir } from '../../server/city/deployment.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { DB_FILE_NAME } from '../../server/db/open.ts';
import { createCityApp } from '../../server/localities/city-app.ts';
import { importLocality, ImportRefusedError } from '../../server/localities/import.ts';
import { createLocalityRegistry, type LocalityRegistry } from '../../server/localities/registry.ts';
import { localityStores, type LocalityStores } from '../../server/localities/stores.ts';
import { completion, createStaff, registerLearner, setupTestApp, TEST_PASSWORD_COST, type TestApp } from './helpers.ts';
import { CATALOG } from './resident-support.ts';
import { PLAIN_PDF, sha256 } from '../support/crafted-images.ts';
import { uploadWardEvidence } from '../support/ward-evidence.ts';
import { ENGINES } from '../support/engines.ts';
import { testCities } from '../support/city.ts';

const cities = testCities();
let ward: TestApp;
let wardFile: string;
let learnerId: string;
let wardFiles: string;
/** The stored names of the story photo and of the unit's scanned register (a PDF). */
let photo: string;
let scan: string;

beforeAll(async () => {
  // The ward as it runs today: a learner with a completion, a staff account, its own name, a sample group removed.
  ward = setupTestApp({ catalog: CATALOG });
  const learner = await registerLearner(ward);
  learnerId = learner.id;
  const record = completion(learner.id);
  expect((await ward.postJson('/api/v1/sync', { deviceId: record.deviceId, events: [record] }, learner.auth)).status).toBe(200);
  await createStaff(ward, 'vhxh.lan', 'admin', 'mat khau dai cua Lan');
  ward.sqlite.prepare(`UPDATE ward_profile SET name = 'Phường Lãm Hà', is_sample = 0`).run();
  const groups = ward.sqlite.prepare('SELECT id FROM residential_groups ORDER BY sort_order').all() as Array<{ id: string }>;
  ward.sqlite.prepare('DELETE FROM residential_groups WHERE id = ?').run(groups.at(-1)!.id);
  wardFile = join(ward.dir, DB_FILE_NAME);
  // A unit officer's evidence: a story photo and a scan of a signed register.
  ({ photo, scan } = await uploadWardEvidence(ward));
  wardFiles = join(ward.dir, 'files');
  expect(readdirSync(wardFiles).sort()).toEqual([photo, scan].sort());
});
afterAll(() => ward?.close());

const rows = async (engine: Engine, query: ReturnType<typeof sql>) => engine.all<Record<string, unknown>>(query);

describe.each(ENGINES)('importing a ward into a city on %s', (kind) => {
  let registry: LocalityRegistry;
  let stores: LocalityStores;
  let close: () => Promise<void>;
  /** The locality's files folder, as a city deployment finds it (DATA_DIR/localities/<slug>/files). */
  let filesTo: string;
  let dataDir: string;
  beforeAll(async () => {
    const opened = await cities.open(kind);
    registry = createLocalityRegistry(opened.city);
    stores = localityStores(opened.on);
    close = opened.close;
    dataDir = opened.on.kind === 'sqlite' ? opened.on.dataDir : cities.tempDir();
    filesTo = localityFilesDir({ dataDir }, 'lam-ha');
  }, 60_000);
  const filesOf = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
  afterAll(async () => {
    await stores?.close();
    await close?.();
  });

  it('brings every table across, the ward’s own rows in place of the samples, and adds the locality', async () => {
    const report = await importLocality({ from: wardFile, slug: 'lam-ha', registry, stores, files: { from: wardFiles, to: filesTo }, now: Date.parse('2026-12-07T01:00:00Z') });
    expect(report.created).toBe(true);
    expect(report.files).toEqual({ named: 2, present: 2, copied: 2, bytesCopied: statSync(join(wardFiles, photo)).size + PLAIN_PDF.length });
    // Same names as in the ward, so the records still point right; same bytes.
    expect(filesOf(filesTo)).toEqual([photo, scan].sort());
    for (const name of [photo, scan]) expect(sha256(readFileSync(join(filesTo, name)))).toBe(name);
    expect(report.locality).toMatchObject({ slug: 'lam-ha', name: 'Phường Lãm Hà', kind: 'ward' });
    expect(report.tables.filter((t) => t.source !== t.target)).toEqual([]);
    expect(report.tables.map((t) => t.table)).toEqual(expect.arrayContaining(['events', 'learners', 'users', 'ward_profile', 'residential_groups', 'devices']));
    expect(report.tables.some((t) => t.table.startsWith('stats_'))).toBe(false);

    const engine = await stores.engineOf('lam-ha');
    const source = new Database(wardFile, { readonly: true });
    try {
      const groupsThere = (source.prepare('SELECT id FROM residential_groups ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
      expect((await rows(engine, sql`SELECT id FROM residential_groups ORDER BY id`)).map((r) => r.id)).toEqual(groupsThere);
    } finally {
      source.close();
    }
    expect(await rows(engine, sql`SELECT learner_id AS "learnerId", lesson_id AS "lessonId" FROM events`)).toEqual([{ learnerId, lessonId: 'strong-passwords' }]);
    expect(await rows(engine, sql`SELECT name FROM ward_profile`)).toEqual([{ name: 'Phường Lãm Hà' }]);
  }, 30_000);

  it('changes nothing when run again', async () => {
    const stamps = () => filesOf(filesTo).map((n) => `${n} ${statSync(join(filesTo, n)).mtimeMs} ${statSync(join(filesTo, n)).ino}`);
    const before = stamps();
    const report = await importLocality({ from: wardFile, slug: 'lam-ha', registry, stores, files: { from: wardFiles, to: filesTo }, now: Date.now() });
    expect(report.created).toBe(false);
    expect(report.tables.filter((t) => t.added !== 0 || t.source !== t.target)).toEqual([]);
    expect(report.files).toEqual({ named: 2, present: 2, copied: 0, bytesCopied: 0 });
    expect(stamps()).toEqual(before);
    expect((await registry.list()).map((l) => l.slug)).toEqual(['lam-ha']);
  }, 30_000);

  it("lets the ward's staff log in to the locality's app, with figures rebuilt from the records", async () => {
    const appOver = (engine: Engine) => createApp({ engine, catalog: CATALOG, drawKey: () => Buffer.alloc(32, 3), config: { filesDir: filesTo, passwordCost: TEST_PASSWORD_COST } });
    const served = createCityApp({ home: { fetch: () => new Response('home') }, registry, stores, appFor: (_slug, engine) => appOver(engine) });
    const login = await served.request('http://localhost/l/lam-ha/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ username: 'vhxh.lan', password: 'mat khau dai cua Lan' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headline = await served.request('http://localhost/l/lam-ha/api/v1/stats/headline?from=2025-05-01&to=2025-06-30', { headers: { cookie } });
    expect(headline.status).toBe(200);
    // The rollups were not copied: the locality's app rebuilt them from the records it received.
    expect(await headline.json()).toMatchObject({ headline: { learners: 1, lessonsCompleted: 1, selfCompletions: 1 } });

    // The unit officer sees the story photo and the scan they uploaded in the ward, from the locality's folder.
    const officerLogin = await served.request('http://localhost/l/lam-ha/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ username: 'ttsnc1', password: 'correct horse battery' }),
    });
    expect(officerLogin.status).toBe(200);
    const officerCookie = (officerLogin.headers.get('set-cookie') ?? '').split(';')[0]!;
    for (const [path, name, type] of [['story-photos', photo, 'image/jpeg'], ['unit-files', scan, 'application/pdf']] as const) {
      const res = await served.request(`http://localhost/l/lam-ha/api/v1/${path}/${name}`, { headers: { cookie: officerCookie } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(name);
    }
  }, 30_000);

  it('refuses a ward whose named files are missing or damaged, listing them, before anything is written', async () => {
    const partial = cities.tempDir();
    cpSync(wardFiles, partial, { recursive: true });
    unlinkSync(join(partial, scan));
    const damaged = readFileSync(join(partial, photo));
    damaged[damaged.length - 3] ^= 0xff;
    writeFileSync(join(partial, photo), damaged);
    const to = localityFilesDir({ dataDir }, 'thieu-anh');
    const refused = importLocality({ from: wardFile, slug: 'thieu-anh', registry, stores, files: { from: partial, to }, now: Date.now() });
    await expect(refused).rejects.toBeInstanceOf(ImportRefusedError);
    await expect(refused).rejects.toThrow(/2 of the 2 evidence files the ward's records name are missing or damaged[^]*Nothing was imported/);
    await expect(refused).rejects.toThrow(`${scan}: missing`);
    await expect(refused).rejects.toThrow(`${photo}: damaged`);
    // No folder given while the records name files: refused the same way.
    await expect(importLocality({ from: wardFile, slug: 'thieu-anh', registry, stores, files: { to }, now: Date.now() })).rejects.toThrow(/2 of the 2 evidence files[^]*no files folder/);
    expect((await registry.list()).map((l) => l.slug)).toEqual(['lam-ha']);
    expect(existsSync(to)).toBe(false);
  }, 30_000);

  it('refuses a file from a newer version, and one that is not a ward database, changing nothing', async () => {
    const newer = join(cities.tempDir(), 'newer.sqlite');
    const copy = new Database(wardFile, { readonly: true });
    await copy.backup(newer);
    copy.close();
    const edit = new Database(newer);
    edit.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', Date.parse('2030-01-01T00:00:00Z'));
    edit.close();
    await expect(importLocality({ from: newer, slug: 'tuong-lai', registry, stores, files: { from: wardFiles, to: cities.tempDir() }, now: Date.now() })).rejects.toThrow(/newer version of Học vụ số \(a schema change of 2030-01-01/);
    const notWard = join(cities.tempDir(), 'other.sqlite');
    new Database(notWard).exec('CREATE TABLE t (x)');
    await expect(importLocality({ from: notWard, slug: 'khac', registry, stores, files: { to: cities.tempDir() }, now: Date.now() })).rejects.toBeInstanceOf(ImportRefusedError);
    await expect(importLocality({ from: join(cities.tempDir(), 'missing.sqlite'), slug: 'khac', registry, stores, files: { to: cities.tempDir() }, now: Date.now() })).rejects.toThrow(/Cannot open/);
    expect((await registry.list()).map((l) => l.slug)).toEqual(['lam-ha']);
  }, 30_000);
});
