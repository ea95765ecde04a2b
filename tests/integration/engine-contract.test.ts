// The engine contract, run the same way on a real SQLite file and on a real,
// throw-away PostgreSQL cluster: the code above writes its queries once (in
// SQLite's dialect) and must get the same rows, counts and transaction
// behaviour from both. No PostgreSQL installed → this fails (never skips).
import { asc, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { changed, type Engine } from '../../server/db/engine/engine.ts';
import { numberedPlaceholders } from '../../server/db/engine/placeholders.ts';
import { auditLog, events, learners, users } from '../../server/db/schema/index.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function event(id: string, learnerId: string, at: number) {
  return { id, type: 'lesson_completed', learnerId, deviceId: 'd1', courseId: 'c', lessonId: 'l', occurredAt: at, receivedAt: at, effectiveAt: at, payload: '{}', score: null };
}

describe.each(ENGINES)('engine contract on %s', (kind) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engines.fresh(kind);
    expect(engine.kind).toBe(kind);
  }, 60_000);

  it('reads back what the builder wrote, with the same JS types, and an insert that meets ON CONFLICT DO NOTHING changes nothing', async () => {
    const { db } = engine;
    await db.insert(learners).values({ id: 'L1', secretHash: 'h', createdAt: 1_700_000_000_000 });
    const first = await changed(db.insert(events).values(event('E1', 'L1', 1_700_000_000_123)).onConflictDoNothing());
    const again = await changed(db.insert(events).values(event('E1', 'L1', 1_700_000_000_999)).onConflictDoNothing());
    expect([first, again]).toEqual([1, 0]);
    const rows = await db.select().from(events).where(eq(events.learnerId, 'L1'));
    expect(rows).toEqual([event('E1', 'L1', 1_700_000_000_123)]);
    expect(await db.select({ n: count() }).from(events).get()).toEqual({ n: 1 });
    expect(await db.select().from(events).where(eq(events.id, 'nope')).get()).toBeUndefined();

    await db.insert(users).values({ id: 'U1', username: 'an', displayName: 'An', role: 'guide', team: 'cns', passwordHash: 'x', createdAt: 1, disabled: true });
    expect(await db.select({ disabled: users.disabled, team: users.team }).from(users).where(eq(users.id, 'U1')).get()).toEqual({ disabled: true, team: 'cns' });

    const [made] = await db.insert(auditLog).values({ at: 5, actorUsername: 'an', actorRole: 'guide', action: 'test' }).returning({ id: auditLog.id, at: auditLog.at });
    expect(made).toEqual({ id: expect.any(Number), at: 5 });
  });

  it('runs hand-written SQL with objects keyed by column, counts as numbers, and a ? inside a string as text', async () => {
    await engine.db.insert(events).values([event('E2', 'L1', 10), event('E3', 'L1', 20)]).onConflictDoNothing();
    const rows = await engine.all<{ id: string; effective_at: number; mark: string }>(
      sql`SELECT id, effective_at, '?' AS mark FROM ${events} WHERE learner_id = ${'L1'} AND effective_at < ${100} ORDER BY effective_at`,
    );
    expect(rows).toEqual([
      { id: 'E2', effective_at: 10, mark: '?' },
      { id: 'E3', effective_at: 20, mark: '?' },
    ]);
    expect(await engine.get<{ n: number; total: number }>(sql`SELECT count(*) AS n, sum(effective_at) AS total FROM ${events} WHERE effective_at < ${100}`)).toEqual({ n: 2, total: 30 });
    expect(await engine.get(sql`SELECT id FROM ${events} WHERE id = ${'none'}`)).toBeUndefined();
    expect(await engine.run(sql`UPDATE ${events} SET score = ${7} WHERE effective_at < ${100}`)).toEqual({ changes: 2 });
  });

  it('commits a transaction, rolls one back when it throws, and rolls back a nested one alone', async () => {
    const { db } = engine;
    await engine.transaction(async (tx) => {
      await tx.db.insert(events).values(event('T1', 'L1', 30));
    });
    await expect(
      engine.transaction(async (tx) => {
        await tx.db.insert(events).values(event('T2', 'L1', 31));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await engine.transaction(async (tx) => {
      await tx.db.insert(events).values(event('T3', 'L1', 32));
      await expect(
        tx.transaction(async (inner) => {
          await inner.db.insert(events).values(event('T4', 'L1', 33));
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
    });
    const ids = (await db.select({ id: events.id }).from(events).where(sql`${events.id} LIKE 'T%'`).orderBy(asc(events.id))).map((r) => r.id);
    expect(ids).toEqual(['T1', 'T3']);
  });

  it('never shows a query outside a transaction what the transaction wrote before it rolled back', async () => {
    const seen: string[][] = [];
    const open = engine.transaction(async (tx) => {
      await tx.db.insert(events).values(event('R1', 'L1', 40));
      await sleep(40);
      throw new Error('rolled back');
    }).catch((error: Error) => error.message);
    await sleep(5);
    seen.push((await engine.db.select({ id: events.id }).from(events).where(eq(events.id, 'R1'))).map((r) => r.id));
    expect(await open).toBe('rolled back');
    seen.push((await engine.db.select({ id: events.id }).from(events).where(eq(events.id, 'R1'))).map((r) => r.id));
    expect(seen).toEqual([[], []]);
  });

  it('runs a statement prepared on the engine inside the transaction of the code that awaits it', async () => {
    const byId = engine.db.select({ id: events.id }).from(events).where(eq(events.id, sql.placeholder('id'))).prepare();
    const insideSaw = await engine
      .transaction(async () => {
        // Not through tx: code deep down that was handed only the engine.
        await engine.db.insert(events).values(event('P1', 'L1', 50));
        const saw = await byId.get({ id: 'P1' });
        throw Object.assign(new Error('undo'), { saw });
      })
      .catch((error: { saw: unknown }) => error.saw);
    expect(insideSaw).toEqual({ id: 'P1' });
    expect(await byId.get({ id: 'P1' })).toBeUndefined();
  });

  it('runs a write a transaction scheduled for after its end outside it, so a later transaction that rolls back does not take it along', async () => {
    let late!: Promise<unknown>;
    await engine.transaction(async (tx) => {
      await tx.db.insert(events).values(event('A1', 'L1', 60));
      // Scheduled inside, runs after this transaction committed, while the next one is open.
      late = new Promise((resolve, reject) => setTimeout(() => engine.db.insert(events).values(event('A2', 'L1', 61)).then(resolve, reject), 20));
    });
    const next = engine
      .transaction(async (tx) => {
        await tx.db.insert(events).values(event('A3', 'L1', 62));
        await sleep(60);
        throw new Error('rolled back');
      })
      .catch((error: Error) => error.message);
    expect(await next).toBe('rolled back');
    await late;
    const ids = (await engine.db.select({ id: events.id }).from(events).where(sql`${events.id} IN ('A1', 'A2', 'A3')`).orderBy(asc(events.id))).map((r) => r.id);
    expect(ids).toEqual(['A1', 'A2']);
  });

  it('gives the reads of a read-only transaction one moment, while a write commits beside them', async () => {
    const n = async (on: Engine) => (await on.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${events} WHERE learner_id = ${'L1'}`))!.n;
    let firstRead!: () => void;
    const readOnce = new Promise<void>((resolve) => (firstRead = resolve));
    // Another request's sync, started outside the report's transaction once it has read once.
    const write = readOnce.then(() => engine.transaction((w) => w.db.insert(events).values(event('RO1', 'L1', 70))));
    const [first, second] = await engine.transaction(
      async (tx) => {
        const before = await n(tx);
        firstRead();
        await sleep(50); // PostgreSQL commits the write now; SQLite's writer waits for this turn to end
        return [before, await n(tx)];
      },
      { readOnly: true },
    );
    await write;
    expect(second).toBe(first);
    expect(await n(engine)).toBe(first + 1);
  });

  it('keeps one row when the same event arrives in many transactions at once', async () => {
    const changes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        engine.transaction(async (tx) => {
          await sleep(i % 3);
          return (await tx.run(sql`INSERT INTO ${events} (id, type, learner_id, device_id, occurred_at, received_at, effective_at, payload) VALUES (${'ONCE'}, ${'x'}, ${'L1'}, ${'d'}, ${i}, ${i}, ${i}, ${'{}'}) ON CONFLICT DO NOTHING`)).changes;
        }),
      ),
    );
    expect(changes.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await engine.get(sql`SELECT count(*) AS n FROM ${events} WHERE id = ${'ONCE'}`)).toEqual({ n: 1 });
  });
});

describe('numbered placeholders', () => {
  it('numbers each ? outside strings, quoted names and comments', () => {
    expect(numberedPlaceholders(`select "a?" , 'it''s ?', ? -- ?\n, ? /* ? */ from t where x = ?`)).toBe(`select "a?" , 'it''s ?', $1 -- ?\n, $2 /* ? */ from t where x = $3`);
  });
  it("drops the table from a conflict target's columns, as PostgreSQL wants them", () => {
    expect(numberedPlaceholders(`insert into "devices" ("id") values (?) on conflict ("devices"."id", "devices"."learner_id") do update set "n" = "devices"."n"`)).toBe(
      `insert into "devices" ("id") values ($1) on conflict ("id", "learner_id") do update set "n" = "devices"."n"`,
    );
  });
});
