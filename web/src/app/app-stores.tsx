// One instance of each store for the whole app, shared through context so
// every route sees the same progress and sync state.
import { createContext, useContext, type ParentProps } from 'solid-js';
import { createContentStore, type ContentStore } from '../learn/content-store.ts';
import { createProgressStore, type ProgressStore } from '../learn/progress-store.ts';
import { createSyncStore, type SyncStore } from '../sync/sync-store.ts';
import { createLearnerStore, type LearnerStore } from '../learn/learner-store.ts';

export interface AppStores {
  content: ContentStore;
  progress: ProgressStore;
  sync: SyncStore;
  learner: LearnerStore;
}

const StoresContext = createContext<AppStores>();

export function createAppStores(): AppStores {
  const sync = createSyncStore();
  const progress = createProgressStore({
    onChange: (kind) => void (kind === 'completed' ? sync.syncNow() : sync.refresh()),
  });
  const content = createContentStore();
  return { content, progress, sync, learner: createLearnerStore() };
}

export function StoresProvider(props: ParentProps<{ stores: AppStores }>) {
  return <StoresContext.Provider value={props.stores}>{props.children}</StoresContext.Provider>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() outside <StoresProvider>');
  return stores;
}
