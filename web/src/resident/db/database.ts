// Everything the app keeps on the phone lives in one IndexedDB database,
// "hoc-vu-so", so that a lesson learned offline survives reloads, app updates
// and days without signal:
//
// - meta      key/value: this phone's deviceId and the active profile
//             (activeLearnerId); other features keep small values here
//             (joined sessions, the household joined). Version 1 kept the one
//             identity here; version 2 moved it into `profiles`. (The chosen
//             language is in localStorage instead: it is needed synchronously
//             before the first paint.)
// - progress  one row per learner + course + lesson: started/completed, best
//             quiz score, when completed. The home and course screens read it.
// - outbox    learner records not yet acknowledged by the ward server, keyed by
//             record id, kept by the one outbox module (sync/outbox.ts): a row
//             leaves only when the server answers 'accepted' or 'duplicate'; a
//             'rejected' row is kept as 'dead' for diagnosis. Since version 2
//             each row also names its learner (learnerId).
// - profiles  (version 2) one row per learner using this phone (family members
//             share phones): identity (id + secret), sync flags, the optional
//             profile fields and consent (personal fields are sent only while
//             consent stands), an optional PIN hash, whether the server knows
//             the learner yet (registered), when its last sync finished
//             (lastSyncedAt), and whether deletion was asked.
// - certificates (version 2) one row per learner + course earned: earned on
//             the phone first ("waiting to be confirmed"), then the code the
//             server issued.
//
// A progress change and its outbox event are always written in one
// transaction (see progress-repo.ts), so the phone never shows a lesson as done
// that the server will never hear about, or the reverse.
// Only the repos in this folder import this module; the UI goes through stores.
import type { CertificateBasisDetail } from '../../../../shared/resident/certificate-holder.ts';
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { LearningEvent } from '../../../../shared/events.ts';
import type { LocalProgress } from '../../../../shared/resident/merge-progress.ts';
import type { OutboxItem } from '../../../../shared/sync/batch.ts';
import type { ProfileDetails } from '../../../../shared/events/resident.ts';
import type { CertificateStanding } from '../../../../shared/resident/api.ts';
import { perLocality } from '../../net/api-base.ts';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** One row per learner + course + lesson; the shape the pure merge of recovered progress works on. */
export type ProgressRow = LocalProgress;

export interface OutboxRow extends OutboxItem {
  event: LearningEvent;
  lastError: string | null;
  /** Whose event this is (version 2); equals event.learnerId. */
  learnerId: string;
}

export interface ProfileRow {
  learnerId: string;
  secret: string;
  /** True once the ward server has stored this learner. */
  registered: boolean;
  lastSyncedAt: string | null;
  createdAt: string;
  details: ProfileDetails;
  consent: { noticeVersion: number; givenAt: string } | null;
  /** PBKDF2-SHA-256 of a 4-digit PIN: a convenience lock between family members, not strong security. */
  pin: { salt: string; hash: string } | null;
  /** Deletion asked: the row stays (identity only) until the server confirmed it. */
  isDeleting: boolean;
}

export interface CertificateRow {
  learnerId: string;
  /** A course id, or "digital-citizen". */
  courseId: string;
  earnedAt: string;
  /** Set once the server issued it; null means "waiting to be confirmed". */
  code: string | null;
  issuedAt: string | null;
  /** What the server last said of it (absent: not asked yet). 'under-review' also before a code:
   * the ward is checking lessons behind it (server/integrity). */
  standing?: CertificateStanding;
  /** What the server says it certifies (absent: not confirmed yet, read as self-study). */
  basis?: CertificateBasisDetail;
}

export type HvsDatabase = Dexie & {
  meta: EntityTable<MetaRow, 'key'>;
  progress: Table<ProgressRow, [string, string, string]>;
  outbox: EntityTable<OutboxRow, 'id'>;
  profiles: EntityTable<ProfileRow, 'learnerId'>;
  certificates: Table<CertificateRow, [string, string]>;
};

export const DATABASE_NAME = 'hoc-vu-so';

/**
 * Version 1 → 2: the one identity in meta becomes the first profile, and each
 * outbox row learns whose it is. Progress rows were keyed by learner from the
 * start and stay exactly as they are.
 */
async function upgradeToProfiles(tx: Transaction): Promise<void> {
  const meta = tx.table<MetaRow, string>('meta');
  const value = async <T>(key: string) => (await meta.get(key))?.value as T | undefined;
  const learnerId = await value<string>('learnerId');
  const secret = await value<string>('secret');
  if (learnerId && secret) {
    const row: ProfileRow = {
      learnerId,
      secret,
      registered: (await value<boolean>('registered')) === true,
      lastSyncedAt: (await value<string>('lastSyncedAt')) ?? null,
      createdAt: new Date().toISOString(),
      details: { displayName: null, birthYear: null, gender: null, residentialGroupId: null, unit: null },
      consent: null,
      pin: null,
      isDeleting: false,
    };
    await tx.table<ProfileRow, string>('profiles').put(row);
    await meta.put({ key: 'activeLearnerId', value: learnerId });
    await meta.bulkDelete(['learnerId', 'secret', 'registered', 'lastSyncedAt']);
  }
  await tx
    .table<OutboxRow, string>('outbox')
    .toCollection()
    .modify((row) => {
      row.learnerId = row.event.learnerId;
    });
}

export function openDatabase(name: string = DATABASE_NAME): HvsDatabase {
  const db = new Dexie(name) as HvsDatabase;
  // Add a new version() for every schema change; never edit a shipped one.
  db.version(1).stores({
    meta: 'key',
    progress: '[learnerId+courseId+lessonId], learnerId',
    outbox: 'id, createdAt, state',
  });
  db.version(2)
    .stores({
      outbox: 'id, createdAt, state, learnerId',
      profiles: 'learnerId',
      certificates: '[learnerId+courseId], learnerId',
    })
    .upgrade(upgradeToProfiles);
  return db;
}

let shared: HvsDatabase | undefined;

/** The app's one database connection, opened on first use: the page's locality's (api-base.ts). */
export function getDatabase(): HvsDatabase {
  shared ??= openDatabase(perLocality(DATABASE_NAME));
  return shared;
}
