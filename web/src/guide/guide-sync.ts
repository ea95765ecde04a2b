// Sends the guide outbox to POST /guide/sync under the guide's cookie. Like
// the resident sync engine it owns no data (the outbox is the truth) and
// never runs twice at once. A 401 means the login on this phone ended: the
// queue is kept untouched and the UI asks the guide to log in again.
import { SYNC_BATCH_SIZE } from '../../../shared/api.ts';
import { selectBatch } from '../../../shared/sync/batch.ts';
import { planResults } from '../../../shared/sync/results.ts';
import { HttpError, NetworkError } from '../net/api.ts';
import type { GuideRepo } from './guide-repo.ts';
import type { guideApi } from './guide-api.ts';

export type GuideSyncState = 'idle' | 'syncing' | 'offline' | 'login-required' | 'error';

export function createGuideSync(deps: { repo: GuideRepo; api: Pick<typeof guideApi, 'sync'>; deviceId: () => string; onChange: (s: GuideSyncState) => void }) {
  let running: Promise<GuideSyncState> | null = null;

  async function drain(): Promise<GuideSyncState> {
    if (!(globalThis.navigator?.onLine ?? true)) return 'offline';
    for (;;) {
      const batch = selectBatch(await deps.repo.listPending(), SYNC_BATCH_SIZE);
      if (batch.length === 0) {
        await deps.repo.setMeta('lastSyncedAt', new Date().toISOString());
        return 'idle';
      }
      try {
        const res = await deps.api.sync(deps.deviceId(), batch.map((b) => b.event));
        const plan = planResults(batch.map((b) => b.id), res.results);
        await deps.repo.applyPlan(plan);
        if (plan.retry.length === batch.length) return 'error';
      } catch (err) {
        if (err instanceof HttpError && err.status === 401) return 'login-required';
        return err instanceof NetworkError ? 'offline' : 'error';
      }
    }
  }

  return {
    run(): Promise<GuideSyncState> {
      running ??= (async () => {
        deps.onChange('syncing');
        const state = await drain();
        deps.onChange(state);
        running = null;
        return state;
      })();
      return running;
    },
  };
}
