// The device identity: a random learner id and secret made on first launch.
// No personal data is involved; the secret authenticates sync requests.
import { newSecret, toBase64Url, randomBytes, uuidv7 } from '../../../shared/ids.ts';
import type { HvsDatabase } from './database.ts';

export interface Identity {
  learnerId: string;
  secret: string;
  deviceId: string;
  /** True once the ward server has stored this learner. */
  registered: boolean;
}

export interface IdentityRepo {
  /** Reads the identity, creating it on the very first call. */
  getIdentity(): Promise<Identity>;
  setRegistered(registered: boolean): Promise<void>;
  getLastSyncedAt(): Promise<string | null>;
  setLastSyncedAt(iso: string): Promise<void>;
}

export function createIdentityRepo(db: HvsDatabase): IdentityRepo {
  const get = async <T>(key: string): Promise<T | undefined> => (await db.meta.get(key))?.value as T | undefined;

  return {
    getIdentity: () =>
      // One read-write transaction, so two tabs launching together cannot
      // each create a different learner.
      db.transaction('rw', db.meta, async () => {
        let learnerId = await get<string>('learnerId');
        let secret = await get<string>('secret');
        let deviceId = await get<string>('deviceId');
        if (!learnerId || !secret || !deviceId) {
          learnerId = uuidv7();
          secret = newSecret();
          deviceId = toBase64Url(randomBytes(16));
          await db.meta.bulkPut([
            { key: 'learnerId', value: learnerId },
            { key: 'secret', value: secret },
            { key: 'deviceId', value: deviceId },
            { key: 'registered', value: false },
          ]);
        }
        const registered = (await get<boolean>('registered')) === true;
        return { learnerId, secret, deviceId, registered };
      }),
    setRegistered: async (registered) => {
      await db.meta.put({ key: 'registered', value: registered });
    },
    getLastSyncedAt: async () => (await get<string>('lastSyncedAt')) ?? null,
    setLastSyncedAt: async (iso) => {
      await db.meta.put({ key: 'lastSyncedAt', value: iso });
    },
  };
}
