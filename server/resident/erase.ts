// Erasing a learner (the resident's right to deletion). Every row that names
// the learner goes: events, profile, certificates, recovery codes, device
// secrets — and rows other features keep, found as any table with a
// learner_id column, so a feature added later cannot keep data by accident.
// What stays is one anonymous line in erasure_tally (a day and a count of
// completions), so the ward's totals do not silently shrink.
import type { Sqlite } from '../db/open.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';

export function createEraser(sqlite: Sqlite, now: () => number) {
  const tablesWithLearnerId = () => {
    const tables = sqlite
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
      .all()
      .map((t) => t.name);
    return tables.filter(
      (name) => name !== 'learners' && sqlite.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name.replace(/'/g, "''")}')`).all().some((c) => c.name === 'learner_id'),
    );
  };
  const countCompletions = sqlite.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM events WHERE learner_id = ? AND type = 'lesson.completed'");
  const exists = sqlite.prepare<[string], { id: string }>('SELECT id FROM learners WHERE id = ?');
  const tally = sqlite.prepare<[string, number]>('INSERT INTO erasure_tally (day, completions) VALUES (?, ?)');
  const deleteLearner = sqlite.prepare<[string]>('DELETE FROM learners WHERE id = ?');

  const erase = sqlite.transaction((learnerId: string): boolean => {
    if (!exists.get(learnerId)) return false;
    // Checked at commit instead of per statement, so the order in which the
    // feature tables are emptied does not matter.
    sqlite.pragma('defer_foreign_keys = ON');
    tally.run(vietnamDay(now()), countCompletions.get(learnerId)?.n ?? 0);
    for (const table of tablesWithLearnerId()) sqlite.prepare(`DELETE FROM "${table}" WHERE learner_id = ?`).run(learnerId);
    deleteLearner.run(learnerId);
    return true;
  });

  /** Erases the learner; false if there was nothing to erase. */
  return { erase: (learnerId: string) => erase(learnerId) };
}
