// Browser events that should start a sync: the network came back, or the
// resident returned to the app (phones often kill timers in the background).
import type { SyncEngine } from './sync-engine.ts';

export function watchSyncTriggers(engine: Pick<SyncEngine, 'trigger'>, win: Window = window, doc: Document = document) {
  const onOnline = () => void engine.trigger();
  const onOffline = () => void engine.trigger(); // publishes the honest 'offline' state at once
  const onVisible = () => {
    if (doc.visibilityState === 'visible') void engine.trigger();
  };
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);
  doc.addEventListener('visibilitychange', onVisible);
  return () => {
    win.removeEventListener('online', onOnline);
    win.removeEventListener('offline', onOffline);
    doc.removeEventListener('visibilitychange', onVisible);
  };
}
