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
import { jpegWithComment, PLAIN_JPEG, sha256 } from './crafted-images.ts';
import { webmAudio } from './crafted-audio.ts';
import { CATALOG, consentGiven, profileUpdated, syncEvents } from '../integration/resident-support.ts';

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
type Staff = { id: string; username: string; password: string; headers: { cookie: string; origin: string } };

/** A staff member in the shape guide-support.ts's event builders take. */
export const asGuide = (s: Staff) => ({ id: s.id, cookie: s.headers.cookie, headers: s.headers });

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
  registers: { difficulty: string; misinformation: string; budget: string; screenshot: string };
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

/** A bulletin scheduled on two past Mondays over one loudspeaker cluster and a residential group. */
export const BULLETIN_BODY = {
  kind: 'news',
  title: 'Phường hướng dẫn cài VNeID',
  body: 'Tối thứ bảy, tổ công nghệ số cộng đồng hướng dẫn bà con cài ứng dụng tại nhà văn hóa.',
  rate: 200,
  schedule: { days: { kind: 'dates', dates: ['2025-05-05', '2025-05-12'] }, time: '06:30', clusters: ['Cụm loa chợ'], groups: ['tdp-1'] },
};

/** A lesson screen the guide recorded (file first, then the record) and the reviewer approved. */
async function approvedRecording(t: ReturnType<typeof setupTestApp>, guide: Staff, reviewer: Staff) {
  const audio = webmAudio();
  const hash = sha256(audio);
  const up = await t.request(`/api/v1/lesson-audio/files/${hash}`, { method: 'PUT', headers: { ...guide.headers, 'content-type': 'application/octet-stream' }, body: audio });
  if (up.status !== 201) throw new Error(`lesson audio: ${up.status}`);
  const id = uuidv7();
  const record = { id, type: 'audio.recorded', recordedBy: guide.id, deviceId: GUIDE_DEVICE, occurredAt: '2025-06-20T09:00:00+07:00', courseId: 'cyber-safety', lessonId: 'phishing', step: 1, lang: 'vi', contentVersion: 'v1', durationSec: 20, file: { sha256: hash, type: 'audio/webm', bytes: audio.length } };
  await expectAccepted(await guideSyncResults(t, asGuide(guide), [record]));
  const approved = await t.request(`/api/v1/lesson-audio/recordings/${id}/approve`, { method: 'POST', headers: { ...reviewer.headers, 'content-type': 'application/json' }, body: '{}' });
  if (approved.status !== 200) throw new Error(`approve lesson audio: ${approved.status}`);
  return { id, sha256: hash };
}

/** Four stories of TTSNC moved through the steps, each left in one status. */
async function worldStories(t: ReturnType<typeof setupTestApp>, officer: Staff, reviewer: Staff) {
  const send = async (who: Staff, method: string, path: string, body: unknown = {}) => {
    const res = await t.request(path, { method, headers: { ...who.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`story fixture ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const upload = async (bytes: Buffer) => {
    const res = await t.request(`/api/v1/story-photos/${sha256(bytes)}`, { method: 'PUT', headers: { ...officer.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
    if (res.status !== 201) throw new Error(`story photo: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { sha256: string }).sha256;
  };
  const storyPhotos = { draft: await upload(jpegWithComment('nhap')), published: await upload(jpegWithComment('da dang')) };
  const steps = ['submit', 'approve', 'publish'] as const;
  const ids: string[] = [];
  for (let n = 0; n <= steps.length; n++) {
    const photo = n === 0 ? storyPhotos.draft : n === steps.length ? storyPhotos.published : undefined;
    const { id } = await send(officer, 'POST', '/api/v1/stories', {
      kind: 'announcement',
      title: `Thông báo ${n + 1}`,
      body: 'Lịch hướng dẫn **cài VNeID** tại nhà văn hóa.',
      namesPrivate: false,
      photos: photo ? [{ sha256: photo, alt: 'Nhà văn hóa tổ dân phố' }] : [],
    });
    for (const step of steps.slice(0, n)) await send(step === 'submit' ? officer : reviewer, 'POST', `/api/v1/stories/${id}/${step}`);
    ids.push(id);
  }
  const [draft, submitted, approved, published] = ids;
  return { stories: { draft, submitted, approved, published }, storyPhotos };
}

/** Activities of the two officers' units in the sample plan, unlike in form and content item, so a view of one unit
 * that held the other's figures would show them. */
export const WORLD_ACTIVITIES = {
  ttsnc: [{ startsOn: '2025-06-10', formCode: '2.4', subFormId: 'radio-news', contentItems: ['1.2'], title: 'Tin về Nghị quyết 57 trên loa phường' }],
  'kt-ht-dt': [
    { startsOn: '2025-06-12', formCode: '2.1', subFormId: 'infographic', contentItems: ['1.4'], title: 'Infographic hỗ trợ doanh nghiệp' },
    { startsOn: '2025-06-13', formCode: '2.1', subFormId: 'infographic', contentItems: ['1.4', '1.5'], title: 'Infographic chuyển đổi số doanh nghiệp' },
  ],
};

/** Each unit's activities of WORLD_ACTIVITIES, sent by its own officer through the unit sync. */
async function recordActivities(t: ReturnType<typeof setupTestApp>, officers: Record<keyof typeof WORLD_ACTIVITIES, Staff>) {
  for (const [unitId, list] of Object.entries(WORLD_ACTIVITIES)) {
    const officer = officers[unitId as keyof typeof WORLD_ACTIVITIES];
    const events = list.map((a) => ({
      id: uuidv7(),
      type: 'activity.recorded',
      recordedBy: officer.id,
      deviceId: GUIDE_DEVICE,
      occurredAt: `${a.startsOn}T10:00:00+07:00`,
      unitId,
      planId: 'sample-nq57',
      activityId: uuidv7(),
      place: '',
      audiences: ['residents'],
      reach: {},
      links: [],
      ...a,
    }));
    const res = await t.request('/api/v1/units/sync', { method: 'POST', headers: { ...officer.headers, 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: GUIDE_DEVICE, events }) });
    if (res.status !== 200) throw new Error(`unit activities: ${res.status} ${await res.text()}`);
    await expectAccepted(((await res.json()) as { results: Array<{ status: string }> }).results);
  }
}

/** One entry in each register, filed by TTSNC's officer through the API. */
async function seedRegisters(t: ReturnType<typeof setupTestApp>, unit: Staff): Promise<World['registers']> {
  const post = async (path: string, body: unknown) => {
    const res = await t.request(`/api/v1/registers/${path}`, { method: 'POST', headers: { ...unit.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`register ${path}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  const planId = 'sample-nq57';
  // A screenshot of the post, uploaded before the entry that names it.
  const shot = jpegWithComment('anh chup bai viet');
  const up = await t.request(`/api/v1/registers/screenshots/${sha256(shot)}`, { method: 'PUT', headers: { ...unit.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(shot) });
  if (up.status !== 201) throw new Error(`register screenshot: ${up.status} ${await up.text()}`);
  const screenshot = ((await up.json()) as { sha256: string }).sha256;
  return {
    screenshot,
    difficulty: await post('difficulties', { planId, itemCode: '1.2', summary: 'Thiếu loa ở tổ 5', raisedOn: '2025-06-18' }),
    misinformation: await post('misinformation', {
      planId,
      platform: 'facebook',
      link: 'https://social.example/share/p/abc123',
      seenOn: '2025-06-19',
      description: 'Bài viết nói định danh điện tử mức 2 phải nộp phí',
      assessment: 'Sai sự thật',
      action: 'reported',
      actionOn: '2025-06-19',
      status: 'following',
      screenshotFile: screenshot,
    }),
    budget: await post('budget', { planId, title: 'In tờ rơi', proposedOn: '2025-06-19', lines: [{ description: 'Tờ rơi A5', quantity: 500, proposedAmount: 750_000 }] }),
  };
}

async function expectAccepted(results: Array<{ status: string }>) {
  const bad = results.filter((r) => r.status !== 'accepted');
  if (bad.length) throw new Error(`fixture events not accepted: ${JSON.stringify(bad)}`);
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
