// A unit officer's own IndexedDB database ("hvs-unit"), apart from the
// resident's and the guide's: meta (device id, the cached /units/me answer,
// last sync), the unit family's outbox, the unit's activities (recorded on
// this device, or by any officer of the unit and read from the server), so
// the officer sees and corrects them offline, and the evidence files of this
// device (the photo or scan itself, until the server has it). Schema changes add a version().
import { Dexie, type EntityTable } from 'dexie';
import type { UnitEvent } from '../../../shared/events.ts';
import type { FileRef } from '../../../shared/files.ts';
import type { OutboxRowOf } from '../sync/outbox.ts';

export interface UnitMetaRow {
  key: string;
  value: unknown;
}
export type UnitOutboxRow = OutboxRowOf<UnitEvent>;
/** An activity as last recorded or corrected on this device, or as the server last gave it (the record's body). */
export interface LocalActivity {
  activityId: string;
  unitId: string;
  planId: string;
  startsOn: string;
  endsOn?: string;
  formCode: string;
  subFormId?: string;
  contentItems: string[];
  title: string;
  place: string;
  audiences: UnitEvent['audiences'];
  reach: UnitEvent['reach'];
  links: string[];
  /** Evidence photos and scans (their blobs are in `files`). */
  files?: FileRef[];
  recordedAt: string;
}

/** An evidence file on the phone, by the SHA-256 of its bytes: kept until the server stored it. */
export interface LocalFile {
  sha256: string;
  /** The bytes, until the server has them (then dropped to free the phone's storage). */
  blob?: Blob;
  type: FileRef['type'];
  bytes: number;
  name?: string;
  /** 'pending' until PUT /unit-files answered; 'refused' when the server will never take it. */
  state: 'pending' | 'uploaded' | 'refused';
  createdAt: number;
}

export type UnitDatabase = Dexie & {
  meta: EntityTable<UnitMetaRow, 'key'>;
  outbox: EntityTable<UnitOutboxRow, 'id'>;
  activities: EntityTable<LocalActivity, 'activityId'>;
  files: EntityTable<LocalFile, 'sha256'>;
};

export const UNIT_DATABASE_NAME = 'hvs-unit';

export function openUnitDatabase(name: string = UNIT_DATABASE_NAME): UnitDatabase {
  const db = new Dexie(name) as UnitDatabase;
  db.version(1).stores({
    meta: 'key',
    outbox: 'id, createdAt, state',
    activities: 'activityId, startsOn',
  });
  db.version(2).stores({ files: 'sha256, state' });
  return db;
}
