// Guide mode's own IndexedDB database, "hvs-guide", separate from the
// resident's "hoc-vu-so": a guide's records never mix with the progress of
// whoever else uses this phone, and logging out of guide mode can never
// touch a resident's learning.
//
// - meta      key/value: the guide's identity as last confirmed by the server
//             (user, groups, when the login ends), this phone's deviceId,
//             and lastSyncedAt. Kept after the login expires so queued work
//             is still shown and sent after the next login.
// - outbox    guide events not yet acknowledged by the server (same rules as
//             the resident outbox: deleted only on 'accepted'/'duplicate';
//             'rejected' kept as 'dead' with the reason).
// - sessions  sessions this guide created on this phone (for offline display).
// - assisted  assisted learners registered on this phone (names stay here
//             and on the ward server only).
// - records   completions and outcomes recorded here, to show progress offline.
// - households households created on this phone, with the learners linked
//             to each from this phone (v2). The server's view (who finished
//             the five skills) is cached in meta as "households:<groupId>",
//             and the rosters of the guide's sessions as "rosters", so the
//             household screen works offline after one online visit.
// - audio     lesson screens recorded in the guide's voice (v3): the blob
//             (kept until the server stored it, then dropped), its state and
//             which screen it reads; the record that names it is in outbox.
//
// Every change writes its local row AND its outbox event in one transaction.
import { Dexie, type EntityTable } from 'dexie';
import type { GuideEvent } from '../../../shared/events.ts';
import type { OutboxRowOf } from '../sync/outbox.ts';
import type { GENDERS } from '../../../shared/guide/constants.ts';
import { perLocality } from '../net/api-base.ts';

export interface GuideMetaRow {
  key: string;
  value: unknown;
}
export type GuideOutboxRow = OutboxRowOf<GuideEvent>;
export interface LocalSession {
  id: string;
  code: string;
  title: string;
  groupId: string;
  place: string;
  startsAt: string;
  durationMin: number;
  courses: string[];
  closed: boolean;
}
export interface LocalAssisted {
  learnerId: string;
  name: string;
  birthYear: number;
  gender: (typeof GENDERS)[number] | null;
  groupId: string;
  sessionId: string | null;
  registeredAt: string;
}
export interface LocalRecord {
  id: string;
  learnerId: string;
  sessionId: string | null;
  kind: 'lesson' | 'outcome';
  /** courseId/lessonId for a lesson, the outcome id for an outcome. */
  what: string;
  at: string;
}

export interface LocalHousehold {
  id: string;
  groupId: string;
  /** The ward's label: house number and lane; never a name. */
  label: string;
  createdAt: string;
  /** Learners linked from this phone (a learner is in one household at a time). */
  members: string[];
}

/** A recording of one lesson screen, by the SHA-256 of its bytes. */
export interface LocalAudio {
  sha256: string;
  /** The bytes, until the server has them. */
  blob?: Blob;
  type: 'audio/webm' | 'audio/mp4' | 'audio/ogg';
  bytes: number;
  /** 'pending' until PUT /lesson-audio/files answered; 'refused' when the server will never take it. */
  state: 'pending' | 'uploaded' | 'refused';
  /** courseId/lessonId/step/lang: the screen it reads. */
  screen: string;
  durationSec: number;
  createdAt: number;
}

export type GuideDatabase = Dexie & {
  meta: EntityTable<GuideMetaRow, 'key'>;
  outbox: EntityTable<GuideOutboxRow, 'id'>;
  sessions: EntityTable<LocalSession, 'id'>;
  assisted: EntityTable<LocalAssisted, 'learnerId'>;
  records: EntityTable<LocalRecord, 'id'>;
  households: EntityTable<LocalHousehold, 'id'>;
  audio: EntityTable<LocalAudio, 'sha256'>;
};

export const GUIDE_DATABASE_NAME = 'hvs-guide';

export function openGuideDatabase(name: string = GUIDE_DATABASE_NAME): GuideDatabase {
  const db = new Dexie(name) as GuideDatabase;
  // Add a new version() for every schema change; never edit a shipped one.
  db.version(1).stores({
    meta: 'key',
    outbox: 'id, createdAt, state',
    sessions: 'id, code, startsAt',
    assisted: 'learnerId, sessionId, groupId',
    records: 'id, learnerId, sessionId',
  });
  db.version(2).stores({ households: 'id, groupId, *members' });
  db.version(3).stores({ audio: 'sha256, state, screen' });
  return db;
}

let shared: GuideDatabase | undefined;
export function getGuideDatabase(): GuideDatabase {
  shared ??= openGuideDatabase(perLocality(GUIDE_DATABASE_NAME));
  return shared;
}
