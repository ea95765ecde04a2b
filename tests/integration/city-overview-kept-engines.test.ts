// What the city's view keeps of each locality's figures between readings
// (server/city/overview.ts, server/stats/figure-changes.ts), on a real SQLite
// folder and a real throw-away PostgreSQL 15 cluster: kept while nothing the
// figures read has changed, read again after any change, whatever wrote it
// (a resident's sync, the ward's choice of official kinds, a group's adults,
// a hand-written statement), and after midnight. Every table the figures'
// statement reads has the triggers that count its changes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { createFigureStamp } from '../../server/stats/figure-changes.ts';
import { createFigureKinds } from '../../server/stats/figure-kinds.ts';
import { localityFiguresQuery } from '../../server/stats/locality-figures.ts';
import type { LocalityFigures } from '../../shared/city/api.ts';
import { ENGINES } from '../support/engines.ts';
import { testCityDeployments, type TestCity } from '../support/city-deployment.ts';

const cities = testCityDeployments();
const DAY = 86_400_000;

describe.each(ENGINES)('what the city view keeps, on %s', (kind) => {
  let running: TestCity;
  let now = Date.parse('2025-06-01T03:00:00Z');
  const view = async () => running.deployment.overview({});
  const figuresOf = async (slug: string): Promise<LocalityFigures> => (await view()).localities.find((l) => l.slug === slug)!;
  const engineOf = (slug: string) => running.stores.engineOf(slug);

  /** A write the counting triggers do not see, as nothing in the server ever writes: only a kept reading misses it. */
  async function unseen(engine: Engine, statement: ReturnType<typeof sql>, trigger: string): Promise<void> {
    if (engine.kind === 'postgres') {
      await engine.transaction(async (tx) => {
        await tx.run(sql`SET LOCAL session_replication_role = replica`);
        await tx.run(statement);
      });
      return;
    }
    const definition = (await engine.get<{ sql: string }>(sql`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ${trigger}`))!.sql;
    await engine.run(sql.raw(`DROP TRIGGER ${trigger}`));
    await engine.run(statement);
    await engine.run(sql.raw(definition));
  }

  beforeAll(async () => {
    running = await cities.start(kind, { now: () => now });
    await running.addLocality({ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward' });
    await running.addLocality({ slug: 'an-lao', name: 'Xã An Lão', kind: 'commune' });
    await running.addLearners('kien-an', 6);
    await running.addLearners('an-lao', 7);
    await running.setAdults('kien-an', 200);
    await running.setAdults('an-lao', 100);
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
  });

  it('keeps the figures while nothing they read changed, and reads them again after any change', async () => {
    expect(await figuresOf('kien-an')).toMatchObject({ learners: 6, lessonsCompleted: 6, adults: 200 });

    // Proof that the view keeps: a change the triggers miss stays unseen...
    await unseen(await engineOf('kien-an'), sql`UPDATE residential_groups SET adult_population = 300 WHERE adult_population = 200`, 'figure_changes_residential_groups_update');
    expect(await figuresOf('kien-an')).toMatchObject({ adults: 200 });

    // ...until anything the triggers see: here a resident's sync (new records, read through the rollup cursor).
    await running.addLearners('kien-an', 1);
    expect(await figuresOf('kien-an')).toMatchObject({ learners: 7, lessonsCompleted: 7, adults: 300 });

    // The ward's choice of official kinds: An Lão counts only verified learning, and its residents' own lessons drop out.
    await createFigureKinds(await engineOf('an-lao')).save(['verified'], 'ward.admin', now);
    expect(await figuresOf('an-lao')).toMatchObject({ lessonsCompleted: 0, counted: ['verified'] });
    expect(await figuresOf('kien-an')).toMatchObject({ lessonsCompleted: 7, counted: ['verified', 'self-reported'] });

    // A group's adults, entered on the ward's profile.
    await running.setAdults('an-lao', 150);
    expect(await figuresOf('an-lao')).toMatchObject({ adults: 150 });

    // A hand-written statement on a rollup table (as a repair or a rebuild writes): the figures follow it.
    const { changes } = await (await engineOf('kien-an')).run(sql`UPDATE stats_first_days SET learners = learners + 3`);
    expect(changes).toBeGreaterThan(0);
    expect(await figuresOf('kien-an')).toMatchObject({ learners: 7 + 3 * changes });

    // A day later, the view's month reaches the new day: read again, not the kept reading of yesterday.
    const before = (await view()).range;
    now += DAY;
    const after = (await view()).range;
    expect(after.to).not.toBe(before.to);
  }, 60_000);

  it('counts each change once, and on PostgreSQL folds the counted rows so they stay few', async () => {
    const engine = await engineOf('an-lao');
    const stamp = createFigureStamp(engine);
    const changes = async () => Number((await stamp())!.key.split(':')[0]);
    const start = await changes();
    for (let i = 0; i < 600; i++) await engine.run(sql`UPDATE residential_groups SET adult_population = ${200 + i} WHERE id = (SELECT min(id) FROM residential_groups)`);
    expect(await changes()).toBe(start + 600);
    const rows = Number((await engine.get<{ n: number | string }>(sql`SELECT count(*) AS n FROM figure_changes`))!.n);
    expect(rows).toBeLessThan(kind === 'postgres' ? 300 : 2);
  }, 60_000);

  it('has triggers counting every change to each table the figures read', async () => {
    const statement = localityFiguresQuery((await engineOf('kien-an')).db).toSQL().sql;
    const read = [...new Set([...statement.matchAll(/(?:from|join)\s+"(\w+)"/gi)].map((m) => m[1]!))].sort();
    expect(read).toEqual(['events', 'guide_sessions', 'integrity_holds', 'residential_groups', 'session_checkins', 'stats_daily', 'stats_first_days', 'ward_figure_settings']);
    // New events are not counted: the stamp's rollup cursor stands behind them until they are rolled up.
    const expected = read.flatMap((table) => (table === 'events' ? ['update', 'delete'] : ['insert', 'update', 'delete']).map((op) => `figure_changes_${table}_${op}`)).sort();
    for (const slug of ['kien-an', 'an-lao']) {
      const engine = await engineOf(slug);
      const names =
        engine.kind === 'postgres'
          ? await engine.all<{ name: string }>(
              sql`SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND t.tgname LIKE 'figure\_changes\_%' AND t.tgname NOT LIKE '%identity_from_null'`,
            )
          : await engine.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'figure_changes_%'`);
      expect(names.map((n) => n.name).sort()).toEqual(expected);
    }
  });
});
