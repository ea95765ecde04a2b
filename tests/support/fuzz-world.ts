// The shared fixture of the fuzz and rights tests, built once through the
// real API: two learners with profiles, two guides of different residential
// groups (each with a session), a reviewer and an admin, all logged in.
// Building it costs several scrypt hashes, so it is built once and then
// copied: each route gets its own copy of the database (sessions live in it,
// so the cookies keep working), and a destructive request on one route
// (DELETE /me, logout) cannot disturb the next. On SQLite the copy is of the
// file; on PostgreSQL (TEST_ENGINE=postgres) a new database is made from the
// world's, closed, database as its template.
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { createStaffAccount } from '../../server/accounts/guides.ts';
import { DB_FILE_NAME, openDb } from '../../server/db/open.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { drawKeyOf } from '../../server/integrity/draw-key.ts';
import { sql } from 'drizzle-orm';
import { freshPgEngine, pgDatabaseName } from './pg-test-app.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { completion, login, ORIGIN, registerLearner, setupTestApp, TEST_ENGINE, TEST_HASHER, TEST_PASSWORD_COST } from '../integration/helpers.ts';
import { assistedCompletion, assistedRegistered, GUIDE_DEVICE, guideSyncResults, sessionCreated } from '../integration/guide-support.ts';
import { PLAIN_JPEG, sha256 } from './crafted-images.ts';
import { CATALOG, consentGiven, profileUpdated, syncEvents } from '../integration/resident-support.ts';
import { approvedRecording, asGuide, BULLETIN_BODY, expectAccepted, recordActivities, seedRegisters, WORLD_ACTIVITIES, worldStories, type Staff, type WorldRegisters } from './fuzz-world-records.ts';

export { asGuide, BULLETIN_BODY, WORLD_ACTIVITIES };

export const WORLD_NOW = Date.parse('2025-06-20T02:00:00Z');
const PASSWORD = 'correct horse battery';

export const ROLES = ['anonymous', 'learner', 'otherLearner', 'guide', 'otherGuide', 'reviewer', 'admin', 'unit', 'otherUnit'] as const;
export type Role = (typeof ROLES)[number];

/** Personal values seeded below; reviewers (and guides of other groups) must never see them. */
export const PERSONAL = {
  learnerName: 'Nguyễn Thị Hoà',
  otherLearnerName: 'Phạm Văn Đức',
  assistedName: 'Bà Lê Thị Sáu',
  householdLabel: 'Số 17 ngõ 92 Trần Hưng Đạo',
  learnerBirthYear: 1937,
  assistedBirthYear: 1939,
};

type Learner = Awaited<ReturnType<typeof registerLearner>>;

async function staff(t: ReturnType<typeof setupTestApp>, username: string, role: 'guide' | 'reviewer' | 'admin' | 'unit', groups: string[], unitId?: string): Promise<Staff> {
  const user = await createStaffAccount(t.engine, {
    username,
    password: PASSWORD,
    role,
    team: role === 'guide' ? 'cns' : null,
    groups,
    unitId,
    displayName: `Cán bộ ${username}`,
  }, t.clock.now, TEST_HASHER);
  const cookie = await login(t, username, PASSWORD);
  return { id: user.id, username, password: PASSWORD, headers: { cookie, origin: ORIGIN } };
}

export interface World {
  learner: Learner;
  otherLearner: Learner;
  guide: Staff;
  otherGuide: Staff;
  reviewer: Staff;
  admin: Staff;
  /** Unit officers of TTSNC and of KT-HT-ĐT (sample units of migration 0007). */
  unit: Staff;
  otherUnit: Staff;
  /** The guide's session (residential group tdp-1) and the other guide's (tdp-2). */
  session: { id: string; code: string };
  otherSession: { id: string; code: string };
  assistedId: string;
  /** A group nothing refers to, so an admin may delete it. */
  spareGroup: string;
  /** TTSNC's news stories, written by its officer, one in each status a step starts from. */
  stories: { draft: string; submitted: string; approved: string; published: string };
  /** Story photos TTSNC's officer uploaded: one on the draft story, one on the published story (public). */
  storyPhotos: { draft: string; published: string };
  /** A loudspeaker bulletin of TTSNC, scheduled on past days (its officer may mark them aired). */
  bulletin: string;
  /** The stored hash of an evidence photo TTSNC's officer uploaded. */
  evidence: string;
  /** A lesson recording by the guide, approved by the reviewer: its record id and stored hash. */
  lessonAudio: { id: string; sha256: string };
  /** Register entries of TTSNC (the unit officer's unit): a difficulty, a false-information entry, a budget proposal. */
  registers: WorldRegisters;
  /** What each unit recorded in the sample plan (WORLD_ACTIVITIES), for the scope of the tracker's answers. */
  activities: typeof WORLD_ACTIVITIES;
  /** A spot-check list drawn by the reviewer, with at least one item. */
  spotCheckId: number;
  /** Credentials of each role: request headers (none for anonymous). */
  auth: Record<Role, Record<string, string>>;
  /** The learner id a role's own data belongs to (learners only). */
  own: Partial<Record<Role, string>>;
}

export async function buildWorld(): Promise<{ world: World; file: string; dir: string }> {
  const t = setupTestApp({ now: WORLD_NOW, catalog: CATALOG, config: { trustProxy: true } });
  const [guide, otherGuide, reviewer, admin, unit, otherUnit] = await Promise.all([
    staff(t, 'guide-to-1', 'guide', ['tdp-1']),
    staff(t, 'guide-to-2', 'guide', ['tdp-2']),
    staff(t, 'reviewer', 'reviewer', []),
    staff(t, 'admin', 'admin', []),
    staff(t, 'can-bo-ttsnc', 'unit', [], 'ttsnc'),
    staff(t, 'can-bo-kthtdt', 'unit', [], 'kt-ht-dt'),
  ]);
  const put = await t.request('/api/v1/ward/groups/to-du-phong', {
    method: 'PUT',
    headers: { ...admin.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Tổ dự phòng' }),
  });
  if (put.status !== 200) throw new Error(`spare group: ${put.status}`);
  // An LED screen, for its public feed and the office's routes.
  const screen = await t.request('/api/v1/displays/cong-phuong', {
    method: 'PUT',
    headers: { ...admin.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Cổng UBND phường', slides: [{ kind: 'qr', seconds: 10 }, { kind: 'coverage', seconds: 12 }] }),
  });
  if (screen.status !== 200) throw new Error(`LED screen: ${screen.status}`);

  const g = asGuide(guide);
  const og = asGuide(otherGuide);
  const starts = '2025-06-20T08:30:00+07:00';
  const s1 = sessionCreated(g, { code: 'ACDE3467', groupId: 'tdp-1', startsAt: starts });
  const s2 = sessionCreated(og, { code: 'FGHJ4679', groupId: 'tdp-2', startsAt: starts, title: 'Buổi học tổ 2' });
  const assisted = assistedRegistered(g, { name: PERSONAL.assistedName, birthYear: PERSONAL.assistedBirthYear, groupId: 'tdp-1', sessionId: s1.sessionId });
  const env = { recordedBy: guide.id, deviceId: GUIDE_DEVICE, occurredAt: '2025-06-20T09:00:00+07:00' };
  const household = { ...env, id: uuidv7(), type: 'household.created', householdId: uuidv7(), groupId: 'tdp-1', label: PERSONAL.householdLabel };
  // A lesson the guide recorded: the spot-check list samples such records.
  const recorded = assistedCompletion(g, assisted.learnerId, { occurredAt: env.occurredAt, sessionId: s1.sessionId });
  await expectAccepted(await guideSyncResults(t, g, [s1, assisted, household, recorded]));
  await expectAccepted(await guideSyncResults(t, og, [s2]));

  const { stories, storyPhotos } = await worldStories(t, unit, reviewer);

  const learner = await registerLearner(t);
  const otherLearner = await registerLearner(t);
  const seed = (l: Learner, name: string, birthYear: number, group: string, code: string) => [
    consentGiven(l.id),
    profileUpdated(l.id, { displayName: name, birthYear, residentialGroupId: group }),
    { id: uuidv7(), type: 'session.joined', learnerId: l.id, deviceId: 'device-test-0001', occurredAt: '2025-06-20T09:05:00+07:00', code, method: 'code' },
    ...['strong-passwords', 'phishing'].map((lessonId) => completion(l.id, { lessonId, occurredAt: '2025-06-20T09:30:00+07:00' })),
  ];
  await expectAccepted(await syncEvents(t, learner.auth, seed(learner, PERSONAL.learnerName, PERSONAL.learnerBirthYear, 'tdp-1', s1.code)));
  await expectAccepted(await syncEvents(t, otherLearner.auth, seed(otherLearner, PERSONAL.otherLearnerName, 1941, 'tdp-2', s2.code)));

  // An evidence photo of TTSNC (stored in t.dir/files, copied with each fork).
  const photo = await t.request(`/api/v1/unit-files/${sha256(PLAIN_JPEG)}`, { method: 'PUT', headers: { ...unit.headers, 'content-type': 'application/octet-stream' }, body: PLAIN_JPEG });
  if (photo.status !== 201) throw new Error(`evidence photo: ${photo.status}`);
  const evidence = ((await photo.json()) as { sha256: string }).sha256;
  const lessonAudio = await approvedRecording(t, guide, reviewer);
  const registers = await seedRegisters(t, unit);
  await recordActivities(t, { ttsnc: unit, 'kt-ht-dt': otherUnit });
  const saved = await t.request('/api/v1/bulletins', { method: 'POST', headers: { ...unit.headers, 'content-type': 'application/json' }, body: JSON.stringify(BULLETIN_BODY) });
  if (saved.status !== 201) throw new Error(`bulletin: ${saved.status} ${await saved.text()}`);
  const bulletin = ((await saved.json()) as { id: string }).id;
  const drawn = await t.request('/api/v1/integrity/spot-checks', {
    method: 'POST',
    headers: { ...reviewer.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ from: '2025-06-01', to: '2025-06-20', size: 5 }),
  });
  if (drawn.status !== 201) throw new Error(`spot-check: ${drawn.status}`);
  const spotCheckId = ((await drawn.json()) as { id: number }).id;

  // Plausibility holds of both families, so every route also meets held records (server/integrity):
  // a lesson done in 0 s on a phone, and a guide's lesson recorded the day before the session it names.
  await expectAccepted(await syncEvents(t, otherLearner.auth, [completion(otherLearner.id, { courseId: 'public-services', lessonId: 'portal', durationSec: 0, occurredAt: '2025-06-20T09:40:00+07:00' })]));
  await expectAccepted(await guideSyncResults(t, g, [assistedCompletion(g, assisted.learnerId, { lessonId: 'phishing', sessionId: s1.sessionId, occurredAt: '2025-06-19T09:00:00+07:00' })]));
  // And a certificate, so the certificate routes and /verify work out a standing.
  const cert = await t.request('/api/v1/certificates', { method: 'POST', headers: { ...learner.auth, 'content-type': 'application/json' }, body: JSON.stringify({ courseId: 'cyber-safety' }) });
  if (cert.status !== 201) throw new Error(`certificate: ${cert.status}`);
  if (Number((await t.engine.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM integrity_holds WHERE status = 'held'`))!.n) !== 2) throw new Error('world: the two held records are not held');

  const file = await keepWorld(t);
  const world: World = {
    learner,
    otherLearner,
    guide,
    otherGuide,
    reviewer,
    admin,
    unit,
    otherUnit,
    session: { id: s1.sessionId, code: s1.code },
    otherSession: { id: s2.sessionId, code: s2.code },
    assistedId: assisted.learnerId,
    spareGroup: 'to-du-phong',
    stories,
    storyPhotos,
    bulletin,
    evidence,
    lessonAudio,
    registers,
    activities: WORLD_ACTIVITIES,
    spotCheckId,
    auth: {
      anonymous: {},
      learner: learner.auth,
      otherLearner: otherLearner.auth,
      guide: guide.headers,
      otherGuide: otherGuide.headers,
      reviewer: reviewer.headers,
      admin: admin.headers,
      unit: unit.headers,
      otherUnit: otherUnit.headers,
    },
    own: { learner: learner.id, otherLearner: otherLearner.id },
  };
  return { world, file, dir: t.dir };
}

/** Request limits high enough that thousands of fuzz inputs reach the
 * handlers; the limits themselves are tested in request-limits.test.ts. */
const LIFTED = { limit: 1_000_000, windowMs: 60_000 };
export const LIFTED_LIMITS = { syncPerLearner: LIFTED, syncPerGuide: LIFTED, syncPerAddress: LIFTED, registerPerAddress: LIFTED, recoveryPerAddress: LIFTED, recoveryCodesPerLearner: LIFTED, verifyPerAddress: LIFTED, uploadsPerLogin: LIFTED };

/** The world's database kept for forking: on SQLite a copy of its file; on
 * PostgreSQL the database itself, closed, named by a file beside the files. */
async function keepWorld(t: ReturnType<typeof setupTestApp>): Promise<string> {
  if (t.engine.kind === 'sqlite') {
    const file = join(t.dir, 'world.sqlite');
    await t.sqlite.backup(file);
    t.sqlite.close();
    return file;
  }
  await countRowChanges(t.engine);
  const file = join(t.dir, 'world.pg');
  writeFileSync(file, pgDatabaseName(t.engine));
  await t.engine.close();
  return file;
}

/** SQLite's total_changes() on PostgreSQL: every row a statement inserts, updates or deletes draws a number from a
 * sequence (not rolled back, like SQLite's count). The limits' windows are left out: on PostgreSQL they are a table
 * every counted request writes, on SQLite they are in memory (the harness's snapshot leaves them out too). */
async function countRowChanges(engine: Engine) {
  await engine.run(sql.raw('CREATE SEQUENCE test_row_changes'));
  await engine.run(sql.raw("CREATE FUNCTION test_row_changed() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN PERFORM nextval(''test_row_changes''); RETURN NULL; END'"));
  const tables = await engine.all<{ name: string }>(sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'shared_windows'`);
  for (const { name } of tables) {
    await engine.run(sql`CREATE TRIGGER test_row_changed AFTER INSERT OR UPDATE OR DELETE ON ${sql.identifier(name)} FOR EACH ROW EXECUTE FUNCTION test_row_changed()`);
  }
}

/** A fresh app over a copy of the world's database. */
export function forkWorld(file: string, options: { liftLimits?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-fuzz-'));
  const files = join(dirname(file), 'files');
  if (existsSync(files)) cpSync(files, join(dir, 'files'), { recursive: true });
  const config = { trustProxy: true, passwordCost: TEST_PASSWORD_COST, ...(options.liftLimits ? { requestLimits: LIFTED_LIMITS } : {}) };
  let app: ReturnType<typeof createApp>;
  let engine: Engine;
  let changes: () => Promise<number>;
  if (TEST_ENGINE === 'postgres') {
    engine = freshPgEngine(readFileSync(file, 'utf8'));
    app = createApp({ engine, drawKey: drawKeyOf(join(dir, DB_FILE_NAME)), config: { ...config, filesDir: join(dir, 'files') }, now: () => WORLD_NOW, catalog: CATALOG });
    changes = async () => Number((await engine.get<{ n: number }>(sql`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM test_row_changes`))!.n);
  } else {
    copyFileSync(file, join(dir, DB_FILE_NAME));
    const { db, sqlite } = openDb(dir);
    engine = engineOfSqlite(sqlite);
    app = createApp({ db, sqlite, config, now: () => WORLD_NOW, catalog: CATALOG });
    changes = async () => (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }
  return {
    app,
    /** The fork's database, on either engine. */
    engine,
    /** Rows written through this database so far: a refused request must not move it. */
    changes,
    /** Audit entries of failed logins: the one write a refusal (a wrong password) must make. */
    failedLogins: async () => Number((await engine.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('auth.login_failed', 'auth.login_locked')`))!.n),
    request: (path: string, init: RequestInit = {}) => app.request(`${ORIGIN}${path}`, init),
    async close() {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type Fork = ReturnType<typeof forkWorld>;
