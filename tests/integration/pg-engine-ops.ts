// A seeded sequence of writes to the tables the counter triggers watch
// (stats_learners, stats_learner_courses, stats_learner_days, devices), in
// SQL both engines run as is: single and multi-row inserts, upserts, updates
// that change or keep the watched columns, single and multi-row deletes (a
// learner's erasure, a rebuild). Few learners, groups and days, so rows
// collide, buckets are shared, and counters go up and back down.
import { sql, type SQL } from 'drizzle-orm';
import { seededRandom } from '../../shared/seeded-random.ts';

export interface Op {
  label: string;
  query: SQL;
}

const LEARNERS = 8;
const DAY0 = 20_300;
const HOUR = 3_600_000;
const SYNC0 = 1_754_000_000_000;

export function counterOps(seed: number, count: number): Op[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(values: readonly T[]): T => values[int(values.length)]!;
  const maybe = <T>(value: T, nullChance = 0.3): T | null => (random() < nullChance ? null : value);
  const learner = () => `L${int(LEARNERS)}`;
  const day = () => DAY0 + int(20);
  const group = () => maybe(pick(['g1', 'g2', 'g3']));
  const course = () => pick(['c1', 'c2', 'c3']);
  // Same hour, next hours, and exact repeats: the update trigger's WHEN.
  const syncAt = () => SYNC0 + int(6) * HOUR + pick([0, 1, HOUR / 2, HOUR - 1]);
  const values = (rows: unknown[][]) => sql.join(rows.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`), sql`, `)})`), sql`, `);

  const learnerRow = () => {
    const first = maybe(day());
    return [learner(), int(2), first, first, first === null ? null : maybe(first + int(3), 0.5), null, group(), maybe(1950 + int(4)), maybe(pick(['f', 'm']))];
  };
  const learnerColumns = sql`(learner_id, is_assisted, first_day, last_day, first_course_day, five_skills_day, group_id, birth_year, gender)`;
  const watched = ['first_day', 'first_course_day', 'group_id', 'birth_year', 'gender', 'is_assisted', 'last_day'] as const;
  const valueFor = (column: (typeof watched)[number]) =>
    column === 'group_id' ? group() : column === 'gender' ? maybe(pick(['f', 'm'])) : column === 'is_assisted' ? int(2) : column === 'birth_year' ? maybe(1950 + int(4)) : maybe(day());
  const someColumns = () => watched.filter(() => random() < 0.4);

  const generators: [number, () => Op][] = [
    [
      4,
      () => {
        const rows = Array.from({ length: 1 + int(3) }, learnerRow).filter((row, i, all) => all.findIndex((r) => r[0] === row[0]) === i);
        const set = someColumns();
        const onConflict = set.length
          ? sql`DO UPDATE SET ${sql.join(set.map((c) => sql`${sql.identifier(c)} = excluded.${sql.identifier(c)}`), sql`, `)}`
          : sql`DO NOTHING`;
        return { label: `learners upsert ${rows.length} (${set.join(',') || 'nothing'})`, query: sql`INSERT INTO stats_learners ${learnerColumns} VALUES ${values(rows)} ON CONFLICT (learner_id) ${onConflict}` };
      },
    ],
    [
      4,
      () => {
        const set = someColumns();
        if (!set.length) set.push('first_day');
        const id = learner();
        return { label: `learner update ${id} (${set.join(',')})`, query: sql`UPDATE stats_learners SET ${sql.join(set.map((c) => sql`${sql.identifier(c)} = ${valueFor(c)}`), sql`, `)} WHERE learner_id = ${id}` };
      },
    ],
    [1, () => ({ label: 'learners move group', query: sql`UPDATE stats_learners SET group_id = ${group()} WHERE coalesce(group_id, '') = ${pick(['', 'g1', 'g2'])}` })],
    [1, () => ({ label: 'learners same values', query: sql`UPDATE stats_learners SET first_day = first_day, gender = gender` })],
    [2, () => ({ label: 'learner delete', query: sql`DELETE FROM stats_learners WHERE learner_id = ${learner()}` })],
    [0.2, () => ({ label: 'learners delete all', query: sql`DELETE FROM stats_learners` })],

    [
      4,
      () => {
        const started = day();
        const rows = [[learner(), course(), started, maybe(started + int(4), 0.5)]];
        const onConflict = random() < 0.5 ? sql`DO NOTHING` : sql`DO UPDATE SET completed_day = excluded.completed_day`;
        return { label: 'course upsert', query: sql`INSERT INTO stats_learner_courses (learner_id, course_id, started_day, completed_day) VALUES ${values(rows)} ON CONFLICT (learner_id, course_id) ${onConflict}` };
      },
    ],
    [
      3,
      () => {
        const change = pick([sql`started_day = ${day()}`, sql`completed_day = ${maybe(day())}`, sql`started_day = ${day()}, completed_day = ${maybe(day())}`, sql`completed_day = completed_day`]);
        return { label: 'course update', query: sql`UPDATE stats_learner_courses SET ${change} WHERE learner_id = ${learner()} AND course_id = ${course()}` };
      },
    ],
    [1, () => ({ label: 'courses complete many', query: sql`UPDATE stats_learner_courses SET completed_day = ${day()} WHERE completed_day IS NULL AND course_id = ${course()}` })],
    [1.5, () => ({ label: 'course delete', query: sql`DELETE FROM stats_learner_courses WHERE learner_id = ${learner()} AND course_id = ${course()}` })],
    [0.7, () => ({ label: 'courses of a learner delete', query: sql`DELETE FROM stats_learner_courses WHERE learner_id = ${learner()}` })],

    [
      8,
      () => {
        // One or several learners, several days each, in one statement; repeats are ignored.
        const rows = Array.from({ length: 1 + int(random() < 0.5 ? 1 : 6) }, () => [learner(), day()]);
        const unique = rows.filter((row, i) => rows.findIndex((r) => r[0] === row[0] && r[1] === row[1]) === i);
        return { label: `days insert ${unique.length}`, query: sql`INSERT INTO stats_learner_days (learner_id, day) VALUES ${values(unique)} ON CONFLICT DO NOTHING` };
      },
    ],
    [3, () => ({ label: 'day delete', query: sql`DELETE FROM stats_learner_days WHERE learner_id = ${learner()} AND day = ${day()}` })],
    [1.5, () => ({ label: 'days of a learner delete', query: sql`DELETE FROM stats_learner_days WHERE learner_id = ${learner()}` })],
    [1, () => ({ label: 'days in a range delete', query: sql`DELETE FROM stats_learner_days WHERE day BETWEEN ${DAY0 + int(20)} AND ${DAY0 + int(20) + int(4)}` })],
    [0.2, () => ({ label: 'days delete all', query: sql`DELETE FROM stats_learner_days` })],

    [
      4,
      () => {
        const onConflict = random() < 0.7 ? sql`DO UPDATE SET last_sync_at = excluded.last_sync_at` : sql`DO NOTHING`;
        return { label: 'device upsert', query: sql`INSERT INTO devices (id, learner_id, last_sync_at) VALUES (${pick(['d1', 'd2'])}, ${learner()}, ${syncAt()}) ON CONFLICT (id, learner_id) ${onConflict}` };
      },
    ],
    [2, () => ({ label: 'device update', query: sql`UPDATE devices SET last_sync_at = ${syncAt()} WHERE learner_id = ${learner()}` })],
    [1, () => ({ label: 'device delete', query: sql`DELETE FROM devices WHERE id = ${pick(['d1', 'd2'])} AND learner_id = ${learner()}` })],
  ];
  const total = generators.reduce((sum, [weight]) => sum + weight, 0);
  const next = () => {
    let r = random() * total;
    for (const [weight, make] of generators) if ((r -= weight) < 0) return make();
    return generators[0]![1]();
  };
  // devices.learner_id references learners.
  const setup = { label: 'learners', query: sql`INSERT INTO learners (id, secret_hash, created_at) VALUES ${values(Array.from({ length: LEARNERS }, (_, i) => [`L${i}`, 'h', SYNC0]))}` };
  return [setup, ...Array.from({ length: count }, next)];
}
