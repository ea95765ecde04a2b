// Who may do what: every API route × every role, from the rights table in
// tests/support/route-inventory.ts. Allowed requests succeed with a
// schema-valid answer (a learner's answer holds only their own data);
// refused ones get 401/403 and write nothing; where the answer depends on who
// asks (a unit officer's tracker), it holds what the route's scope says.
// Reviewers (and guides of other groups) never see a resident's name, birth
// year, address or learner id.
import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSchema } from '../../shared/api.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { completion, DEVICE_ID } from './helpers.ts';
import { assistedCompletion, assistedRegistered, GUIDE_DEVICE, outcome } from './guide-support.ts';
import { deletionRequested, profileUpdated } from './resident-support.ts';
import { asGuide, buildWorld, forkWorld, PERSONAL, ROLES, type Fork, type Role, type World } from '../support/fuzz-world.ts';
import { appRouteKeys, fillPath, inventoryGaps, ROUTES, successProblem, type RouteSpec } from '../support/route-inventory.ts';

let world: World;
let file: string;
let dir: string;
beforeAll(async () => {
  ({ world, file, dir } = await buildWorld());
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Values a role must never find in any answer it is allowed to read. */
function forbiddenFor(role: Role): string[] {
  const w = world;
  const residents = [PERSONAL.learnerName, PERSONAL.otherLearnerName, PERSONAL.assistedName, PERSONAL.householdLabel, String(PERSONAL.learnerBirthYear), String(PERSONAL.assistedBirthYear), w.learner.id, w.otherLearner.id, w.assistedId];
  switch (role) {
    case 'reviewer':
    case 'admin': // the office reads the same aggregates as the reviewer
    case 'unit': // unit officers read plans and their unit's log, never residents
    case 'otherUnit':
      return residents;
    case 'learner':
      return [PERSONAL.otherLearnerName, w.otherLearner.id, PERSONAL.assistedName, w.assistedId];
    case 'otherLearner':
      return [PERSONAL.learnerName, w.learner.id, PERSONAL.assistedName, w.assistedId];
    case 'otherGuide': // tdp-1's residents belong to the guide of tdp-1
      return [PERSONAL.learnerName, PERSONAL.assistedName, PERSONAL.householdLabel, w.learner.id, w.assistedId];
    default:
      return [];
  }
}

/** Routes whose answer is public by design or is the caller's own redeemed data. */
const PUBLIC_DATA = new Set(['POST /api/v1/recovery']);

async function answerText(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('spreadsheetml')) return res.text();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join('\n');
}

const eventCount = async (f: Fork) => Number((await f.engine.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`))!.n);

async function send(f: Fork, spec: RouteSpec, role: Role) {
  const body = spec.body ? await spec.body(world, role, f) : undefined;
  const headers: Record<string, string> = { ...world.auth[role] };
  // Every write is JSON, so a staff cookie passes the CSRF guard and the
  // answer is the route's own decision, not the guard's.
  if (spec.method !== 'GET') headers['content-type'] = spec.raw ? 'application/octet-stream' : 'application/json';
  const path = fillPath(spec.pattern, spec.params?.(world) ?? {});
  const before = await f.changes();
  const res = await f.request(path, { method: spec.method, headers, body: spec.raw ? spec.raw() : body === undefined ? undefined : JSON.stringify(body) });
  return { res, written: (await f.changes()) - before };
}

describe('rights table', () => {
  it('has a row for every route the app serves, and none for routes it does not', async () => {
    const f = forkWorld(file);
    try {
      const { missing, stale } = inventoryGaps(f.app);
      expect(missing, `routes without a row in tests/support/route-inventory.ts (RIGHTS and SPECS): ${missing.join(', ')}`).toEqual([]);
      expect(stale, `rows for routes the app no longer serves: ${stale.join(', ')}`).toEqual([]);
      expect(appRouteKeys(f.app).length).toBe(ROUTES.length);
    } finally {
      await f.close();
    }
  });

  describe.each(ROUTES.map((spec) => [spec.key, spec] as const))('%s', (_key, spec) => {
    // Refusals first, so the allowed (possibly destructive) requests come last.
    const order = [...ROLES].sort((a, b) => Number(spec.rights[a] === 'ok') - Number(spec.rights[b] === 'ok'));
    it(order.map((r) => `${r}→${spec.rights[r]}`).join(' '), async () => {
      const f = forkWorld(file);
      try {
        for (const role of order) {
          const expected = spec.rights[role];
          const { res, written } = await send(f, spec, role);
          const where = `${spec.key} as ${role}`;
          if (expected !== 'ok') {
            expect(res.status, where).toBe(expected);
            expect(errorSchema.safeParse(await res.json()).success, `${where}: JSON error body`).toBe(true);
            expect(written, `${where}: a refused request wrote ${written} row(s)`).toBe(0);
            continue;
          }
          expect(res.status, `${where}: ${res.status >= 400 ? await res.clone().text() : ''}`).toBeGreaterThanOrEqual(200);
          expect(res.status, where).toBeLessThan(300);
          expect(await successProblem(spec, res.clone()), where).toBeNull();
          if (PUBLIC_DATA.has(spec.key)) continue;
          const text = await answerText(res);
          if (spec.scope) expect(spec.scope(JSON.parse(text), role, world), `${where}: out of scope`).toBeNull();
          for (const value of forbiddenFor(role)) expect(text.includes(value), `${where}: the answer contains "${value}"`).toBe(false);
          if (spec.key === 'GET /api/v1/me') expect(JSON.parse(text).learner.id, where).toBe(world.own[role]);
        }
      } finally {
        await f.close();
      }
    }, 60_000);
  });

  it('the personal-data check can fail: the guide of the group does see their residents', async () => {
    const f = forkWorld(file);
    try {
      const res = await f.request(`/api/v1/guide/sessions/${world.session.id}`, { headers: world.guide.headers });
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).toContain(PERSONAL.assistedName);
      expect(forbiddenFor('reviewer').some((v) => text.includes(v))).toBe(true);
    } finally {
      await f.close();
    }
  });

  it("a learner's erasure removes only their own data", async () => {
    const f = forkWorld(file);
    try {
      expect((await f.request('/api/v1/me', { method: 'DELETE', headers: world.learner.auth })).status).toBe(204);
      expect((await f.request('/api/v1/me', { headers: world.learner.auth })).status).toBe(401);
      const other = await f.request('/api/v1/me', { headers: world.otherLearner.auth });
      expect(other.status).toBe(200);
      expect((await other.json()).profile.displayName).toBe(PERSONAL.otherLearnerName);
    } finally {
      await f.close();
    }
  });

  // Inside an allowed sync, each event is checked too: a 200 must not let one
  // learner or guide write into someone else's records.
  const jsonPost = (f: Fork, path: string, headers: Record<string, string>, body: unknown) =>
    f.request(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const rejectedCodes = async (res: Response) => ((await res.json()) as { results: Array<{ status: string; error?: { code: string } }> }).results.map((r) => `${r.status}:${r.error?.code}`);

  it("a learner's sync of events naming another learner rejects each one and leaves that learner's data as it was", async () => {
    const f = forkWorld(file);
    try {
      const theirs = await (await f.request('/api/v1/me', { headers: world.otherLearner.auth })).text();
      const events = await eventCount(f);
      const B = world.otherLearner.id;
      const res = await jsonPost(f, '/api/v1/sync', world.learner.auth, { deviceId: DEVICE_ID, events: [completion(B), profileUpdated(B, { displayName: 'Kẻ mạo danh' }), deletionRequested(B)] });
      expect(res.status).toBe(200);
      expect(await rejectedCodes(res)).toEqual(['rejected:forbidden', 'rejected:forbidden', 'rejected:forbidden']);
      expect(await eventCount(f)).toBe(events);
      expect(await (await f.request('/api/v1/me', { headers: world.otherLearner.auth })).text()).toBe(theirs);
    } finally {
      await f.close();
    }
  });

  it("a guide's sync into another group, for another group's residents or as another guide rejects each event and writes nothing", async () => {
    const f = forkWorld(file);
    try {
      const og = asGuide(world.otherGuide);
      const g = asGuide(world.guide);
      const household = { id: uuidv7(), type: 'household.created', recordedBy: og.id, deviceId: GUIDE_DEVICE, occurredAt: '2025-06-20T10:00:00+07:00', householdId: uuidv7(), groupId: 'tdp-1', label: 'Số 1' };
      const events = [assistedRegistered(og, { groupId: 'tdp-1' }), assistedCompletion(og, world.assistedId), outcome(og, world.learner.id), household, assistedRegistered(g, { groupId: 'tdp-2' })];
      const before = await f.changes();
      const res = await jsonPost(f, '/api/v1/guide/sync', world.otherGuide.headers, { deviceId: GUIDE_DEVICE, events });
      expect(res.status).toBe(200);
      expect(await rejectedCodes(res)).toEqual(events.map(() => 'rejected:forbidden'));
      expect((await f.changes()) - before).toBe(0);
    } finally {
      await f.close();
    }
  });

  // Held records (server/integrity) pass only through a reviewer's decision: neither the learner
  // they belong to nor the guide who recorded them can count them, certify them or accept them.
  it('a held course gives no certificate; only a reviewer or admin can accept held records, the learner and guides cannot', async () => {
    const f = forkWorld(file);
    try {
      const L = world.learner.id;
      const lessons = ['what-is-vneid', 'vneid-levels', 'portal'].map((lessonId, i) => completion(L, { courseId: 'public-services', lessonId, durationSec: 0, occurredAt: `2025-06-20T09:4${i}:00+07:00` }));
      expect((await (await jsonPost(f, '/api/v1/sync', world.learner.auth, { deviceId: DEVICE_ID, events: lessons })).json()).results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      const claim = () => jsonPost(f, '/api/v1/certificates', world.learner.auth, { courseId: 'public-services' });
      const refused = await claim();
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.code).toBe('under_review');
      const review = (headers: Record<string, string>, learnerId: string) => jsonPost(f, `/api/v1/integrity/learners/${learnerId}/review`, headers, { decision: 'accepted' });
      const before = await f.changes();
      for (const [role, status] of [['learner', 401], ['otherLearner', 401], ['guide', 403], ['otherGuide', 403], ['unit', 403]] as const) {
        expect((await review(world.auth[role], L)).status, role).toBe(status);
        // The guide of the group may not accept their own held record either.
        expect((await review(world.auth[role], world.assistedId)).status, role).toBe(status);
      }
      expect((await f.changes()) - before).toBe(0);
      expect((await claim()).status).toBe(422);
      expect((await (await review(world.reviewer.headers, L)).json()).records).toBe(3);
      expect((await (await review(world.admin.headers, world.assistedId)).json()).records).toBe(1);
      const issued = await claim();
      expect(issued.status).toBe(201);
      const verify = await f.request(`/verify/${(await issued.json()).code}`);
      expect(await verify.text()).toContain('data-standing="valid"');
    } finally {
      await f.close();
    }
  });
});
