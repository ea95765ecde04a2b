// Learner identities on this phone: one profile per person (family members
// share phones), each a random learner id + secret made on the phone — no
// name, phone number or other personal data is needed to learn. meta keeps
// the device id (shared by all profiles) and which profile is active.
import { newSecret, toBase64Url, randomBytes, uuidv7 } from '../../../../shared/ids.ts';
import { EMPTY_PROFILE } from '../../../../shared/resident/profile-constants.ts';
import type { HvsDatabase, ProfileRow } from './database.ts';

export interface Identity {
  learnerId: string;
  secret: string;
  deviceId: string;
  /** True once the ward server has stored this learner. */
  registered: boolean;
}

export interface IdentityRepo {
  /** The active profile's identity, creating the first profile on the very first call. */
  getIdentity(): Promise<Identity>;
  /** Every identity with something to sync, deleting ones included. */
  listIdentities(): Promise<Identity[]>;
  setRegistered(registered: boolean, learnerId?: string): Promise<void>;
  getLastSyncedAt(learnerId?: string): Promise<string | null>;
  setLastSyncedAt(iso: string, learnerId?: string): Promise<void>;
  /** Drops profiles whose deletion the server has confirmed (nothing left to send). */
  removeErased(): Promise<void>;
}

export function newProfileRow(now: Date, learnerId = uuidv7(now.getTime()), secret = newSecret()): ProfileRow {
  return {
    learnerId,
    secret,
    registered: false,
    lastSyncedAt: null,
    createdAt: now.toISOString(),
    details: { ...EMPTY_PROFILE },
    consent: null,
    pin: null,
    isDeleting: false,
  };
}

export function createIdentityRepo(db: HvsDatabase): IdentityRepo {
  const metaValue = async <T>(key: string): Promise<T | undefined> => (await db.meta.get(key))?.value as T | undefined;

  const deviceId = async () => {
    let id = await metaValue<string>('deviceId');
    if (!id) {
      id = toBase64Url(randomBytes(16));
      await db.meta.put({ key: 'deviceId', value: id });
    }
    return id;
  };

  /** The active, not-deleting profile; made when there is none. Call inside a rw transaction. */
  const active = async (): Promise<ProfileRow> => {
    const id = await metaValue<string>('activeLearnerId');
    const row = id ? await db.profiles.get(id) : undefined;
    if (row && !row.isDeleting) return row;
    const other = (await db.profiles.toArray()).find((p) => !p.isDeleting);
    const chosen = other ?? newProfileRow(new Date());
    if (!other) await db.profiles.add(chosen);
    await db.meta.put({ key: 'activeLearnerId', value: chosen.learnerId });
    return chosen;
  };

  const toIdentity = (row: ProfileRow, device: string): Identity => ({
    learnerId: row.learnerId,
    secret: row.secret,
    deviceId: device,
    registered: row.registered,
  });

  const idOrActive = async (learnerId?: string) => learnerId ?? (await getIdentity()).learnerId;

  // One read-write transaction, so two tabs launching together cannot each
  // create a different learner.
  const getIdentity = () => db.transaction('rw', db.meta, db.profiles, async () => toIdentity(await active(), await deviceId()));

  return {
    getIdentity,
    listIdentities: () =>
      db.transaction('rw', db.meta, db.profiles, async () => {
        const device = await deviceId();
        return (await db.profiles.toArray()).map((row) => toIdentity(row, device));
      }),
    setRegistered: async (registered, learnerId) => {
      await db.profiles.update(await idOrActive(learnerId), { registered });
    },
    getLastSyncedAt: async (learnerId) => (await db.profiles.get(await idOrActive(learnerId)))?.lastSyncedAt ?? null,
    setLastSyncedAt: async (iso, learnerId) => {
      await db.profiles.update(await idOrActive(learnerId), { lastSyncedAt: iso });
    },
    removeErased: () =>
      db.transaction('rw', db.profiles, db.outbox, async () => {
        for (const row of await db.profiles.filter((p) => p.isDeleting).toArray()) {
          const left = await db.outbox.where('learnerId').equals(row.learnerId).filter((r) => r.state === 'pending').count();
          if (left === 0) {
            await db.outbox.where('learnerId').equals(row.learnerId).delete();
            await db.profiles.delete(row.learnerId);
          }
        }
      }),
  };
}
