// Guide mode's state, shared by every /guide screen: who is logged in (as
// last confirmed by the server, cached so the phone works offline until the
// login ends), the sync state and how many records wait to be sent.
import { createSignal } from 'solid-js';
import type { GuideMe } from '../../../shared/guide/api.ts';
import { toBase64Url, randomBytes } from '../../../shared/ids.ts';
import { HttpError, NetworkError } from '../net/http.ts';
import { getGuideDatabase } from './db.ts';
import { guideApi } from './guide-api.ts';
import { createGuideRepo, type GuideIdentity } from './guide-repo.ts';
import { createGuideSync, followOutbox } from './guide-sync.ts';
import type { SyncSnapshot, SyncState } from '../sync/outbox-sync.ts';
import { watchSyncTriggers } from '../sync/sync-triggers.ts';
import { uploadPendingFiles } from '../unit/file-upload.ts';

/** What the sync bar says: the engine's state, unless the login is known to have ended. */
export type GuideSyncState = SyncState;

function createGuideStore() {
  const repo = createGuideRepo(getGuideDatabase());
  const [me, setMe] = createSignal<GuideMe | null>(null);
  const [ready, setReady] = createSignal(false);
  const [snapshot, setSnapshot] = createSignal<SyncSnapshot>({ state: 'idle', pending: 0, dead: 0, lastSyncedAt: null, retryAt: null });
  // Set when confirming the login found it ended (or no network) before any sync ran; the engine's next report replaces it.
  const [startState, setStartState] = createSignal<SyncState | null>(null);
  const [loginEnded, setLoginEnded] = createSignal(false);
  // The guide logged out on this phone: nothing is shown or sent until the next login.
  const [loggedOut, setLoggedOut] = createSignal(false);
  let deviceId = '';

  const sync = createGuideSync({
    repo,
    // Logged out: a send is answered as an ended login would be (401), even
    // by a retry timer set before, so the queue waits for the next login.
    api: { sync: (id, events) => (loggedOut() ? Promise.reject(new HttpError(401, 'logged_out', 'logged out on this phone')) : guideApi.sync(id, events)) },
    deviceId: () => deviceId,
    // Recordings before the records that name them (like a unit's evidence files).
    prepare: () =>
      uploadPendingFiles(repo, {
        putFile: (sha256, blob) => (loggedOut() ? Promise.reject(new HttpError(401, 'logged_out', 'logged out on this phone')) : guideApi.putAudio(sha256, blob)),
      }),
    onChange: (s) => {
      // A new state from the engine replaces the one found at start; a count
      // refresh (another tab sent records) keeps it.
      if (s.state !== snapshot().state) setStartState(null);
      if (s.state === 'login-required') setLoginEnded(true);
      setSnapshot(s);
    },
  });
  // Logged out: nothing leaves the phone (a cookie the server has not ended
  // yet must not send anything) until the next login.
  const trigger = () => (loggedOut() ? Promise.resolve() : sync.trigger());
  const syncState = (): GuideSyncState => (loginEnded() ? 'login-required' : (startState() ?? snapshot().state));

  const loginExpired = () => {
    const m = me();
    return !m || Date.parse(m.sessionExpiresAt) <= Date.now() || loginEnded() || loggedOut();
  };

  async function start() {
    deviceId = (await repo.getMeta<string>('deviceId')) ?? '';
    if (!deviceId) {
      deviceId = `guide-${toBase64Url(randomBytes(12))}`;
      await repo.setMeta('deviceId', deviceId);
    }
    setMe((await repo.getMeta<GuideMe>('me')) ?? null);
    setLoggedOut((await repo.getMeta<boolean>('loggedOut')) === true);
    await sync.refreshCounts();
    followOutbox(repo, sync);
    setReady(true);
    // Logged out without signal: the server may still hold the login, so end
    // it now rather than let the cookie bring it back.
    if (loggedOut()) {
      await guideApi.logout().catch(() => undefined);
      watchSyncTriggers({ trigger });
      return;
    }
    // Online: confirm the login (and pick up new group assignments).
    try {
      const fresh = await guideApi.me();
      await repo.setMeta('me', fresh);
      setMe(fresh);
      void sync.trigger();
    } catch (err) {
      if (err instanceof HttpError && (err.status === 401 || err.status === 403)) setLoginEnded(true);
      // Opened without signal: say so, rather than leave the bar at "synced".
      else if (err instanceof NetworkError) setStartState('offline');
    }
    // The same triggers as a resident's phone: back online, back to the app.
    watchSyncTriggers({ trigger });
  }

  return {
    repo,
    me,
    ready,
    syncState,
    pending: () => snapshot().pending,
    dead: () => snapshot().dead,
    lastSyncedAt: () => snapshot().lastSyncedAt,
    retryAt: () => snapshot().retryAt,
    loginExpired,
    loggedOut,
    start,
    identity: (): GuideIdentity => ({ guideId: me()!.user.id, deviceId }),
    /** After a record: send it now if the network allows. */
    syncNow: trigger,
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
      await repo.deleteMeta('loggedOut');
      setMe(fresh);
      setLoginEnded(false);
      setLoggedOut(false);
      setStartState(null);
      return sync.trigger();
    },
    /**
     * Ends the login on this phone: on the server when there is signal (and
     * at the next start when there is not), and here. Records not sent yet
     * stay queued and go out after this guide's next login; the phone keeps
     * who recorded them so no other guide can log in until they are sent.
     * Returns whether the server was told.
     */
    async logout(): Promise<'done' | 'offline'> {
      await repo.setMeta('loggedOut', true);
      setLoggedOut(true);
      sync.stop();
      await repo.forgetServerCopies();
      if ((await repo.countPending()) === 0) {
        await repo.deleteMeta('me');
        setMe(null);
      }
      try {
        await guideApi.logout();
        return 'done';
      } catch {
        return 'offline';
      }
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
