// Erasing a learner (the resident's right to deletion). Every row that names
// the learner goes: events, profile, certificates, recovery codes, device
// secrets — and rows other features keep, found as any table with a
// learner_id column, so a feature added later cannot keep data by accident.
// What stays is one anonymous line in erasure_tally (a day and a count of
// completions), so the ward's totals do not silently shrink.
import { and, count, eq, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { erasureTally, events, learners } from '../db/schema/index.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';

/** Every table of the database (not only those in db/schema) with a `learner_id` column, but `learners` itself: each engine's own catalogue. */
async function tablesWithLearnerId(engine: Engine): Promise<string[]> {
  if (engine.kind === 'postgres') {
    const rows = await engine.all<{ name: string }>(
      sql`SELECT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'learner_id' AND table_name <> 'learners' ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  }
  const tables = await engine.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`);
  const found: string[] = [];
  for (const { name } of tables) {
    if (name !== 'learners' && (await engine.all<{ name: string }>(sql`SELECT name FROM pragma_table_info(${name})`)).some((c) => c.name === 'learner_id')) found.push(name);
  }
  return found;
}

/**
 * Deletes the learner's rows from `tables` in any order. SQLite checks
 * foreign keys at commit once told to; PostgreSQL's keys are checked per
 * statement, so a table whose rows another table still points at is tried
 * again after the others (each try in a savepoint, so a refused one changes nothing).
 */
async function deleteRowsOf(tx: Engine, learnerId: string, tables: string[]): Promise<void> {
  const remove = (table: string) => tx.run(sql`DELETE FROM ${sql.identifier(table)} WHERE learner_id = ${learnerId}`);
  if (tx.kind === 'sqlite') {
    await tx.run(sql`PRAGMA defer_foreign_keys = ON`);
    for (const table of tables) await remove(table);
    return;
  }
  let left = tables;
  while (left.length > 0) {
    const refused: string[] = [];
    for (const table of left) {
      await tx.transaction(() => remove(table)).catch((error: { code?: string }) => {
        if (error.code !== '23503') throw error; // foreign_key_violation: try again after the others
        refused.push(table);
      });
    }
    if (refused.length === left.length) throw new Error(`Cannot erase the learner's rows in ${refused.join(', ')}: other rows still point at them`);
    left = refused;
  }
}

/** `settle` runs first, outside the transaction: the stats rollups take in the learner's last records, whose anonymous day totals stay. */
export function createEraser(engine: Engine, now: () => number, settle: () => void | Promise<void> = () => {}) {
  /** Erases the learner; false if there was nothing to erase. */
  const erase = async (learnerId: string): Promise<boolean> => {
    await settle();
    return engine.transaction(async (tx) => {
      if (!(await tx.db.select({ id: learners.id }).from(learners).where(eq(learners.id, learnerId)).get())) return false;
      const completions = await tx.db
        .select({ n: count() })
        .from(events)
        .where(and(eq(events.learnerId, learnerId), eq(events.type, 'lesson.completed')))
        .get();
      await tx.db.insert(erasureTally).values({ day: vietnamDay(now()), completions: completions?.n ?? 0 });
      await deleteRowsOf(tx, learnerId, await tablesWithLearnerId(tx));
      await tx.db.delete(learners).where(eq(learners.id, learnerId));
      return true;
    });
  };
  return { erase };
}
