// Classes of sync input the field probe found, generated rather than written
// once, each judged by its rule (issue #19 §4 and §6), so none comes back:
// - far past: a phone whose clock reset (year 1, 1900, 1970 or any date more
//   than a year before arrival) is accepted and counted when it arrived;
// - pending join: a check-in to a well-formed code no guide has synced yet
//   is accepted and kept, and matches the session once the guide's phone
//   syncs it (the check character is the phone's to judge: the server keeps
//   any well-formed code, as codes made by older guide phones have none);
// - id conflict: a record id already stored for another recorder (another
//   learner, or another guide) is answered `conflict`, never `duplicate`,
//   and nothing changes for either.
// Run by tests/integration/fuzz-routes.test.ts on a fork of the fuzz world.
import fc from 'fast-check';
import { sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import { SESSION_CODE_ALPHABET, sessionCodeCheck } from '../../shared/guide/constants.ts';
import { completion, started } from '../integration/helpers.ts';
import { joined, sessionCreated } from '../integration/guide-support.ts';
import { CATALOG } from '../integration/resident-support.ts';
import { asGuide, WORLD_NOW, type Fork, type World } from './fuzz-world.ts';

const YEAR_MS = 365 * 86_400_000;
const LESSONS = CATALOG.courses.flatMap((c) => c.lessons.map((l) => ({ courseId: c.id, lessonId: l.id })));

/** A moment more than a year before the world's now: the named clock resets, or any such instant. */
const farPast = fc.oneof(
  fc.constantFrom('0001-01-01T00:00:00Z', '0001-06-15T12:30:00Z', '1900-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '1970-01-01T07:00:00+07:00', '0099-12-31T23:59:59Z'),
  fc.integer({ min: Date.UTC(1, 0, 1), max: WORLD_NOW - YEAR_MS - 86_400_000 }).map((ms) => new Date(ms).toISOString()),
);

const codeBody = fc.array(fc.constantFrom(...SESSION_CODE_ALPHABET), { minLength: 7, maxLength: 7 }).map((c) => c.join(''));

export type SyncClassCase =
  | { kind: 'far-past'; occurredAt: string; lesson: number }
  | { kind: 'pending-join'; body: string; guideSyncs: boolean }
  | { kind: 'id-conflict'; family: 'learner' | 'guide'; record: 'completion' | 'started' | 'joined' };

export const syncClassCase: fc.Arbitrary<SyncClassCase> = fc.oneof(
  fc.record({ kind: fc.constant('far-past' as const), occurredAt: farPast, lesson: fc.nat({ max: LESSONS.length - 1 }) }),
  fc.record({ kind: fc.constant('pending-join' as const), body: codeBody, guideSyncs: fc.boolean() }),
  fc.record({ kind: fc.constant('id-conflict' as const), family: fc.constantFrom('learner' as const, 'guide' as const), record: fc.constantFrom('completion' as const, 'started' as const, 'joined' as const) }),
);

interface Answer {
  status: number;
  results: Array<{ id: string; status: string; error?: { code: string } }>;
}

/** Runs `runs` generated cases against the fork; returns how many of each class were tried and what broke a rule. */
export async function runSyncClasses(f: Fork, w: World, seed: number, runs: number): Promise<{ tried: Record<string, number>; problems: string[] }> {
  const tried: Record<string, number> = {};
  const problems: string[] = [];
  const learnerSync = async (who: World['learner'], events: unknown[]): Promise<Answer> => {
    const res = await f.request('/api/v1/sync', { method: 'POST', headers: { ...who.auth, 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: 'device-test-0001', events }) });
    return { status: res.status, results: res.status === 200 ? ((await res.json()) as Answer).results : [] };
  };
  const guideSync = async (g: World['guide'], events: unknown[]): Promise<Answer> => {
    const res = await f.request('/api/v1/guide/sync', { method: 'POST', headers: { ...g.headers, 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: 'guide-phone-0001', events }) });
    return { status: res.status, results: res.status === 200 ? ((await res.json()) as Answer).results : [] };
  };
  const one = async <T>(query: SQL) => (await f.engine.get<T>(query)) ?? undefined;
  const cases = fc.sample(syncClassCase, { seed, numRuns: runs });
  for (const [i, c] of cases.entries()) {
    tried[c.kind] = (tried[c.kind] ?? 0) + 1;
    const fail = (what: string) => problems.push(`#${i} ${JSON.stringify(c)}: ${what}`);
    if (c.kind === 'far-past') {
      const e = completion(w.learner.id, { ...LESSONS[c.lesson], occurredAt: c.occurredAt });
      const a = await learnerSync(w.learner, [e]);
      if (a.results[0]?.status !== 'accepted') fail(`answered ${a.status} ${JSON.stringify(a.results)}`);
      const row = await one<{ effective_at: number }>(sql`SELECT effective_at FROM events WHERE id = ${e.id}`);
      if (row?.effective_at !== WORLD_NOW) fail(`counted at ${row ? new Date(row.effective_at).toISOString() : 'nothing'}, not when it arrived`);
    } else if (c.kind === 'pending-join') {
      const code = c.body + sessionCodeCheck(c.body);
      if (await one(sql`SELECT 1 AS x FROM guide_sessions WHERE code = ${code}`)) continue; // drawn twice: the session exists already
      const e = joined(w.otherLearner.id, code, { occurredAt: new Date(WORLD_NOW - 600_000).toISOString() });
      const a = await learnerSync(w.otherLearner, [e]);
      const stored = await one(sql`SELECT 1 AS x FROM session_checkins WHERE code = ${code} AND learner_id = ${w.otherLearner.id}`);
      if (a.results[0]?.status !== 'accepted' || !stored) fail(`a join of a code not synced yet was ${a.results[0]?.status ?? a.status}${stored ? '' : ', not kept'}`);
      if (c.guideSyncs) {
        const s = sessionCreated(asGuide(w.guide), { sessionId: uuidv7(), code, startsAt: new Date(WORLD_NOW - 1_800_000).toISOString(), occurredAt: new Date(WORLD_NOW - 3_600_000).toISOString() });
        const g = await guideSync(w.guide, [s]);
        if (g.results[0]?.status !== 'accepted') fail(`the guide's session was ${JSON.stringify(g.results)}`);
        const matched = await one(sql`SELECT 1 AS x FROM guide_sessions JOIN session_checkins ON session_checkins.code = guide_sessions.code WHERE guide_sessions.id = ${s.sessionId} AND session_checkins.learner_id = ${w.otherLearner.id}`);
        if (!matched) fail('the pending join did not match the session once the guide synced it');
      }
    } else {
      // The id is first stored for one recorder, then sent by another.
      let id: string;
      let answer: Answer;
      let table: string;
      if (c.family === 'learner') {
        const make = (learnerId: string) => (c.record === 'completion' ? completion(learnerId) : c.record === 'started' ? started(learnerId) : joined(learnerId, w.session.code, { occurredAt: new Date(WORLD_NOW - 600_000).toISOString() }));
        const first = make(w.learner.id);
        await learnerSync(w.learner, [first]);
        id = first.id;
        table = 'events';
        answer = await learnerSync(w.otherLearner, [{ ...make(w.otherLearner.id), id }]);
      } else {
        const first = sessionCreated(asGuide(w.guide), { sessionId: uuidv7(), code: uuidCode() });
        await guideSync(w.guide, [first]);
        id = first.id;
        table = 'guide_events';
        answer = await guideSync(w.otherGuide, [{ ...sessionCreated(asGuide(w.otherGuide), { sessionId: uuidv7(), code: uuidCode(), groupId: 'tdp-2' }), id }]);
      }
      const r = answer.results[0];
      if (r?.status !== 'conflict' || r.error?.code !== 'id_conflict') fail(`answered ${answer.status} ${JSON.stringify(answer.results)}, not a conflict`);
      const rows = await f.engine.all<{ owner: string }>(sql`SELECT ${sql.identifier(c.family === 'learner' ? 'learner_id' : 'recorded_by')} AS owner FROM ${sql.identifier(table)} WHERE id = ${id}`);
      const owner = c.family === 'learner' ? w.learner.id : w.guide.id;
      if (rows.length !== 1 || rows[0].owner !== owner) fail(`the first owner's row became ${JSON.stringify(rows)}`);
    }
  }
  return { tried, problems };
}

/** A fresh valid session code. */
function uuidCode(): string {
  const body = Array.from({ length: 7 }, () => SESSION_CODE_ALPHABET[Math.floor(Math.random() * SESSION_CODE_ALPHABET.length)]).join('');
  return body + sessionCodeCheck(body);
}
