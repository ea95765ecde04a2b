// A resident's own data, the same on a SQLite file and on PostgreSQL: consent
// and profile through the record pipeline, completions read back as a new
// phone restores them, and erasure leaving no row that names the learner in
// any table (found through each engine's own catalogue), only the anonymous
// tally.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { certificates, erasureTally, learners, recoveryCodes } from '../../server/db/schema/index.ts';
import { createRecordPipeline, type RecordPipeline } from '../../server/records/pipeline.ts';
import { createEraser } from '../../server/resident/erase.ts';
import { createProfiles, type Profiles } from '../../server/resident/profiles.ts';
import { createCompletions } from '../../server/resident/progress.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const NOW = Date.parse('2026-11-20T03:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(ENGINES)("a resident's data on %s", (kind) => {
  let engine: Engine;
  let pipeline: RecordPipeline;
  let profiles: Profiles;
  const learnerId = uuidv7();
  const other = uuidv7();
  const record = (who: string, type: string, fields: Record<string, unknown>, at: number) => ({ id: uuidv7(), type, learnerId: who, deviceId: 'phone-0001', occurredAt: iso(at), ...fields });
  const send = (who: string, records: unknown[]) => pipeline.learner.ingest({ by: { id: who, deviceId: 'phone-0001' }, records, receivedAt: NOW });

  beforeAll(async () => {
    engine = await engines.fresh(kind);
    for (const id of [learnerId, other]) await engine.db.insert(learners).values({ id, secretHash: `h-${id}`, createdAt: NOW });
    profiles = createProfiles(engine, async (group) => group === 'to-1');
    pipeline = createRecordPipeline(engine, [{ name: 'resident', learner: profiles.hooks }]);
  }, 60_000);

  it('accepts a profile only after consent, and reads it back', async () => {
    const profile = { displayName: 'Cô Mai', birthYear: 1960, gender: 'female', residentialGroupId: 'to-1', unit: null };
    const early = await send(learnerId, [record(learnerId, 'profile.updated', { profile }, NOW - 9_000)]);
    expect(early.map((r) => r.error?.code)).toEqual(['consent_required']);
    const later = await send(learnerId, [
      record(learnerId, 'consent.given', { noticeVersion: 1, purpose: 'ward-participation' }, NOW - 8_000),
      record(learnerId, 'profile.updated', { profile }, NOW - 7_000),
      record(learnerId, 'lesson.completed', { courseId: 'dvc', lessonId: 'b1', contentVersion: 'v1', score: 90, durationSec: 500 }, NOW - 6_000),
      record(learnerId, 'lesson.completed', { courseId: 'dvc', lessonId: 'b2', contentVersion: 'v1', score: 70, durationSec: 500 }, NOW - 5_000),
    ]);
    expect(later.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const read = await profiles.read(learnerId);
    expect(read.profile).toMatchObject({ displayName: 'Cô Mai', birthYear: 1960, gender: 'female', residentialGroupId: 'to-1' });
    expect(read.consent).toEqual({ noticeVersion: 1, givenAt: iso(NOW - 8_000) });
    expect((await createCompletions(engine)(learnerId)).map((c) => [c.lessonId, c.score, c.occurredAt])).toEqual([
      ['b1', 90, iso(NOW - 6_000)],
      ['b2', 70, iso(NOW - 5_000)],
    ]);
  });

  it('erases every row that names the learner, keeps the anonymous tally, and leaves others alone', async () => {
    await send(other, [record(other, 'lesson.completed', { courseId: 'dvc', lessonId: 'b1', contentVersion: 'v1', score: 60, durationSec: 500 }, NOW - 4_000)]);
    await engine.db.insert(certificates).values({ code: 'CERT1', learnerId, courseId: 'dvc', issuedAt: NOW });
    await engine.db.insert(recoveryCodes).values({ codeHash: 'r1', learnerId, createdAt: NOW });

    const eraser = createEraser(engine, () => NOW);
    expect(await eraser.erase(learnerId)).toBe(true);
    expect(await eraser.erase(learnerId)).toBe(false);

    const tables = (
      kind === 'postgres'
        ? await engine.all<{ name: string }>(sql`SELECT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'learner_id'`)
        : await engine.all<{ name: string }>(sql`SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'learner_id'`)
    ).map((r) => r.name);
    expect(tables.length).toBeGreaterThan(8);
    const left: string[] = [];
    for (const table of tables) {
      const row = await engine.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE learner_id = ${learnerId}`);
      if (row!.n > 0) left.push(table);
    }
    expect(left).toEqual([]);
    expect(await engine.db.select({ day: erasureTally.day, completions: erasureTally.completions }).from(erasureTally)).toEqual([{ day: '2026-11-20', completions: 2 }]);
    expect(await profiles.read(learnerId)).toEqual({ profile: null, consent: null });
    expect((await createCompletions(engine)(other)).map((c) => c.lessonId)).toEqual(['b1']);
  });
});
