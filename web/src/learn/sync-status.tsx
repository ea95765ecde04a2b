import { Match, Show, Switch } from 'solid-js';
import { formatTime, t } from '../i18n/index.ts';
import { useStores } from '../app/app-stores.tsx';

/** Says plainly whether the resident's learning has reached the ward server. */
export function SyncStatus() {
  const { sync } = useStores();
  return (
    <section class="sync-status" data-state={sync.state()} data-testid="sync-status" role="status" aria-live="polite" aria-label={t('sync.title')}>
      <Show when={sync.isKnown()} fallback={<p>{t('sync.checking')}</p>}>
        <p class="sync-state">
          <span class="sync-icon" aria-hidden="true">
            {{ idle: '✓', syncing: '⟳', offline: '⚠', waiting: '⏳', error: '!', 'login-required': '!' }[sync.state()]}
          </span>
          <Switch>
            <Match when={sync.state() === 'offline'}>{t('sync.offline')}</Match>
            <Match when={sync.state() === 'syncing'}>{t('sync.syncing')}</Match>
            <Match when={sync.state() === 'waiting'}>{t('sync.waiting')}</Match>
            <Match when={sync.state() === 'error'}>{t('sync.error')}</Match>
            <Match when={sync.pendingLessons() === 0 && !sync.lastSyncedAt()}>{t('sync.nothingYet')}</Match>
            <Match when={sync.pendingLessons() === 0}>{t('sync.allSynced')}</Match>
            <Match when={true}>{t('sync.willSync')}</Match>
          </Switch>
        </p>
        <p class="sync-details">
          {/* The number comes first in both languages: "3 bài chờ gửi", "3 lessons waiting to sync". */}
          <span class="sync-pending">
            <strong data-testid="sync-pending">{sync.pendingLessons()}</strong>{' '}
            {t('sync.pendingLessons', { count: sync.pendingLessons() })}
          </span>
          <span class="sync-last">
            {sync.lastSyncedAt() ? t('sync.lastSynced', { time: formatTime(sync.lastSyncedAt()!) }) : t('sync.neverSynced')}
          </span>
        </p>
        <Show when={sync.deadEvents() > 0}>
          <p class="sync-dead">{t('sync.rejected', { count: sync.deadEvents() })}</p>
        </Show>
      </Show>
    </section>
  );
}
