// The unit officer's screen state: who they are (the /units/me answer, kept
// in the unit database so the form works without signal), the unit's tasks
// and activities (kept the same way; the tasks with the time they were read;
// the activities read again after each successful sync),
// this device's id, the repo and the one sync engine with its browser
// triggers, and the records the server refused (shown on their activity).
import { createSignal } from 'solid-js';
import type { UnitMe } from '../../../shared/units/api.ts';
import { randomBytes, toBase64Url } from '../../../shared/ids.ts';
import { HttpError } from '../net/http.ts';
import { accountApi } from '../account/account-api.ts';
import { watchSyncTriggers } from '../sync/sync-triggers.ts';
import type { SyncSnapshot } from '../sync/outbox-sync.ts';
import { openUnitDatabase, UNIT_DATABASE_NAME, type LocalActivity } from './db.ts';
import { unitApi } from './unit-api.ts';
import { createUnitRepo, type AttachedFile, type NewActivity, type Refusal } from './unit-repo.ts';
import { createUnitSync } from './unit-sync.ts';
import { readTasks, TASKS_META_KEY, type KeptTasks } from './unit-tasks.ts';
import { perLocality } from '../net/api-base.ts';

export function createUnitStore() {
  const repo = createUnitRepo(openUnitDatabase(perLocality(UNIT_DATABASE_NAME)));
  let deviceId = '';
  const [me, setMe] = createSignal<(UnitMe & { userId: string }) | null>(null);
  const [needsLogin, setNeedsLogin] = createSignal(false);
  const [activities, setActivities] = createSignal<LocalActivity[]>([]);
  const [tasks, setTasks] = createSignal<KeptTasks | null>(null);
  const [sync, setSync] = createSignal<SyncSnapshot>({ state: 'idle', pending: 0, dead: 0, lastSyncedAt: null, retryAt: null });
  // Files waiting are counted apart from records: a photo can wait after its record was saved.
  const [filesWaiting, setFilesWaiting] = createSignal(0);
  const countFiles = async () => setFilesWaiting(await repo.countPendingFiles());
  // Refused records stay on the device (dead in the outbox) and are shown on their activity.
  const [refusals, setRefusals] = createSignal<Refusal[]>([]);
  const readRefusals = async () => setRefusals(await repo.refusals());
  const engine = createUnitSync({
    repo,
    api: unitApi,
    deviceId: () => deviceId,
    // After each successful run the unit's activities are read again (another officer's appear without a restart).
    unitId: () => me()?.unit.id ?? null,
    onActivities: () => void repo.listActivities().then(setActivities),
    onChange: (snap) => {
      setSync({ ...snap });
      void countFiles();
      void readRefusals();
    },
  });
  watchSyncTriggers(engine);

  /** Asks the server who is logged in; offline, the last answer kept on the device. */
  async function refreshMe() {
    try {
      const [{ user }, unit] = await Promise.all([accountApi.me(), unitApi.me()]);
      const fresh = { ...unit, userId: user.id };
      await repo.setMeta('me', fresh);
      setMe(fresh);
      setNeedsLogin(false);
      void refreshTasks(fresh);
      void refreshActivities(fresh.unit.id);
    } catch (err) {
      if (err instanceof HttpError && (err.status === 401 || err.status === 403)) return void setNeedsLogin(true);
      const kept = await repo.getMeta<UnitMe & { userId: string }>('me');
      if (kept) setMe(kept);
      else setNeedsLogin(true);
    }
  }

  /** The unit's tasks from the server; without an answer the kept copy stays, with its age. */
  async function refreshTasks(who: UnitMe) {
    try {
      const fresh = await readTasks(unitApi, who, Date.now());
      await repo.setMeta(TASKS_META_KEY, fresh);
      setTasks(fresh);
    } catch {
      // Offline or refused: the copy on the device is what there is.
    }
  }

  /** The unit's activities from the server, kept on the phone so one recorded elsewhere can be corrected here, offline too. */
  async function refreshActivities(unitId: string) {
    try {
      await repo.keepServerActivities(await unitApi.activities(unitId));
      setActivities(await repo.listActivities());
    } catch {
      // Offline or refused: the activities on the device are what there is.
    }
  }

  /** Corrects an activity with the reason; `afterIssue` when its period's report was issued. */
  async function correct(activityId: string, a: NewActivity, reason: string, afterIssue = false) {
    const who = me();
    if (!who) return;
    await repo.correctActivity({ officerId: who.userId, deviceId }, activityId, a, reason, new Date(), { afterIssue });
    setActivities(await repo.listActivities());
    await readRefusals();
    void engine.trigger();
  }

  return {
    me,
    tasks,
    needsLogin,
    activities,
    sync,
    filesWaiting,
    refusals,
    correct,
    async start() {
      deviceId = (await repo.getMeta<string>('deviceId')) ?? '';
      if (!deviceId) {
        deviceId = `unit-${toBase64Url(randomBytes(12))}`;
        await repo.setMeta('deviceId', deviceId);
      }
      setActivities(await repo.listActivities());
      await countFiles();
      await readRefusals();
      setTasks((await repo.getMeta<KeptTasks>(TASKS_META_KEY)) ?? null);
      await refreshMe();
      void engine.trigger();
    },
    async login(username: string, password: string) {
      await accountApi.login(username, password);
      await refreshMe();
      void engine.trigger();
    },
    /** Records an activity under a given id unless it is already on this device; true when it was new. */
    async recordOnce(activityId: string, a: NewActivity): Promise<boolean> {
      const who = me();
      if (!who) return false;
      const { created } = await repo.recordActivityOnce({ officerId: who.userId, deviceId }, activityId, a);
      setActivities(await repo.listActivities());
      void engine.trigger();
      return created;
    },
    /** Sends a correction refused for a locked period again, as one made after the report (same values and reason). */
    async resendAfterIssue(activityId: string) {
      const refused = refusals().find((r) => r.activityId === activityId && r.event.type === 'activity.corrected');
      if (!refused || refused.event.type !== 'activity.corrected') return;
      const { unitId, planId, startsOn, endsOn, formCode, subFormId, contentItems, title, place, audiences, reach, links, reason } = refused.event;
      await correct(activityId, { unitId, planId, startsOn, endsOn, formCode, subFormId, contentItems, title, place, audiences, reach, links }, reason, true);
    },
    async record(a: NewActivity, files: AttachedFile[] = []) {
      const who = me();
      if (!who) return;
      await repo.recordActivity({ officerId: who.userId, deviceId }, a, files);
      setActivities(await repo.listActivities());
      await countFiles();
      void engine.trigger();
    },
  };
}
export type UnitStore = ReturnType<typeof createUnitStore>;
