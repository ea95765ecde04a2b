// Who is learning on this phone right now, for the screens where a lesson is
// recorded. On a family phone (more than one profile) they say it, so a
// lesson is not recorded for the wrong person. Read once storage has loaded;
// switching learner reloads the app, so it is never stale across a switch.
import { createRoot, createSignal } from 'solid-js';
import type { Repos } from '../resident/db/index.ts';
import { loadRepos as defaultLoadRepos } from '../app/load-repos.ts';

export interface ActiveLearner {
  /** The name given on this phone, or null (shown as "Người học N"). */
  name: string | null;
  /** 1-based place in the phone's list of profiles. */
  position: number;
  /** How many profiles the phone holds. */
  count: number;
}

export function createLearnerStore(loadRepos: () => Promise<Pick<Repos, 'identity' | 'profiles'>> = defaultLoadRepos) {
  const [current, setCurrent] = createRoot(() => createSignal<ActiveLearner | null>(null));
  const refresh = async () => {
    const repos = await loadRepos();
    const me = await repos.identity.getIdentity();
    const list = await repos.profiles.list();
    const i = list.findIndex((p) => p.learnerId === me.learnerId);
    setCurrent({ name: list[i]?.details.displayName ?? null, position: i + 1, count: list.length });
  };
  refresh().catch(() => undefined);
  return { current, refresh };
}

export type LearnerStore = ReturnType<typeof createLearnerStore>;
