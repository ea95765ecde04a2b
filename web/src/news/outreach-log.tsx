// On a unit officer's device: log a published item as an activity of the
// unit's outreach log in one tap (the form with the ward-portal sub-form, the
// item's link). Recorded in the unit database with its outbox record, sent by
// the unit's sync engine, offline too; the activity id comes from the item
// and the unit, so it is logged once however often it is tapped.
import { createSignal, onMount, Show } from 'solid-js';
import type { NewsItem } from '../../../shared/news/schema.ts';
import { storyActivity, storyActivityId } from '../../../shared/news/outreach.ts';
import { vietnamDay } from '../../../shared/resident/home-plan.ts';
import { t } from '../i18n/index.ts';
import { createUnitStore } from '../unit/unit-store.ts';

type LogState = 'ready' | 'done' | 'already' | 'noPlan';

export default function OutreachLog(props: { item: NewsItem; url: string }) {
  const store = createUnitStore();
  const [state, setState] = createSignal<LogState>('ready');
  const [activityId, setActivityId] = createSignal('');
  onMount(async () => {
    await store.start();
    const me = store.me();
    if (!me) return;
    const id = await storyActivityId(props.item.id, me.unit.id);
    setActivityId(id);
    if (store.activities().some((a) => a.activityId === id)) setState('already');
  });

  async function log() {
    const me = store.me();
    if (!me || !activityId()) return;
    const fields = storyActivity(me.plans, me.unit.id, { title: props.item.title, kind: props.item.kind, day: vietnamDay(Date.parse(props.item.publishedAt)), url: props.url });
    if (!fields) return void setState('noPlan');
    setState((await store.recordOnce(activityId(), fields)) ? 'done' : 'already');
  }

  return (
    <Show when={store.me()}>
      {(me) => (
        <section class="news-log" data-testid="news-log">
          <h2>{t('news.log.title')}</h2>
          <Show when={state() === 'ready'}>
            <button type="button" class="button" data-testid="news-log-button" disabled={!activityId()} onClick={() => void log()}>
              {t('news.log.button')}
            </button>
          </Show>
          <Show when={state() !== 'ready'}>
            <p role="status" data-testid="news-log-state">
              {t(`news.log.${state()}`, { unit: me().unit.name })}
            </p>
          </Show>
          <Show when={state() !== 'ready' && state() !== 'noPlan'}>
            <p class="news-meta" data-testid="news-log-sync">
              {store.sync().pending > 0 ? t('news.log.pending', { count: store.sync().pending }) : t('news.log.sent')}
            </p>
          </Show>
        </section>
      )}
    </Show>
  );
}
