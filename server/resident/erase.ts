// Erasing a learner (the resident's right to deletion). Every row that names
// the learner goes: events, profile, certificates, recovery codes, device
// secrets — and rows other features keep, found as any table with a
// learner_id column, so a feature added later cannot keep data by accident.
// What stays is one anonymous line in erasure_tally (a day and a count of
// completions), so the ward's totals do not silently shrink.
import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { erasureTally, events, learners } from '../db/schema/index.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';

/** SQLite's spelling of the catalogue and of deferred foreign keys; the only SQLite-only SQL of erasure. */
const sqliteCatalogue = {
  /** Every table of the database (not only those in db/schema) with a `learner_id` column, but `learners` itself. */
  tablesWithLearnerId(db: Db): string[] {
    const tables = db
      .all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`)
      .map((t) => t.name);
    return tables.filter(
      (name) => name !== 'learners' && db.all<{ name: string }>(sql`SELECT name FROM pragma_table_info(${name})`).some((c) => c.name === 'learner_id'),
    );
  },
  /** Foreign keys checked at commit instead of per statement. */
  deferForeignKeys: (db: Db) => void db.run(sql`PRAGMA defer_foreign_keys = ON`),
};

/** `settle` runs first, outside the transaction: the stats rollups take in the learner's last records, whose anonymous day totals stay. */
export function createEraser(db: Db, now: () => number, settle: () => void = () => {}) {
  const erase = (learnerId: string): boolean => {
    settle();
    return db.transaction(() => {
      if (!db.select({ id: learners.id }).from(learners).where(eq(learners.id, learnerId)).get()) return false;
      // So the order in which the feature tables are emptied does not matter.
      sqliteCatalogue.deferForeignKeys(db);
      const completions = db
        .select({ n: count() })
        .from(events)
        .where(and(eq(events.learnerId, learnerId), eq(events.type, 'lesson.completed')))
        .get();
      db.insert(erasureTally).values({ day: vietnamDay(now()), completions: completions?.n ?? 0 }).run();
      for (const table of sqliteCatalogue.tablesWithLearnerId(db)) db.run(sql`DELETE FROM ${sql.identifier(table)} WHERE learner_id = ${learnerId}`);
      db.delete(learners).where(eq(learners.id, learnerId)).run();
      return true;
    });
  };

  /** Erases the learner; false if there was nothing to erase. */
  return { erase };
}
