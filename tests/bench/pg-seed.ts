// The city bench's learners and their events made by PostgreSQL itself: the
// rows ward-events.ts learnerEvents() gives (each learner works through the
// bench catalog's lessons in order, lesson.started then lesson.completed with
// a score, six lessons a day from `1 + (k·13 + locality) mod 180` days back),
// with ids derived from the locality and the learner's number, written by
// INSERT … SELECT over generate_series: no row crosses the connection.
import { sql } from 'drizzle-orm';
import type { Engine } from '../../server/db/engine/engine.ts';
import { BENCH_CATALOG } from './dashboard.ts';

const LESSONS = BENCH_CATALOG.courses.flatMap((c) => c.lessons.map((l) => ({ courseId: c.id, lessonId: l.id })));

export interface PgSeedRange {
  locality: number;
  /** Learner numbers from (inclusive) to (exclusive) within the locality. */
  from: number;
  to: number;
  eventsPerLearner: number;
  now: number;
}

/** Stores learners `from`…`to − 1` of the locality and their events in one transaction; the number of events. */
export async function seedLearnersOnPostgres(engine: Engine, { locality, from, to, eventsPerLearner, now }: PgSeedRange): Promise<number> {
  const courses = `{${LESSONS.map((l) => l.courseId).join(',')}}`;
  const lessons = `{${LESSONS.map((l) => l.lessonId).join(',')}}`;
  const key = `city-${locality}`;
  return engine.transaction(async (tx) => {
    await tx.run(sql`
      INSERT INTO learners (id, secret_hash, created_at)
      SELECT md5(${key} || ':' || k)::uuid::text, 'bench-no-secret', CAST(${now} AS bigint) - ((k * 7919) % 180) * 86400000::bigint
      FROM generate_series(CAST(${from} AS int), CAST(${to} AS int) - 1) AS k`);
    const { changes } = await tx.run(sql`
      INSERT INTO events (id, type, learner_id, device_id, course_id, lesson_id, occurred_at, received_at, effective_at, payload, score)
      SELECT e.id, e.type, e.learner_id, e.device_id, e.course_id, e.lesson_id, e.at, e.now, least(e.at, e.now),
        (jsonb_build_object('id', e.id, 'type', e.type, 'learnerId', e.learner_id, 'deviceId', e.device_id,
          'occurredAt', to_char(to_timestamp(e.at / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'courseId', e.course_id, 'lessonId', e.lesson_id)
         || CASE WHEN e.score IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('contentVersion', 'bench-1', 'score', e.score, 'durationSec', 240 + e.i % 300) END)::text,
        e.score
      FROM (
        SELECT md5(${key} || ':' || k || ':' || i)::uuid::text AS id,
          CASE WHEN i % 2 = 0 THEN 'lesson.started' ELSE 'lesson.completed' END AS type,
          md5(${key} || ':' || k)::uuid::text AS learner_id,
          ${key} || '-' || k AS device_id,
          (CAST(${courses} AS text[]))[(i / 2 + k) % ${LESSONS.length} + 1] AS course_id,
          (CAST(${lessons} AS text[]))[(i / 2 + k) % ${LESSONS.length} + 1] AS lesson_id,
          CAST(${now} AS bigint) - (1 + (k * 13 + ${locality}) % 180) * 86400000::bigint
            + ((i / 2) / 6) * 86400000::bigint + ((i / 2) % 6) * 3600000::bigint + (i % 2) * 600000::bigint AS at,
          CAST(${now} AS bigint) AS now,
          CASE WHEN i % 2 = 1 THEN 60 + (i * 7) % 41 END AS score,
          i
        FROM generate_series(CAST(${from} AS int), CAST(${to} AS int) - 1) AS k, generate_series(0, CAST(${eventsPerLearner} AS int) - 1) AS i
        ORDER BY k, i
      ) AS e`);
    return changes;
  });
}
