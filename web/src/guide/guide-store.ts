// Guide mode's state, shared by every /guide screen: who is logged in (as
// last confirmed by the server, cached so the phone works offline until the
// login ends), the sync state and how many records wait to be sent.
import { createSignal } from 'solid-js';
import type { GuideMe } from '../../../shared/guide/api.ts';
import { toBase64Url, randomBytes } from '../../../shared/ids.ts';
import { HttpError, NetworkError } from '../net/api.ts';
import { getGuideDatabase } from './db.ts';
import { guideApi } from './guide-api.ts';
import { createGuideRepo, type GuideIdentity } from './guide-repo.ts';
import { createGuideSync, type GuideSyncState } from './guide-sync.ts';

function createGuideStore() {
  const repo = createGuideRepo(getGuideDatabase());
  const [me, setMe] = createSignal<GuideMe | null>(null);
  const [ready, setReady] = createSignal(false);
  const [syncState, setSyncState] = createSignal<GuideSyncState>('idle');
  const [pending, setPending] = createSignal(0);
  const [lastSyncedAt, setLastSyncedAt] = createSignal<string | null>(null);
  let deviceId = '';

  const refreshCounts = async () => {
    setPending(await repo.countPending());
    setLastSyncedAt((await repo.getMeta<string>('lastSyncedAt')) ?? null);
  };
  const sync = createGuideSync({
    repo,
    api: guideApi,
    deviceId: () => deviceId,
    onChange: (s) => {
      setSyncState(s);
      void refreshCounts();
    },
  });

  const loginExpired = () => {
    const m = me();
    return !m || Date.parse(m.sessionExpiresAt) <= Date.now() || syncState() === 'login-required';
  };

  async function start() {
    deviceId = (await repo.getMeta<string>('deviceId')) ?? '';
    if (!deviceId) {
      deviceId = `guide-${toBase64Url(randomBytes(12))}`;
      await repo.setMeta('deviceId', deviceId);
    }
    setMe((await repo.getMeta<GuideMe>('me')) ?? null);
    await refreshCounts();
    setReady(true);
    // Online: confirm the login (and pick up new group assignments).
    try {
      const fresh = await guideApi.me();
      await repo.setMeta('me', fresh);
      setMe(fresh);
      void sync.run();
    } catch (err) {
      if (err instanceof HttpError && (err.status === 401 || err.status === 403)) setSyncState('login-required');
      // Opened without signal: say so, rather than leave the bar at "synced".
      else if (err instanceof NetworkError) setSyncState('offline');
    }
    globalThis.addEventListener?.('online', () => void sync.run());
    globalThis.addEventListener?.('offline', () => syncState() !== 'login-required' && setSyncState('offline'));
  }

  return {
    repo,
    me,
    ready,
    syncState,
    pending,
    lastSyncedAt,
    loginExpired,
    start,
    identity: (): GuideIdentity => ({ guideId: me()!.user.id, deviceId }),
    syncNow: async () => {
      await refreshCounts();
      return sync.run();
    },
    async login(username: string, password: string) {
      const { user } = await guideApi.login(username, password);
      if (user.role !== 'guide') throw new HttpError(403, 'not_a_guide', 'not a guide');
      const previous = me();
      // Another guide on this phone: queued records stay (they carry their
      // own recorder), but must not be sent under the new login.
      if (previous && previous.user.id !== user.id && (await repo.countPending()) > 0) {
        await guideApi.logout();
        throw new HttpError(409, 'other_guide_pending', 'another guide has unsent records');
      }
      const fresh = await guideApi.me();
      await repo.setMeta('me', fresh);
      setMe(fresh);
      setSyncState('idle');
      return sync.run();
    },
  };
}

export type GuideStore = ReturnType<typeof createGuideStore>;
let store: GuideStore | undefined;
/** One store for all guide screens (guide code loads only on /guide routes). */
export function useGuide(): GuideStore {
  if (!store) {
    store = createGuideStore();
    void store.start();
  }
  return store;
}
