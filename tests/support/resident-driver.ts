// Drives the resident app in a real browser and reads what each side keeps:
// the phone's IndexedDB (read directly, as a curious owner of the phone could)
// and the ward server's SQLite file (read-only).
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { PHONE } from './browser.ts';
import { waitOfflineReady } from './offline-ready.ts';

export { finishLesson } from './lesson-driver.ts';

/** A phone that has opened the app once (welcome panel skipped, service worker ready). */
export async function openPhone(ctx: BrowserContext, url: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(url);
  await page.getByTestId('welcome-skip').click();
  await waitOfflineReady(page);
  return page;
}
export const phoneContext = { ...PHONE, acceptDownloads: true };

/** Every row of one IndexedDB object store of the app's database. */
export function phoneRows<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('hoc-vu-so');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => (open.result.close(), resolve(req.result as T[]));
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

export async function activeLearnerId(page: Page): Promise<string> {
  const meta = await phoneRows<{ key: string; value: unknown }>(page, 'meta');
  return meta.find((m) => m.key === 'activeLearnerId')?.value as string;
}

/** Reads the server's database file (read-only; the server keeps running). */
export function readServer<T>(dbFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every table and row in the server database whose text mentions `needle` (learner id, a name…). */
export function rowsMentioning(dbFile: string, needle: string): string[] {
  return readServer(dbFile, (db) => {
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
    const hits: string[] = [];
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all()) {
        if (JSON.stringify(row).includes(needle)) hits.push(`${name}: ${JSON.stringify(row).slice(0, 200)}`);
      }
    }
    return hits;
  });
}

/** Tables with a learner_id column and how many rows of each name the learner (plus the learners row itself). */
export function learnerRowCounts(dbFile: string, learnerId: string): Record<string, number> {
  return readServer(dbFile, (db) => {
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const cols = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`).all().map((c) => c.name);
      if (cols.includes('learner_id')) counts[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}" WHERE learner_id = ?`).get(learnerId) as { n: number }).n;
    }
    counts.learners = (db.prepare('SELECT COUNT(*) AS n FROM learners WHERE id = ?').get(learnerId) as { n: number }).n;
    return counts;
  });
}

export function serverEvents(dbFile: string, learnerId: string): { type: string; lessonId: string | null }[] {
  return readServer(dbFile, (db) =>
    db.prepare<[string], { type: string; lessonId: string | null }>('SELECT type, lesson_id AS lessonId FROM events WHERE learner_id = ? ORDER BY received_at, id').all(learnerId),
  );
}
