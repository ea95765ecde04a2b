// Drives the resident app in a real browser and reads what each side keeps:
// the phone's IndexedDB (read directly, as a curious owner of the phone could)
// and the ward server's database (read-only; SQLite or PostgreSQL).
import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { PHONE } from './browser.ts';
import { waitOfflineReady } from './offline-ready.ts';
import { storeColumns, storeRows, storeTables, type ServerStore } from './server-database.ts';

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

type Store = Pick<ServerStore, 'dataDir' | 'databaseUrl'>;

/** Every table and row in the server database whose text mentions `needle` (learner id, a name…). */
export async function rowsMentioning(store: Store, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const name of await storeTables(store)) {
    for (const row of await storeRows(store, `SELECT * FROM "${name}"`)) {
      if (JSON.stringify(row).includes(needle)) hits.push(`${name}: ${JSON.stringify(row).slice(0, 200)}`);
    }
  }
  return hits;
}

/** Tables with a learner_id column and how many rows of each name the learner (plus the learners row itself). */
export async function learnerRowCounts(store: Store, learnerId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await storeTables(store)) {
    if ((await storeColumns(store, name)).includes('learner_id')) counts[name] = await countOf(store, sql`SELECT COUNT(*) AS n FROM ${sql.identifier(name)} WHERE learner_id = ${learnerId}`);
  }
  counts.learners = await countOf(store, sql`SELECT COUNT(*) AS n FROM learners WHERE id = ${learnerId}`);
  return counts;
}

async function countOf(store: Store, query: ReturnType<typeof sql>): Promise<number> {
  return (await storeRows<{ n: number }>(store, query))[0]!.n;
}

export function serverEvents(store: Store, learnerId: string): Promise<{ type: string; lessonId: string | null }[]> {
  return storeRows(store, sql`SELECT type, lesson_id AS "lessonId" FROM events WHERE learner_id = ${learnerId} ORDER BY received_at, id`);
}

/** The learner's profile as the server keeps it, or undefined. */
export async function serverProfile(store: Store, learnerId: string) {
  const [row] = await storeRows<{ displayName: string | null; birthYear: number | null; gender: string | null; consentVersion: number | null }>(
    store,
    sql`SELECT display_name AS "displayName", birth_year AS "birthYear", gender, consent_version AS "consentVersion" FROM learner_profiles WHERE learner_id = ${learnerId}`,
  );
  return row;
}
