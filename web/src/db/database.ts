// Everything the app keeps on the phone lives in one IndexedDB database,
// "hoc-vu-so", so that a lesson learned offline survives reloads, app updates
// and days without signal:
//
// - meta      key/value. The device identity (learnerId, secret, deviceId) made
//             on first launch — no name, phone number or any personal data —
//             whether the server knows that learner yet (registered) and when
//             the last sync finished (lastSyncedAt). (The chosen language is in
//             localStorage instead: it is needed synchronously before the
//             first paint.)
// - progress  one row per learner + course + lesson: started/completed, best
//             quiz score, when completed. The home and course screens read it.
// - outbox    learning events not yet acknowledged by the ward server, keyed by
//             event id. A row leaves only when the server answers 'accepted' or
//             'duplicate'; a 'rejected' row is kept as 'dead' for diagnosis.
//
// A progress change and its outbox event are always written in one
// transaction (see progress-repo.ts), so the phone never shows a lesson as done
// that the server will never hear about, or the reverse.
// Only the repos in this folder import this module; the UI goes through stores.
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { LearningEvent } from '../../../shared/events.ts';
import type { OutboxItem } from '../../../shared/sync/batch.ts';

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface ProgressRow {
  learnerId: string;
  courseId: string;
  lessonId: string;
  status: 'started' | 'completed';
  /** Best quiz score so far, 0–100; null until the lesson is completed. */
  score: number | null;
  /** ISO time of the latest completion; null until completed. */
  completedAt: string | null;
  startedAt: string;
}

export interface OutboxRow extends OutboxItem {
  event: LearningEvent;
  lastError: string | null;
}

export type HvsDatabase = Dexie & {
  meta: EntityTable<MetaRow, 'key'>;
  progress: Table<ProgressRow, [string, string, string]>;
  outbox: EntityTable<OutboxRow, 'id'>;
};

export const DATABASE_NAME = 'hoc-vu-so';

export function openDatabase(name: string = DATABASE_NAME): HvsDatabase {
  const db = new Dexie(name) as HvsDatabase;
  // Add a new version() for every schema change; never edit a shipped one.
  db.version(1).stores({
    meta: 'key',
    progress: '[learnerId+courseId+lessonId], learnerId',
    outbox: 'id, createdAt, state',
  });
  return db;
}

let shared: HvsDatabase | undefined;

/** The app's one database connection, opened on first use. */
export function getDatabase(): HvsDatabase {
  shared ??= openDatabase();
  return shared;
}
